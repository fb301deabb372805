using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Polly;

namespace OpenStackSnapshot.Client.Http
{
    /// <summary>
    /// Runs each request through the session's Polly pipeline (breaker, retry, per-attempt timeout). Written here
    /// rather than taken from Microsoft.Extensions.Http.Resilience's AddResilienceHandler, whose dependency-injection
    /// container and telemetry cost about 170 ms at the first sign-in of every fresh pwsh for nothing we use.
    /// </summary>
    internal sealed class ResilienceHandler : DelegatingHandler
    {
        private static readonly ResiliencePropertyKey<HttpRequestMessage> RequestKey =
            new ResiliencePropertyKey<HttpRequestMessage>("OpenStackSnapshot.Request");
        private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;

        public ResilienceHandler(ResiliencePipeline<HttpResponseMessage> pipeline) => _pipeline = pipeline;

        /// <summary>The request a strategy's callback is deciding about.</summary>
        public static HttpRequestMessage? RequestOf(ResilienceContext context) =>
            context.Properties.TryGetValue(RequestKey, out var request) ? request : null;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var context = ResilienceContextPool.Shared.Get(cancellationToken);
            context.Properties.Set(RequestKey, request);
            try
            {
                // The request rides in the state, so no closure is allocated per request.
                var outcome = await _pipeline.ExecuteOutcomeAsync(
                    static async (attempt, state) =>
                    {
                        try
                        {
                            return Outcome.FromResult(
                                await state.Handler.SendAttemptAsync(state.Request, attempt.CancellationToken).ConfigureAwait(false));
                        }
                        catch (Exception e)
                        {
                            return Outcome.FromException<HttpResponseMessage>(e);
                        }
                    },
                    context, (Handler: this, Request: request)).ConfigureAwait(false);
                outcome.ThrowIfException();
                return outcome.Result!;
            }
            finally
            {
                ResilienceContextPool.Shared.Return(context);
            }
        }

        private Task<HttpResponseMessage> SendAttemptAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            base.SendAsync(request, cancellationToken);
    }
}
