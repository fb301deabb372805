using System;
using System.Net.Http;
using OpenStackSnapshot.Client.Auth;
using Polly;

namespace OpenStackSnapshot.Client.Http
{
    /// <summary>
    /// The session's HTTP stack, wired once. One handler chain: the outage breaker, retry and per-attempt timeout, then
    /// each attempt logged and its body read whole (so a cut or unreadable body is the attempt's failure), over one
    /// primary handler for the session's life, so connections are pooled and reused. It serves two
    /// clients: Keystone's, which sends no token (its requests are what issue one), and the authenticated one, whose
    /// outermost handler adds the token from the token source that Keystone fills.
    /// </summary>
    internal sealed class HttpPipeline : IDisposable
    {
        private readonly HttpMessageHandler _chain;
        private readonly HttpClient _anonymous;
        private readonly HttpClient _authenticated;

        public HttpPipeline(ConnectionOptions options)
        {
            Breaker = new OutageBreaker(options);
            var policy = new ResiliencePipelineBuilder<HttpResponseMessage>();
            RetryPolicy.Configure(policy, options, Breaker);
            var primary = (options.Transport ?? new TlsHandler(options.Tls).Create)();
            _chain = new ResilienceHandler(policy.Build())
            {
                InnerHandler = new AttemptHandler { InnerHandler = primary },
            };
            _anonymous = Client(_chain);
            Keystone = new KeystoneClient(new ApiSender(_anonymous, Breaker), options.AuthUrl, options.Auth);
            Tokens = new TokenSource(Keystone, options.Auth.CanRenew);
            _authenticated = Client(new AuthTokenHandler(Tokens) { InnerHandler = _chain });
            Sender = new ApiSender(_authenticated, Breaker);
        }

        /// <summary>The session's circuit: one per session, shared by its requests and runspaces.</summary>
        public OutageBreaker Breaker { get; }

        /// <summary>Signs in, renews and revokes, through the anonymous client.</summary>
        public KeystoneClient Keystone { get; }

        public TokenSource Tokens { get; }

        /// <summary>Every request but Keystone's: sent with the session's token, renewed once on a 401.</summary>
        public ApiSender Sender { get; }

        // Both clients share the chain, so neither disposes it: it goes once, after both stopped their requests.
        private static HttpClient Client(HttpMessageHandler handler)
        {
            var client = new HttpClient(handler, disposeHandler: false) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
            client.DefaultRequestHeaders.UserAgent.ParseAdd($"OpenStackSnapshot/{typeof(HttpPipeline).Assembly.GetName().Version?.ToString(3)}");
            client.DefaultRequestHeaders.Accept.ParseAdd("application/json");
            return client;
        }

        public void Dispose()
        {
            _authenticated.Dispose();
            _anonymous.Dispose();
            _chain.Dispose();
        }
    }
}
