using System;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Timeout;

namespace OpenStackSnapshot.Client.Http
{
    /// <summary>
    /// Which failures are worth another attempt. A request the server refused without acting on it (429, 503,
    /// a refused connection) is resent whatever its method; one whose fate is unknown (502, 504, a timeout or a
    /// connection cut after sending) only when repeating it is harmless: a GET, or a DELETE (deleting twice
    /// deletes once; the sender takes a 404 on a retried DELETE as done), so a retried create never makes a second snapshot.
    /// </summary>
    internal static class RetryPolicy
    {
        private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(60);

        public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, ConnectionOptions options)
        {
            if (options.MaximumRetryCount > 0)
            {
                builder.AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = options.MaximumRetryCount,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = options.RetryInterval,
                    MaxDelay = MaxDelay,
                    ShouldRetryAfterHeader = false, // DelayGenerator below honours it, bounded
                    ShouldHandle = args => new ValueTask<bool>(ShouldRetry(args.Outcome, args.Context.GetRequestMessage())),
                    DelayGenerator = args => new ValueTask<TimeSpan?>(ServerDelay(args.Outcome.Result)),
                    OnRetry = args =>
                    {
                        RequestTags.NoteRetry(args.Context.GetRequestMessage());
                        return default;
                    },
                });
            }
            builder.AddTimeout(options.Timeout); // per attempt, inside the retry
        }

        internal static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, HttpRequestMessage? request)
        {
            // Unknown request: assume it is not safe to repeat, so a fate-unknown create is never resent.
            var safeToRepeat = request != null && (request.Method == HttpMethod.Get || request.Method == HttpMethod.Head || request.Method == HttpMethod.Delete);
            if (outcome.Result is HttpResponseMessage response)
            {
                switch ((int)response.StatusCode)
                {
                    case 429:
                    case 503:
                        return true;
                    case 413:
                        return response.Headers.RetryAfter != null; // Nova's rate limiter, not a body too large
                    case 502:
                    case 504:
                        return safeToRepeat;
                    default:
                        return false;
                }
            }
            var error = outcome.Exception;
            if (error == null || (error is OperationCanceledException && !(error is TimeoutRejectedException))) return false;
            if (error is HttpRequestException && ApiSender.IsConnectFailure(error)) return true;
            return safeToRepeat && (error is HttpRequestException || error is TimeoutRejectedException);
        }

        private static TimeSpan? ServerDelay(HttpResponseMessage? response)
        {
            if (response == null) return null;
            var asked = OpenStackHeaders.RetryAfter(response);
            if (asked == null) return null;
            var wait = asked.Value < TimeSpan.Zero ? TimeSpan.Zero : asked.Value;
            return wait > MaxDelay ? MaxDelay : wait;
        }
    }
}
