using System.Net.Http;

namespace OpenStackSnapshot.Client.Http
{
    /// <summary>Per-request facts the handlers read: where to log, whether the request carries a token, how it may be retried.</summary>
    internal static class RequestTags
    {
        private const string LogKey = "OpenStackSnapshot.Log";
        private const string AnonymousKey = "OpenStackSnapshot.Anonymous";
        private const string RetriesKey = "OpenStackSnapshot.Retries";
        private const string BestEffortKey = "OpenStackSnapshot.BestEffort";
        private const string FirstSignInKey = "OpenStackSnapshot.FirstSignIn";

        // The one place a request's tags are kept. Properties serves every build the same way (on .NET it is a view of
        // Options), so the tests run the code Windows PowerShell runs; only its obsolescence on .NET is set aside.
#pragma warning disable CS0618
        internal static void Set(HttpRequestMessage request, string key, object value) => request.Properties[key] = value;

        internal static object? Get(HttpRequestMessage request, string key) =>
            request.Properties.TryGetValue(key, out var value) ? value : null;
#pragma warning restore CS0618

        public static void SetLog(HttpRequestMessage request, IRequestLog? log)
        {
            if (log != null) Set(request, LogKey, log);
        }

        public static IRequestLog? GetLog(HttpRequestMessage? request) => request == null ? null : Get(request, LogKey) as IRequestLog;

        /// <summary>Keystone's token request itself goes without a token.</summary>
        public static void MarkAnonymous(HttpRequestMessage request) => Set(request, AnonymousKey, true);

        public static bool IsAnonymous(HttpRequestMessage request) => Get(request, AnonymousKey) != null;

        /// <summary>Sent once, never retried: a courtesy (a token revoke) must not hold a Disconnect for a whole retry budget.</summary>
        public static void MarkBestEffort(HttpRequestMessage request) => Set(request, BestEffortKey, true);

        public static bool IsBestEffort(HttpRequestMessage? request) => request != null && Get(request, BestEffortKey) != null;

        /// <summary>The session's first token request: its failures to connect are read as a wrong URL sooner than as an outage.</summary>
        public static void MarkFirstSignIn(HttpRequestMessage request) => Set(request, FirstSignInKey, true);

        public static bool IsFirstSignIn(HttpRequestMessage? request) => request != null && Get(request, FirstSignInKey) != null;

        /// <summary>Called once before a request is sent: its retries are counted, and its budget runs, from here.</summary>
        public static RetryState StartRetries(HttpRequestMessage request)
        {
            var state = new RetryState();
            Set(request, RetriesKey, state);
            return state;
        }

        /// <summary>The state StartRetries gave the request (the retry handler's copies share it), or null.</summary>
        internal static RetryState? RetriesOf(HttpRequestMessage request) => Get(request, RetriesKey) as RetryState;
    }
}
