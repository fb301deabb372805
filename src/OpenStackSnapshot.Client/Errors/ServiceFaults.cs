using System;
using System.Text.RegularExpressions;

namespace OpenStackSnapshot.Client.Errors
{
    /// <summary>What an error answer means from any OpenStack service, once its API's own faults had nothing to say.</summary>
    internal static class ServiceFaults
    {
        private const string QuotaAdvice = "Delete snapshots you no longer need or ask the cloud's operator to raise the project's snapshot quota.";

        public static Verdict Read(Exchange answer, RequestTarget target, ApiFaults api)
        {
            var server = answer.Server;
            var service = api.Service;
            switch (answer.Status)
            {
                case 400:
                    return new Verdict(OpenStackErrorKind.BadRequest, server,
                        "Correct the request; the server's message says which value it refused.");
                case 401:
                    return new Verdict(OpenStackErrorKind.AuthenticationFailed, server,
                        "Check the credential, project and domain, then sign in again.");
                case 403 when server.IndexOf("Quota exceeded", StringComparison.OrdinalIgnoreCase) >= 0 || IsQuota(server):
                    return Quota(server); // Nova's quota refusals, its own and block storage's passed on
                case 403:
                    return new Verdict(OpenStackErrorKind.Forbidden, server,
                        "Your role on this project does not allow it; creating and deleting snapshots needs the member role.");
                case 404:
                    return NotFound(answer, target, api);
                case 406:
                    return new Verdict(OpenStackErrorKind.ApiNotAvailable,
                        $"The {service} endpoint does not serve the microversion this module pins: {server}",
                        $"The cloud's {service} API is older than this module needs; ask the cloud's operator which version it runs.");
                case 405:
                    return new Verdict(OpenStackErrorKind.MethodNotAllowed, server,
                        $"The endpoint (or a proxy in front of it) does not accept this method; check the {service} URL.");
                case 413 when IsQuota(server):
                    return Quota(server);
                case 413:
                case 429:
                    return new Verdict(OpenStackErrorKind.OverLimit, server,
                        "The cloud is rate-limiting this project; wait and try again, or send fewer requests at once.");
                case 415:
                    return new Verdict(OpenStackErrorKind.UnsupportedMediaType, server,
                        "The server refused the request's content type; please report this as a bug in OpenStackSnapshot.");
                case 502:
                case 503:
                case 504:
                    return new Verdict(OpenStackErrorKind.ServiceUnavailable, server, "The service is unavailable or overloaded; try again later.");
                default:
                    return new Verdict(OpenStackErrorKind.ServerError, server, "The server failed; give the request id to the cloud's operator.");
            }
        }

        private static Verdict NotFound(Exchange answer, RequestTarget target, ApiFaults api)
        {
            // Services name a missing item ("Snapshot X could not be found."); a bare "resource could not be found",
            // or the web framework's page, means the route itself is not served (as Nova's from microversion 2.36).
            if (answer.FaultName != "itemNotFound" || answer.Server.StartsWith("The resource could not be found", StringComparison.OrdinalIgnoreCase))
                return api.RouteNotServed(answer.Server);
            var listing = target.ItemName == "Volume" ? "volumes" : "snapshots";
            return new Verdict(OpenStackErrorKind.NotFound, answer.Server, $"Check the id against the project's {listing}.");
        }

        /// <summary>
        /// Block storage's quota errors are 413 ("Maximum number of snapshots allowed (10) exceeded", "... exceeds allowed
        /// gigabytes quota ..."), also through Nova; a rate limiter's are not.
        /// </summary>
        internal static bool IsQuota(string server) =>
            server.IndexOf("quota", StringComparison.OrdinalIgnoreCase) >= 0
            || (server.IndexOf("Maximum number of", StringComparison.OrdinalIgnoreCase) >= 0
                && server.IndexOf("exceeded", StringComparison.OrdinalIgnoreCase) >= 0)
            || server.IndexOf("larger than maximum allowed limit", StringComparison.OrdinalIgnoreCase) >= 0;

        /// <summary>
        /// A quota refusal that names the quota, with what frees it. Block storage names it in its own words: "... exceeded for
        /// quota 'volumes'", "... exceeds allowed gigabytes quota ...", "Maximum number of snapshots allowed ...", "Requested
        /// volume size 5G is larger than maximum allowed limit 2G" (per_volume_gigabytes); Nova "... for resources: snapshots".
        /// </summary>
        private static Verdict Quota(string server)
        {
            var name = QuotaName(server);
            if (name == null) return new Verdict(OpenStackErrorKind.QuotaExceeded, server, QuotaAdvice);
            var advice = name.StartsWith("snapshots", StringComparison.Ordinal) ? QuotaAdvice
                : name.StartsWith("volumes", StringComparison.Ordinal)
                    ? "Delete volumes you no longer need or ask the cloud's operator to raise the project's volumes quota."
                : name == "per_volume_gigabytes"
                    ? "Ask for a smaller volume, or ask the cloud's operator to raise the project's per-volume limit (per_volume_gigabytes)."
                    : $"Delete volumes or snapshots you no longer need (both count) or ask the cloud's operator to raise the project's {name} quota.";
            return new Verdict(OpenStackErrorKind.QuotaExceeded, $"The project's {name} quota is used up: {server}", advice);
        }

        private static readonly Regex[] QuotaNames =
        {
            new Regex(@"for quota '([\w.-]+)'", RegexOptions.IgnoreCase),
            new Regex(@"exceeds allowed ([\w.-]+) quota", RegexOptions.IgnoreCase),
            new Regex(@"for resources: ([\w.-]+)", RegexOptions.IgnoreCase),
            new Regex(@"Maximum number of (snapshots|volumes|backups) allowed", RegexOptions.IgnoreCase),
        };

        /// <summary>Which quota the message names (volumes, gigabytes, snapshots, gigabytes_&lt;type&gt;, ...), or null.</summary>
        internal static string? QuotaName(string server)
        {
            if (server.IndexOf("larger than maximum allowed limit", StringComparison.OrdinalIgnoreCase) >= 0) return "per_volume_gigabytes";
            foreach (var pattern in QuotaNames)
            {
                var match = pattern.Match(server);
                if (match.Success) return match.Groups[1].Value.ToLowerInvariant();
            }
            return null;
        }
    }
}
