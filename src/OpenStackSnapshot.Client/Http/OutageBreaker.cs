using System;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.Extensions.Http.Resilience;
using OpenStackSnapshot.Client.Errors;
using Polly;
using Polly.CircuitBreaker;

namespace OpenStackSnapshot.Client.Http
{
    /// <summary>
    /// One outage is waited out once. When every request in a while has failed on the cloud's side after all of its
    /// retries (at least two: Polly's least), the session's circuit opens and later requests fail at once with
    /// ServiceUnavailable, unsent, for one retry budget; then one request probes, and success closes it again.
    /// </summary>
    internal sealed class OutageBreaker
    {
        private readonly TimeSpan _budget;
        private readonly TimeSpan _breakFor;
        private readonly CircuitBreakerStateProvider _state = new CircuitBreakerStateProvider();
        private readonly object _gate = new object();
        private DateTime _openedAt;
        private DateTime _probeAt;

        public OutageBreaker(ConnectionOptions options)
        {
            _budget = options.RetryBudget;
            _breakFor = Clamp(options.RetryBudget, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5));
        }

        public void AddTo(ResiliencePipelineBuilder<HttpResponseMessage> builder) =>
            builder.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
            {
                FailureRatio = 1.0, // every request in the window failed: one success means the cloud is there
                MinimumThroughput = 2,
                // Long enough to hold two requests that each spent the budget, short enough to forget earlier successes.
                SamplingDuration = Clamp(TimeSpan.FromTicks(_budget.Ticks * 3 / 2), TimeSpan.FromSeconds(1), TimeSpan.FromHours(1)),
                BreakDuration = _breakFor,
                StateProvider = _state,
                // The cloud, not the request, is the trouble; an answered success (even one we cannot read) is no outage.
                ShouldHandle = args => new ValueTask<bool>(RetryPolicy.Failure(args.Outcome).Cause != RetryPolicy.Cause.None),
                OnOpened = args =>
                {
                    DateTime probeAt;
                    lock (_gate)
                    {
                        _openedAt = DateTime.UtcNow;
                        probeAt = _probeAt = _openedAt + args.BreakDuration;
                    }
                    // One warning for the outage, from the request that opened the circuit; the requests it refuses each fail at once.
                    RequestTags.Find(ResilienceHandler.RequestOf(args.Context))?.Log?.Warning(
                        $"The cloud has failed every request for a while, each after retrying for up to {_budget.TotalSeconds:0} s: "
                        + $"until {probeAt:HH:mm:ss} UTC this session fails its requests at once, without sending them; "
                        + "then one request checks whether the cloud is back.");
                    return default;
                },
            });

        /// <summary>Until when requests fail fast unsent (then one probes); null while the circuit is closed.</summary>
        public DateTime? UnavailableUntil
        {
            get
            {
                if (_state.CircuitState == CircuitState.Closed) return null;
                lock (_gate) return _probeAt;
            }
        }

        /// <summary>The error for a request the open circuit did not send.</summary>
        public OpenStackException Refused(BrokenCircuitException e, Exchange unsent)
        {
            DateTime openedAt, probeAt;
            lock (_gate)
            {
                openedAt = _openedAt;
                probeAt = _probeAt;
            }
            var wait = probeAt - DateTime.UtcNow;
            var until = wait > TimeSpan.Zero ? $"until {probeAt:HH:mm:ss} UTC, then tries again" : "while one request checks whether it is back";
            return new OpenStackException(OpenStackErrorKind.ServiceUnavailable,
                $"{unsent.Method} {unsent.Url} was not sent: the cloud has failed every request since {openedAt:HH:mm:ss} UTC, "
                + $"each after retrying for up to {_budget.TotalSeconds:0} s, so this session fails fast {until}.",
                "Wait for the cloud to recover, then run the command again: the session recovers by itself, without connecting again.",
                unsent.WaitFor((int)Math.Ceiling(Math.Max(0, wait.TotalSeconds))), e);
        }

        private static TimeSpan Clamp(TimeSpan value, TimeSpan least, TimeSpan most) => value < least ? least : value > most ? most : value;
    }
}
