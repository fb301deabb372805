using System;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Timeout;

namespace OpenStackSnapshot.Client.Http
{
    /// <summary>
    /// Which failures are worth another attempt, and how long to wait. A request the server refused without acting on
    /// it (429, 503, a refused connection) is resent whatever its method; one whose fate is unknown (502, 504, a timeout
    /// or a connection cut after sending, Nova's 500 when Cinder went away) only when repeating it is harmless: a GET, or
    /// a DELETE (deleting twice deletes once; the sender takes a 404 on a retried DELETE as done), so a retried create
    /// never makes a second snapshot (the create's own reconciler decides whether to send it again).
    /// Every retry is bounded by its kind's count and by the request's retry budget, and says so in one verbose line.
    /// </summary>
    internal static class RetryPolicy
    {
        /// <summary>The longest backoff between attempts; a Retry-After may ask for more, within the budget.</summary>
        internal static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

        internal enum Cause
        {
            None,
            Status,
            Connect,
        }

        public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, ConnectionOptions options, OutageBreaker breaker)
        {
            breaker.AddTo(builder); // outermost: it sees a request's outcome after all of its retries
            var most = options.StatusCodeRetries + options.ConnectRetries;
            if (most > 0)
            {
                builder.AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = most, // each cause is held to its own count in ShouldHandle
                    ShouldRetryAfterHeader = false, // Delay below honours it, within the budget
                    ShouldHandle = args =>
                        new ValueTask<bool>(Allowed(args.Outcome, ResilienceHandler.RequestOf(args.Context), options) != Cause.None),
                    DelayGenerator = args =>
                        new ValueTask<TimeSpan?>(Delay(args.Outcome, args.AttemptNumber, ResilienceHandler.RequestOf(args.Context), options)),
                    OnRetry = args =>
                    {
                        Note(args.Outcome, args.RetryDelay, ResilienceHandler.RequestOf(args.Context), options);
                        return default;
                    },
                });
            }
            builder.AddTimeout(options.Timeout); // per attempt, inside the retry
        }

        /// <summary>Why this outcome may be retried (None: it may not), before counts and budget.</summary>
        internal static Cause Classify(Outcome<HttpResponseMessage> outcome, HttpRequestMessage? request)
        {
            var safe = SafeToRepeat(request);
            if (outcome.Result is HttpResponseMessage answer && AttemptHandler.IsUnreadable(answer))
                return safe ? Cause.Status : Cause.None; // a success we cannot read: its answer is lost (not an outage, so not in Failure)
            var (cause, fateUnknown) = Failure(outcome);
            return fateUnknown && !safe ? Cause.None : cause;
        }

        /// <summary>
        /// Whether sending this request twice does no more than sending it once; an unknown request is not,
        /// so a fate-unknown create is never resent.
        /// </summary>
        internal static bool SafeToRepeat(HttpRequestMessage? request) =>
            request != null && (request.Method == HttpMethod.Get || request.Method == HttpMethod.Head || request.Method == HttpMethod.Delete
                || RequestTags.Find(request)?.SafeToRepeat == true);

        /// <summary>
        /// A failure on the cloud's side, whatever the method: what a retry may answer and what the breaker counts as
        /// an outage. FateUnknown: the request may have been carried out (502, 504, a service gone behind the API, a
        /// timeout, a connection cut after sending); the one judgement of it, which the sender puts on the failure.
        /// </summary>
        internal static (Cause Cause, bool FateUnknown) Failure(Outcome<HttpResponseMessage> outcome)
        {
            if (outcome.Result is HttpResponseMessage response)
            {
                switch ((int)response.StatusCode)
                {
                    case 429:
                    case 503:
                        return (Cause.Status, false);
                    case 413:
                        // Nova's rate limiter, not a body too large; Cinder's quota errors say "Retry-After: 0", and waiting lifts no quota.
                        return (response.Headers.RetryAfter is { } after && after.Delta != TimeSpan.Zero ? Cause.Status : Cause.None, false);
                    case 502:
                    case 504:
                        return (Cause.Status, true);
                    case 500 when AttemptHandler.IsOutageBehind(response):
                        return (Cause.Status, true); // the service behind the API went away mid-request, perhaps after acting on it
                    default:
                        return (Cause.None, false);
                }
            }
            var error = outcome.Exception;
            if (error is TimeoutRejectedException) return (Cause.Connect, true);
            // The client's own timeout or a cancellation: not retried, and the request may have arrived meanwhile.
            if (error is OperationCanceledException) return (Cause.None, true);
            // A refused certificate stays refused: nothing was sent, and waiting would only delay the error.
            if (NetworkFailure.TlsRefusal(error) != null) return (Cause.None, false);
            if (error is HttpRequestException) return (Cause.Connect, !NetworkFailure.IsConnectFailure(error));
            return (Cause.None, false);
        }

        /// <summary>The cause, if its count and the budget still allow a retry, and the server did not ask for a wait past the budget.</summary>
        internal static Cause Allowed(Outcome<HttpResponseMessage> outcome, HttpRequestMessage? request, ConnectionOptions options)
        {
            var cause = Classify(outcome, request);
            if (cause == Cause.None || RequestTags.Find(request)?.BestEffort == true) return Cause.None;
            var limits = RetryLimits.For(request, options);
            // A name that does not resolve at the first sign-in is a typo; mid-session it resolved before, so it is a resolver's blip.
            if (limits.FirstSignIn && NetworkFailure.IsUnknownHost(outcome.Exception)) return Cause.None;
            var state = RetryState.Of(request);
            var used = cause == Cause.Status ? state.StatusRetries : state.ConnectRetries;
            var left = limits.Budget(cause) - state.Elapsed;
            if (used >= limits.Retries(cause) || left <= TimeSpan.Zero || state.LastRetryScheduled) return Cause.None;
            return ServerDelay(outcome.Result) is TimeSpan asked && asked > left ? Cause.None : cause;
        }

        /// <summary>
        /// Retry-After when the server gave one, else exponential backoff with jitter; never past the budget. A wait cut
        /// short by the budget makes that retry the last: otherwise the budget's final microseconds would each allow
        /// one more retry at once, a burst of requests against a failing cloud.
        /// </summary>
        internal static TimeSpan Delay(Outcome<HttpResponseMessage> outcome, int attempt, HttpRequestMessage? request, ConnectionOptions options)
        {
            var wait = ServerDelay(outcome.Result) ?? Backoff(options.RetryInterval, attempt);
            var state = RetryState.Of(request);
            var left = RetryLimits.For(request, options).Budget(Classify(outcome, request)) - state.Elapsed;
            if (wait < left) return wait;
            state.MarkLastRetry();
            return left > TimeSpan.Zero ? left : TimeSpan.Zero;
        }

        /// <summary>interval × 2^attempt, at most MaxBackoff, times 0.75–1.25 so many clients do not retry in step.</summary>
        internal static TimeSpan Backoff(TimeSpan interval, int attempt)
        {
            // Hand-written because Polly's jittered delay cannot then be bounded by the request's remaining budget.
            var exponential = interval.TotalMilliseconds * Math.Pow(2, Math.Min(attempt, 20));
            var capped = Math.Min(exponential, MaxBackoff.TotalMilliseconds);
            return TimeSpan.FromMilliseconds(capped * (0.75 + (0.5 * Jitter.Next())));
        }

        private static TimeSpan? ServerDelay(HttpResponseMessage? response)
        {
            if (response == null) return null;
            var asked = OpenStackHeaders.RetryAfter(response);
            if (asked == null) return null;
            return asked.Value < TimeSpan.Zero ? TimeSpan.Zero : asked.Value;
        }

        private static void Note(Outcome<HttpResponseMessage> outcome, TimeSpan delay, HttpRequestMessage? request, ConnectionOptions options)
        {
            if (request == null) return;
            var state = RetryState.Of(request);
            var cause = Classify(outcome, request);
            var count = state.Add(cause == Cause.Status);
            var limits = RetryLimits.For(request, options);
            var budget = limits.Budget(cause);
            var left = budget - state.Elapsed - delay;
            var reason = Reason(outcome);
            RequestTags.Find(request)?.Log?.Verbose(string.Format(System.Globalization.CultureInfo.InvariantCulture,
                "Retrying {0} {1} in {2:0.0} s ({3} retry {4} of {5}; {6:0} s of the {7:0} s retry budget left): {8}.",
                request.Method, request.RequestUri?.AbsoluteUri, delay.TotalSeconds, cause == Cause.Status ? "status" : "connection", count,
                limits.Retries(cause), Math.Max(0, left.TotalSeconds), budget.TotalSeconds, reason));
            WaitNotice.Consider(request, state, delay, budget - state.Elapsed, reason);
        }

        private static string Reason(Outcome<HttpResponseMessage> outcome)
        {
            if (outcome.Result is HttpResponseMessage response)
            {
                var after = response.Headers.RetryAfter;
                var unreadable = AttemptHandler.IsUnreadable(response) ? ", a body that is not JSON" : string.Empty;
                return $"{(int)response.StatusCode} {response.ReasonPhrase}{unreadable}{(after != null ? $", Retry-After {after}" : string.Empty)}";
            }
            return outcome.Exception is TimeoutRejectedException ? "no answer in time" : outcome.Exception?.GetBaseException().Message ?? "failed";
        }
    }

    /// <summary>
    /// How often and for how long one request may retry: the session's settings, except at the first sign-in. There a
    /// refused or unreachable Keystone is likelier a wrong auth URL than an outage, so unless the caller chose the
    /// retries it is given up on within seconds; a 429 or 503 (Keystone is there, and busy) keeps the session's limits.
    /// </summary>
    internal readonly struct RetryLimits
    {
        /// <summary>A few sends (waits of about 1, 2 and 2 s at the default interval), enough for a Keystone that is restarting.</summary>
        internal static readonly TimeSpan SignInConnectBudget = TimeSpan.FromSeconds(5);
        internal const int SignInConnectRetries = 3;

        private RetryLimits(int statusRetries, int connectRetries, TimeSpan statusBudget, TimeSpan connectBudget, bool firstSignIn)
        {
            StatusRetries = statusRetries;
            ConnectRetries = connectRetries;
            StatusBudget = statusBudget;
            ConnectBudget = connectBudget;
            FirstSignIn = firstSignIn;
        }

        public int StatusRetries { get; }
        public int ConnectRetries { get; }
        public TimeSpan StatusBudget { get; }
        public TimeSpan ConnectBudget { get; }
        /// <summary>The session's first token request, whatever its limits.</summary>
        public bool FirstSignIn { get; }

        public int Retries(RetryPolicy.Cause cause) => cause == RetryPolicy.Cause.Status ? StatusRetries : ConnectRetries;

        public TimeSpan Budget(RetryPolicy.Cause cause) => cause == RetryPolicy.Cause.Status ? StatusBudget : ConnectBudget;

        public static RetryLimits For(HttpRequestMessage? request, ConnectionOptions options)
        {
            var signIn = RequestTags.Find(request)?.FirstSignIn == true;
            var cutShort = signIn && !options.RetriesChosen;
            return new RetryLimits(options.StatusCodeRetries,
                cutShort ? Math.Min(options.ConnectRetries, SignInConnectRetries) : options.ConnectRetries,
                options.RetryBudget,
                cutShort && options.RetryBudget > SignInConnectBudget ? SignInConnectBudget : options.RetryBudget,
                signIn);
        }
    }

    /// <summary>A thread-safe random fraction for jitter (System.Random.Shared is not on .NET Framework).</summary>
    internal static class Jitter
    {
        private static readonly Random Seeds = new Random();
        [ThreadStatic] private static Random? _local;

        public static double Next()
        {
            if (_local == null)
            {
                int seed;
                lock (Seeds) seed = Seeds.Next();
                _local = new Random(seed);
            }
            return _local.NextDouble();
        }
    }
}
