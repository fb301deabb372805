using System;
using System.Net;

namespace OpenStackSnapshot.Client.Errors
{
    /// <summary>Turns an error response into one OpenStackException: the kind, a plain message, the request id.</summary>
    internal static class ErrorTranslator
    {
        /// <summary>What the request was about, so 404s and Nova's wrapped 500s can be said plainly.</summary>
        internal sealed class Subject
        {
            public string? VolumeId { get; set; }
            /// <summary>What a show or delete named ("Snapshot", "Volume"), so a 404 can say where to look.</summary>
            public string? ItemName { get; set; }
            public bool Force { get; set; }
            /// <summary>The API's name in messages ("compute", "block-storage"); set by the API's requests.</summary>
            public string Service { get; set; } = "compute";
        }

        public static OpenStackException FromResponse(int status, string? body, string method, string url, string? requestId, int? retryAfterHeader, Subject subject)
        {
            var fault = FaultBody.Parse(body);
            var (kind, message, action) = Classify(status, fault, subject);
            var shown = $"{message} (HTTP {status}{(fault.Name != null ? " " + fault.Name : string.Empty)}, {method} {url}{(requestId != null ? ", request id " + requestId : string.Empty)})";
            return new OpenStackException(kind, shown)
            {
                StatusCode = status,
                FaultName = fault.Name,
                ServerMessage = fault.Message,
                RequestId = requestId,
                Method = method,
                Url = url,
                RetryAfterSeconds = retryAfterHeader ?? fault.RetryAfterSeconds,
                RecommendedAction = action,
            };
        }

        private static (OpenStackErrorKind, string, string) Classify(int status, FaultBody fault, Subject subject)
        {
            var server = fault.Message ?? ReasonPhrase(status);
            switch (status)
            {
                case 400 when subject.VolumeId != null && server.StartsWith("Invalid volume", StringComparison.OrdinalIgnoreCase):
                    return VolumeNotAvailable(subject); // block storage's InvalidVolume: the volume's state refuses a snapshot
                case 400:
                    return (OpenStackErrorKind.BadRequest, server, "Correct the request; the server's message says which value it refused.");
                case 401:
                    return (OpenStackErrorKind.AuthenticationFailed, server, "Check the credential, project and domain, then sign in again.");
                case 403 when server.IndexOf("Quota exceeded", StringComparison.OrdinalIgnoreCase) >= 0:
                    return (OpenStackErrorKind.QuotaExceeded, server, QuotaAdvice);
                case 403:
                    return (OpenStackErrorKind.Forbidden, server, "Your role on this project does not allow it; creating and deleting snapshots needs the member role.");
                case 404:
                    return NotFound(server, fault, subject);
                case 406:
                    return (OpenStackErrorKind.ApiNotAvailable, $"The {subject.Service} endpoint does not serve the microversion this module pins: {server}",
                        $"The cloud's {subject.Service} API is older than this module needs; ask the cloud's operator which version it runs.");
                case 405:
                    return (OpenStackErrorKind.MethodNotAllowed, server, $"The endpoint (or a proxy in front of it) does not accept this method; check the {subject.Service} URL.");
                case 413 when IsQuota(server):
                    return (OpenStackErrorKind.QuotaExceeded, server, QuotaAdvice);
                case 413 when subject.Service != "compute":
                    // Cinder's other 413s are its own limits or a body too large, not a rate limiter.
                    return (OpenStackErrorKind.OverLimit, server, "Block storage refused the request as over one of its limits; the server's message says which.");
                case 413:
                case 429:
                    return (OpenStackErrorKind.OverLimit, server, "The cloud is rate-limiting this project; wait and try again, or send fewer requests at once.");
                case 415:
                    return (OpenStackErrorKind.UnsupportedMediaType, server, "The server refused the request's content type; please report this as a bug in OpenStackSnapshot.");
                case 500:
                    return WrappedServerError(server, subject);
                case 502:
                case 503:
                case 504:
                    return (OpenStackErrorKind.ServiceUnavailable, server, "The service is unavailable or overloaded; try again later.");
                default:
                    return (OpenStackErrorKind.ServerError, server, "The server failed; give the request id to the cloud's operator.");
            }
        }

        private static (OpenStackErrorKind, string, string) NotFound(string server, FaultBody fault, Subject subject)
        {
            // Nova always names a missing item ("Snapshot X could not be found."); a bare "resource could not be
            // found", or the web framework's page, means the route itself is not served (as from microversion 2.36).
            // Cinder says so too, and answers "API version 3.N is not supported on this method." for a route its microversion lacks.
            var generic = fault.Name != "itemNotFound" || server.StartsWith("The resource could not be found", StringComparison.OrdinalIgnoreCase)
                || server.IndexOf("is not supported on this method", StringComparison.OrdinalIgnoreCase) >= 0;
            if (generic)
                return subject.Service == "compute"
                    ? (OpenStackErrorKind.ApiNotAvailable, $"The compute endpoint does not serve this os-snapshots/os-volumes route: {server}",
                        "Check that the compute endpoint in the catalog is Nova's v2.1 API.")
                    : (OpenStackErrorKind.ApiNotAvailable, $"The {subject.Service} endpoint does not serve this route: {server}",
                        $"Check that the {subject.Service} endpoint in the catalog is Cinder's v3 API.");
            // Block storage answers a create for a missing volume with a 404 that names it.
            if (subject.VolumeId != null && server.StartsWith("Volume", StringComparison.OrdinalIgnoreCase))
                return VolumeNotFound(subject);
            var listing = subject.ItemName == "Volume" ? "volumes" : "snapshots";
            return (OpenStackErrorKind.NotFound, server, $"Check the id against the project's {listing}.");
        }

        /// <summary>Nova wraps block-storage errors in a 500 whose message ends in the exception's class name.</summary>
        private static (OpenStackErrorKind, string, string) WrappedServerError(string server, Subject subject)
        {
            if (server.Contains("VolumeNotFound")) return VolumeNotFound(subject);
            if (server.Contains("InvalidInput") && subject.VolumeId != null) return VolumeNotAvailable(subject);
            if (server.Contains("CinderConnectionFailed"))
                return (OpenStackErrorKind.ServerError, "Nova could not reach the block-storage service (Cinder).",
                    "The cloud's block storage is down or misconfigured; give the request id to the cloud's operator.");
            return (OpenStackErrorKind.ServerError, server, "The server failed; give the request id to the cloud's operator.");
        }

        private const string QuotaAdvice = "Delete snapshots you no longer need or ask the cloud's operator to raise the project's snapshot quota.";

        private static (OpenStackErrorKind, string, string) VolumeNotFound(Subject subject) =>
            (OpenStackErrorKind.VolumeNotFound, $"Volume {subject.VolumeId ?? "(unknown)"} was not found in this project.",
                "Check the volume id against the project's volumes.");

        private static (OpenStackErrorKind, string, string) VolumeNotAvailable(Subject subject)
        {
            var volume = subject.VolumeId ?? "(unknown)";
            return (OpenStackErrorKind.VolumeNotAvailable,
                subject.Force
                    ? $"Volume {volume} cannot be snapshotted in its current state (block storage refused it even though the snapshot was forced)."
                    : $"Volume {volume} cannot be snapshotted in its current state: it is attached (in use) or not available; a forced snapshot may be taken of an attached volume.",
                subject.Force ? "Check the volume's status; it must be available or in-use." : "Force the snapshot of an attached volume, or detach it first.");
        }

        /// <summary>Cinder's quota errors are 413 ("Maximum number of snapshots allowed (10) exceeded", "... exceeds allowed gigabytes quota ..."); a rate limiter's are not.</summary>
        private static bool IsQuota(string server) =>
            server.IndexOf("quota", StringComparison.OrdinalIgnoreCase) >= 0
            || (server.IndexOf("Maximum number of", StringComparison.OrdinalIgnoreCase) >= 0 && server.IndexOf("exceeded", StringComparison.OrdinalIgnoreCase) >= 0);

        private static string ReasonPhrase(int status) =>
            Enum.IsDefined(typeof(HttpStatusCode), status) ? ((HttpStatusCode)status).ToString() : "HTTP " + status;
    }
}
