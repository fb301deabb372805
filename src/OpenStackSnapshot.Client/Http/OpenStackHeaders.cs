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

        /// <summary>The longest Retry-After taken as given; any retry budget ends sooner.</summary>
        private static readonly TimeSpan LongestWait = TimeSpan.FromDays(1);

        /// <summary>Retry-After as seconds or as an HTTP date, within a day either way; null when absent or unreadable.</summary>
        public static TimeSpan? RetryAfter(HttpResponseMessage response)
        {
            var header = response.Headers.RetryAfter;
            if (header?.Delta is TimeSpan delta) return Within(delta.TotalSeconds);
            if (header?.Date is DateTimeOffset date) return Within((date - DateTimeOffset.UtcNow).TotalSeconds);
            var raw = First(response, "Retry-After");
            // NaN, an infinity or 1e400 must not throw from TimeSpan.
            return double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && !double.IsNaN(seconds)
                ? Within(seconds)
                : null;
        }

        // Past a day it is as good as "not soon", and a year 9999 date would overflow the seconds an error reports.
        private static TimeSpan Within(double seconds) =>
            TimeSpan.FromSeconds(Math.Max(-LongestWait.TotalSeconds, Math.Min(seconds, LongestWait.TotalSeconds)));
    }
}
