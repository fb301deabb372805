using OpenStackSnapshot.Client.Errors;

namespace OpenStackSnapshot.Client.Compute
{
    /// <summary>
    /// Nova's own faults: block-storage errors wrapped in a 500 that names the exception (Cinder itself never wraps); a
    /// 400 from Cinder becomes InvalidInput, which on a create is the volume's state and on a delete the snapshot's.
    /// </summary>
    internal sealed class ComputeFaults : ApiFaults
    {
        public static readonly ComputeFaults Instance = new ComputeFaults();

        public override string Service => "compute";

        public override (OpenStackErrorKind Kind, string Message, string Action)? Classify(int status, string server, ErrorTranslator.Subject subject) =>
            status == 500 ? WrappedServerError(server, subject) : null;

        public override (OpenStackErrorKind Kind, string Message, string Action) RouteNotServed(string server) =>
            (OpenStackErrorKind.ApiNotAvailable, $"The compute endpoint does not serve this os-snapshots/os-volumes route: {server}",
                "Check that the compute endpoint in the catalog is Nova's v2.1 API.");

        /// <summary>Nova wraps block-storage errors in a 500 whose message ends in the exception's class name.</summary>
        private static (OpenStackErrorKind, string, string)? WrappedServerError(string server, ErrorTranslator.Subject subject)
        {
            if (server.Contains("VolumeNotFound")) return ErrorTranslator.VolumeNotFound(subject);
            if (server.Contains("InvalidInput") && subject.VolumeId != null) return ErrorTranslator.VolumeNotAvailable(subject);
            if (server.Contains("InvalidInput") && subject.DeletesSnapshot) return ErrorTranslator.SnapshotNotDeletable(subject); // InvalidSnapshot
            if (server.Contains("CinderConnectionFailed"))
                return (OpenStackErrorKind.ServerError, "Nova could not reach the block-storage service (Cinder).",
                    "The cloud's block storage is down or misconfigured; give the request id to the cloud's operator.");
            return null;
        }
    }
}
