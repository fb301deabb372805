using System;
using System.Net.Http;
using Microsoft.Extensions.DependencyInjection;

namespace OpenStackSnapshot.Client.Http
{
    /// <summary>
    /// The session's HttpClient from the client factory: auth (outermost), the outage breaker, retry and per-attempt
    /// timeout, the body read (so a cut or unreadable body is the attempt's failure), then logging (innermost, so
    /// every attempt is logged). Connections are pooled and reused.
    /// </summary>
    internal sealed class HttpPipeline : IDisposable
    {
        private const string Name = "OpenStackSnapshot";
        private readonly ServiceProvider _services;

        public HttpPipeline(ConnectionOptions options, TokenSource tokens)
        {
            var services = new ServiceCollection();
            var builder = services.AddHttpClient(Name, client => client.Timeout = System.Threading.Timeout.InfiniteTimeSpan);
            builder.ConfigurePrimaryHttpMessageHandler(options.Transport ?? new TlsHandler(options.Tls).Create);
            builder.AddHttpMessageHandler(() => new AuthTokenHandler(tokens));
            Breaker = new OutageBreaker(options);
            builder.AddResilienceHandler(Name, pipeline => RetryPolicy.Configure(pipeline, options, Breaker));
            builder.AddHttpMessageHandler(() => new BodyReadHandler());
            builder.AddHttpMessageHandler(() => new RequestLoggingHandler());
            _services = services.BuildServiceProvider();
            Client = _services.GetRequiredService<IHttpClientFactory>().CreateClient(Name);
            Client.DefaultRequestHeaders.UserAgent.ParseAdd($"OpenStackSnapshot/{typeof(HttpPipeline).Assembly.GetName().Version?.ToString(3)}");
            Client.DefaultRequestHeaders.Accept.ParseAdd("application/json");
        }

        public HttpClient Client { get; }
        /// <summary>The session's circuit: one per session, shared by its requests and runspaces.</summary>
        public OutageBreaker Breaker { get; }

        public void Dispose() => _services.Dispose();
    }
}
