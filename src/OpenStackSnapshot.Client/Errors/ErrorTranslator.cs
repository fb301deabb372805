using System;

namespace OpenStackSnapshot.Client.Errors
{
    /// <summary>
    /// Turns an error response into one OpenStackException: the kind, a plain message, the request id. The API's own
    /// faults (<see cref="ApiFaults"/>) are read first; what is left means the same from any OpenStack service.
    /// </summary>
    internal static class ErrorTranslator
    {
        /// <summary>What the request was about, so 404s and wrapped 500s can be said plainly.</summary>
        internal sealed class Subject
        {
            /// <param name="faults">The API that answers: every request says whose faults to read, so none is read as another's.</param>
            public Subject(ApiFaults faults) => Faults = faults;


            public string? VolumeId { get; set; }
            /// <summary>What a show or delete named ("Snapshot", "Volume"), so a 404 can say where to look.</summary>
            public string? ItemName { get; set; }
            /// <summary>The id a show or delete named, for the messages that name it.</summary>
            public string? ItemId { get; set; }
            /// <summary>The request deletes the item: a refusal of it is about the item's state.</summary>
            public bool Deletes { get; set; }
            /// <summary>A delete of a snapshot, which block storage refuses unless the snapshot is available or error.</summary>
            public bool DeletesSnapshot => Deletes && ItemName == "Snapshot";
            public bool Force { get; set; }
            public ApiFaults Faults { get; }
        }

        public static OpenStackException FromResponse(Exchange answer, Subject subject)
        {
            var status = answer.Status!.Value;
            var server = answer.Server;
            var (kind, message, action) = subject.Faults.Classify(status, server, subject) ?? Classify(status, server, answer.FaultName, subject);
            return new OpenStackException(kind, answer.Shown(message), action, answer);
        }

        private static (OpenStackErrorKind, string, string) Classify(int status, string server, string? faultName, Subject subject)
        {
            var service = subject.Faults.Service;
            switch (status)
            {
                case 400 when subject.VolumeId != null && server.StartsWith("Invalid volume", StringComparison.OrdinalIgnoreCase):
                    return VolumeNotAvailable(subject); // block storage's InvalidVolume: the volume's state refuses a snapshot
                case 400:
                    return (OpenStackErrorKind.BadRequest, server, "Correct the request; the server's message says which value it refused.");
                case 401:
                    return (OpenStackErrorKind.AuthenticationFailed, server, "Check the credential, project and domain, then sign in again.");
                case 403 when server.IndexOf("Quota exceeded", StringComparison.OrdinalIgnoreCase) >= 0:
                    return (OpenStackErrorKind.QuotaExceeded, server, QuotaAdvice); // Nova's quota refusals
                case 403:
                    return (OpenStackErrorKind.Forbidden, server, "Your role on this project does not allow it; creating and deleting snapshots needs the member role.");
                case 404:
                    return NotFound(server, faultName, subject);
                case 406:
                    return (OpenStackErrorKind.ApiNotAvailable, $"The {service} endpoint does not serve the microversion this module pins: {server}",
                        $"The cloud's {service} API is older than this module needs; ask the cloud's operator which version it runs.");
                case 405:
                    return (OpenStackErrorKind.MethodNotAllowed, server, $"The endpoint (or a proxy in front of it) does not accept this method; check the {service} URL.");
                case 413 when IsQuota(server):
                    return (OpenStackErrorKind.QuotaExceeded, server, QuotaAdvice);
                case 413:
                case 429:
                    return (OpenStackErrorKind.OverLimit, server, "The cloud is rate-limiting this project; wait and try again, or send fewer requests at once.");
                case 415:
                    return (OpenStackErrorKind.UnsupportedMediaType, server, "The server refused the request's content type; please report this as a bug in OpenStackSnapshot.");
                case 502:
                case 503:
                case 504:
                    return (OpenStackErrorKind.ServiceUnavailable, server, "The service is unavailable or overloaded; try again later.");
                default:
                    return (OpenStackErrorKind.ServerError, server, "The server failed; give the request id to the cloud's operator.");
            }
        }

        private static (OpenStackErrorKind, string, string) NotFound(string server, string? faultName, Subject subject)
        {
            // Services name a missing item ("Snapshot X could not be found."); a bare "resource could not be found",
            // or the web framework's page, means the route itself is not served (as Nova's from microversion 2.36).
            if (faultName != "itemNotFound" || server.StartsWith("The resource could not be found", StringComparison.OrdinalIgnoreCase))
                return subject.Faults.RouteNotServed(server);
            // A create for a missing volume is answered with a 404 that names it.
            if (subject.VolumeId != null && server.StartsWith("Volume", StringComparison.OrdinalIgnoreCase))
                return VolumeNotFound(subject);
            var listing = subject.ItemName == "Volume" ? "volumes" : "snapshots";
            return (OpenStackErrorKind.NotFound, server, $"Check the id against the project's {listing}.");
        }

        private const string QuotaAdvice = "Delete snapshots you no longer need or ask the cloud's operator to raise the project's snapshot quota.";

        internal static (OpenStackErrorKind, string, string) VolumeNotFound(Subject subject) =>
            (OpenStackErrorKind.VolumeNotFound, $"Volume {subject.VolumeId ?? "(unknown)"} was not found in this project.",
                "Check the volume id against the project's volumes.");

        internal static (OpenStackErrorKind, string, string) VolumeNotAvailable(Subject subject)
        {
            var volume = subject.VolumeId ?? "(unknown)";
            return (OpenStackErrorKind.VolumeNotAvailable,
                subject.Force
                    ? $"Volume {volume} cannot be snapshotted in its current state (block storage refused it even though the snapshot was forced)."
                    : $"Volume {volume} cannot be snapshotted in its current state: it is attached (in use) or not available; a forced snapshot may be taken of an attached volume.",
                subject.Force ? "Check the volume's status; it must be available or in-use." : "Force the snapshot of an attached volume, or detach it first.");
        }

        /// <summary>Block storage's refusal to delete a snapshot in another state (Cinder's InvalidSnapshot), however it reached us.</summary>
        internal static (OpenStackErrorKind, string, string) SnapshotNotDeletable(Subject subject) =>
            (OpenStackErrorKind.SnapshotNotAvailable,
                $"Snapshot {subject.ItemId ?? "(unknown)"} cannot be deleted in its current state: "
                + "block storage deletes only snapshots that are available or error, and not part of a group.",
                "Wait until it is available, then delete it.");

        /// <summary>Block storage's quota errors are 413 ("Maximum number of snapshots allowed (10) exceeded", "... exceeds allowed gigabytes quota ..."), also through Nova; a rate limiter's are not.</summary>
        internal static bool IsQuota(string server) =>
            server.IndexOf("quota", StringComparison.OrdinalIgnoreCase) >= 0
            || (server.IndexOf("Maximum number of", StringComparison.OrdinalIgnoreCase) >= 0 && server.IndexOf("exceeded", StringComparison.OrdinalIgnoreCase) >= 0);
    }
}
