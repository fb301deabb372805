using System;
using System.Globalization;
using System.Linq;
using System.Net.Http;

namespace OpenStackSnapshot.Client.Http
{
    /// <summary>The header names OpenStack uses, and readers for the ones we act on.</summary>
    internal static class OpenStackHeaders
    {
        public const string AuthToken = "X-Auth-Token";
        public const string SubjectToken = "X-Subject-Token";
        public const string NovaMicroversion = "X-OpenStack-Nova-API-Version";
        public const string Microversion = "OpenStack-API-Version";

        public static string? RequestId(HttpResponseMessage response) =>
            First(response, "x-openstack-request-id") ?? First(response, "x-compute-request-id");

        public static string? First(HttpResponseMessage response, string name) =>
            response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

        /// <summary>Retry-After as seconds or as an HTTP date; null when absent or unreadable.</summary>
        public static TimeSpan? RetryAfter(HttpResponseMessage response)
        {
            var header = response.Headers.RetryAfter;
            if (header?.Delta is TimeSpan delta) return delta;
            if (header?.Date is DateTimeOffset date) return date - DateTimeOffset.UtcNow;
            var raw = First(response, "Retry-After");
            return double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) ? TimeSpan.FromSeconds(seconds) : (TimeSpan?)null;
        }
    }
}
