using System;
using System.Diagnostics;
using System.Net.Http;
using System.Threading;

namespace OpenStackSnapshot.Client.Http
{
    /// <summary>
    /// Every fact the sender and the handlers pass each other about one request, in one typed object riding in its
    /// properties: where to log, how it may be retried and how often it was, what an attempt found on the way.
    /// </summary>
    internal sealed class RequestTags
    {
        private const string Key = "OpenStackSnapshot.Tags";

        /// <summary>Where its exchanges are logged (the caller's verbose and debug streams), if anywhere.</summary>
        public IRequestLog? Log { get; set; }

        /// <summary>Sent once, never retried: a courtesy (a token revoke) must not hold a Disconnect for a whole retry budget.</summary>
        public bool BestEffort { get; set; }

        /// <summary>A POST that may be sent again when its answer was lost (a token request): it acts on nothing that lasts.</summary>
        public bool SafeToRepeat { get; set; }

        /// <summary>The session's first token request: its failures to connect are read as a wrong URL sooner than as an outage.</summary>
        public bool FirstSignIn { get; set; }

        /// <summary>Its retries so far and how long it has been going, from <see cref="StartRetries"/> on.</summary>
        public RetryState? Retries { get; private set; }

        /// <summary>The success answer of an attempt whose body is not JSON: the attempt handler's finding, for the retry policy.</summary>
        public HttpResponseMessage? UnreadableAnswer { get; set; }

        /// <summary>An error answer that says a service behind the API is down (Nova's 500 when Cinder is), for the retry policy.</summary>
        public HttpResponseMessage? OutageBehindAnswer { get; set; }

        /// <summary>Why the TLS handler refused the server's certificate, so a TLS failure can say why.</summary>
        public string? TlsRefusal { get; set; }

        /// <summary>Called once before a request is sent: its retries are counted, and its budget runs, from here.</summary>
        public RetryState StartRetries() => Retries = new RetryState();

        // Properties serves every build the same way (on .NET it is a view of Options), so the tests run the code
        // Windows PowerShell runs; only its obsolescence on .NET is set aside.
#pragma warning disable CS0618
        /// <summary>The request's tags, made on first use.</summary>
        public static RequestTags Of(HttpRequestMessage request)
        {
            if (Find(request) is { } tags) return tags;
            tags = new RequestTags();
            request.Properties[Key] = tags;
            return tags;
        }

        /// <summary>The request's tags, or null when nothing tagged it.</summary>
        public static RequestTags? Find(HttpRequestMessage? request) =>
            request != null && request.Properties.TryGetValue(Key, out var value) ? value as RequestTags : null;
#pragma warning restore CS0618
    }

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
