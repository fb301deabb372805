using System;
using System.Net.Http;
using Polly;

namespace OpenStackSnapshot.Client.Http
{
    /// <summary>
    /// The session's HttpClient: auth (outermost), the outage breaker, retry and per-attempt timeout, the body read
    /// (so a cut or unreadable body is the attempt's failure), then logging (innermost, so every attempt is logged).
    /// One primary handler for the session's life, so connections are pooled and reused.
    /// </summary>
    internal sealed class HttpPipeline : IDisposable
    {
        public HttpPipeline(ConnectionOptions options, TokenSource tokens)
        {
            Breaker = new OutageBreaker(options);
            var policy = new ResiliencePipelineBuilder<HttpResponseMessage>();
            RetryPolicy.Configure(policy, options, Breaker);
            var primary = (options.Transport ?? new TlsHandler(options.Tls).Create)();
            var handlers = new AuthTokenHandler(tokens)
            {
                InnerHandler = new ResilienceHandler(policy.Build())
                {
                    InnerHandler = new BodyReadHandler { InnerHandler = new RequestLoggingHandler { InnerHandler = primary } },
                },
            };
            Client = new HttpClient(handlers) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
            Client.DefaultRequestHeaders.UserAgent.ParseAdd($"OpenStackSnapshot/{typeof(HttpPipeline).Assembly.GetName().Version?.ToString(3)}");
            Client.DefaultRequestHeaders.Accept.ParseAdd("application/json");
        }

        public HttpClient Client { get; }
        /// <summary>The session's circuit: one per session, shared by its requests and runspaces.</summary>
        public OutageBreaker Breaker { get; }

        public void Dispose() => Client.Dispose();
    }
}
