using System;
using System.Diagnostics;
using System.Net.Http;
using System.Threading;

namespace OpenStackSnapshot.Client.Http
{
    /// <summary>
    /// One request's retries so far and how long it has been going. Shared by reference with the copies the retry
    /// handler makes of a request, so the sender sees every retry.
    /// </summary>
    internal sealed class RetryState
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private int _status;
        private int _connect;
        private volatile bool _lastRetryScheduled;
        private int _noticed;

        public TimeSpan Elapsed => _clock.Elapsed;
        public int StatusRetries => Volatile.Read(ref _status);
        public int ConnectRetries => Volatile.Read(ref _connect);
        /// <summary>The retry now waiting is the last: its wait was cut to what was left of the budget.</summary>
        public bool LastRetryScheduled => _lastRetryScheduled;
        public void MarkLastRetry() => _lastRetryScheduled = true;

        /// <summary>True the first time only: a waiting request tells the user once, not at every retry.</summary>
        public bool TryMarkNoticed() => Interlocked.Exchange(ref _noticed, 1) == 0;

        /// <summary>How many times the request was sent again after its first attempt.</summary>
        public int Total => StatusRetries + ConnectRetries;

        /// <summary>
        /// The request's state; one never started (sent past ApiSender) starts its own here, once, so its count and
        /// budget still hold instead of a fresh state at every look.
        /// </summary>
        public static RetryState Of(HttpRequestMessage? request)
        {
            if (request == null) return new RetryState(); // Polly always gives the request; this only keeps the type total
            var tags = RequestTags.Of(request);
            return tags.Retries ?? tags.StartRetries();
        }

        /// <summary>Counts one retry of its kind; returns that kind's count.</summary>
        public int Add(bool status) => status ? Interlocked.Increment(ref _status) : Interlocked.Increment(ref _connect);
    }
}
