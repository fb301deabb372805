using System.Net.Http;

namespace OpenStackSnapshot.Client.Http
{
    /// <summary>Per-request facts the handlers read: where to log, and whether the request carries a token.</summary>
    internal static class RequestTags
    {
        private const string LogKey = "OpenStackSnapshot.Log";
        private const string AnonymousKey = "OpenStackSnapshot.Anonymous";
        private const string RetriesKey = "OpenStackSnapshot.Retries";

        /// <summary>Shared by reference with the copies the retry handler makes of a request, so the sender sees every retry.</summary>
        private sealed class RetryCount
        {
            public int Value;
        }

        public static void SetLog(HttpRequestMessage request, IRequestLog? log)
        {
            if (log != null) request.Properties[LogKey] = log;
        }

        public static IRequestLog? GetLog(HttpRequestMessage request) =>
            request.Properties.TryGetValue(LogKey, out var value) ? value as IRequestLog : null;

        /// <summary>Keystone's token request itself goes without a token.</summary>
        public static void MarkAnonymous(HttpRequestMessage request) => request.Properties[AnonymousKey] = true;

        public static bool IsAnonymous(HttpRequestMessage request) => request.Properties.ContainsKey(AnonymousKey);

        /// <summary>Called once before a request is sent, so its retries can be counted.</summary>
        public static void CountRetries(HttpRequestMessage request) => request.Properties[RetriesKey] = new RetryCount();

        public static void NoteRetry(HttpRequestMessage? request)
        {
            if (request != null && request.Properties.TryGetValue(RetriesKey, out var value) && value is RetryCount count)
                System.Threading.Interlocked.Increment(ref count.Value);
        }

        /// <summary>How many times the request was sent again after its first attempt.</summary>
        public static int Retries(HttpRequestMessage request) =>
            request.Properties.TryGetValue(RetriesKey, out var value) && value is RetryCount count ? count.Value : 0;
    }
}
