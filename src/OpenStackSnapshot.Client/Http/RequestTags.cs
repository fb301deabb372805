using System.Net.Http;

namespace OpenStackSnapshot.Client.Http
{
    /// <summary>Per-request facts the handlers read: where to log, and whether the request carries a token.</summary>
    internal static class RequestTags
    {
        private const string LogKey = "OpenStackSnapshot.Log";
        private const string AnonymousKey = "OpenStackSnapshot.Anonymous";

        public static void SetLog(HttpRequestMessage request, IRequestLog? log)
        {
            if (log != null) request.Properties[LogKey] = log;
        }

        public static IRequestLog? GetLog(HttpRequestMessage request) =>
            request.Properties.TryGetValue(LogKey, out var value) ? value as IRequestLog : null;

        /// <summary>Keystone's token request itself goes without a token.</summary>
        public static void MarkAnonymous(HttpRequestMessage request) => request.Properties[AnonymousKey] = true;

        public static bool IsAnonymous(HttpRequestMessage request) => request.Properties.ContainsKey(AnonymousKey);
    }
}
