using System.Net.Http;

namespace OpenStackSnapshot.Client.Http
{
    /// <summary>Per-request facts the handlers read: where to log, and whether the request carries a token.</summary>
    internal static class RequestTags
    {
        private const string LogKey = "OpenStackSnapshot.Log";
        private const string AnonymousKey = "OpenStackSnapshot.Anonymous";
        private const string RetriesKey = "OpenStackSnapshot.Retries";
        private const string BestEffortKey = "OpenStackSnapshot.BestEffort";

        public static void SetLog(HttpRequestMessage request, IRequestLog? log)
        {
            if (log != null) request.Properties[LogKey] = log;
        }

        public static IRequestLog? GetLog(HttpRequestMessage request) =>
            request.Properties.TryGetValue(LogKey, out var value) ? value as IRequestLog : null;

        /// <summary>Keystone's token request itself goes without a token.</summary>
        public static void MarkAnonymous(HttpRequestMessage request) => request.Properties[AnonymousKey] = true;

        public static bool IsAnonymous(HttpRequestMessage request) => request.Properties.ContainsKey(AnonymousKey);

        /// <summary>Sent once, never retried: a courtesy (a token revoke) must not hold a Disconnect for a whole retry budget.</summary>
        public static void MarkBestEffort(HttpRequestMessage request) => request.Properties[BestEffortKey] = true;

        public static bool IsBestEffort(HttpRequestMessage? request) => request != null && request.Properties.ContainsKey(BestEffortKey);

        /// <summary>Called once before a request is sent: its retries are counted, and its budget runs, from here.</summary>
        public static RetryState StartRetries(HttpRequestMessage request)
        {
            var state = new RetryState();
            request.Properties[RetriesKey] = state;
            return state;
        }

        /// <summary>The state StartRetries gave the request (the retry handler's copies share it), or null.</summary>
        internal static RetryState? RetriesOf(HttpRequestMessage request) =>
            request.Properties.TryGetValue(RetriesKey, out var value) ? value as RetryState : null;
    }
}
