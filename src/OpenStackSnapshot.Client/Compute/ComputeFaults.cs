using System;
using OpenStackSnapshot.Client.Errors;

namespace OpenStackSnapshot.Client.Compute
{
    /// <summary>
    /// Nova's own faults: block-storage errors wrapped in a 500 that names the exception (Cinder itself never wraps); a
    /// 400 from Cinder becomes InvalidInput, which on a create is the volume's state and on a delete the snapshot's.
    /// What the proxy alone cannot do names the block-storage API, when the session's catalog has one.
    /// </summary>
    internal sealed class ComputeFaults : ApiFaults
    {
        private readonly bool _blockStorageOffered;

        /// <param name="blockStorageOffered">The catalog has a block-storage endpoint, so errors the proxy alone causes can name that API.</param>
        public ComputeFaults(bool blockStorageOffered) => _blockStorageOffered = blockStorageOffered;

        public override string Service => "compute";

        public override Verdict Read(Exchange answer, RequestTarget target)
        {
            var verdict = base.Read(answer, target);
            return _blockStorageOffered && NotThroughTheProxy(verdict, answer) ? verdict.Offering(SnapshotApi.BlockStorage) : verdict;
        }

        /// <summary>
        /// Nova wraps block-storage errors in a 500 whose message ends in the exception's class name. CinderConnectionFailed
        /// is Cinder down or restarting, not a refusal: ridden out as an outage, and a create that met it has an unknown fate
        /// (Cinder may have written the snapshot before it went away).
        /// </summary>
        protected override Verdict? Own(Exchange answer) =>
            answer.OutageBehind
                ? new Verdict(OpenStackErrorKind.ServiceUnavailable, "Nova could not reach the block-storage service (Cinder).",
                    "The cloud's block storage is down or restarting; try again later, or give the request id to the cloud's operator.")
                : null;

        public override bool SaysOutageBehind(int status, string body) => MayReportOutageBehind(status) && body.Contains("CinderConnectionFailed");

        public override bool MayReportOutageBehind(int status) => status == 500;

        public override Verdict RouteNotServed(string server) =>
            new Verdict(OpenStackErrorKind.ApiNotAvailable, $"The compute endpoint does not serve this os-snapshots/os-volumes route: {server}",
                "Check that the compute endpoint in the catalog is Nova's v2.1 API.");

        public override bool SaysVolumeMissing(Exchange answer, RequestTarget target) =>
            base.SaysVolumeMissing(answer, target) || (answer.Status == 500 && answer.Server.Contains("VolumeNotFound"));

        // InvalidSnapshot reaches us as InvalidInput too.
        public override bool SaysStateRefused(Exchange answer, RequestTarget target) =>
            base.SaysStateRefused(answer, target) || (answer.Status == 500 && answer.Server.Contains("InvalidInput"));

        // The route is off or removed, or the proxy's own policy (os_compute_api:os-volumes:snapshots:* for snapshots,
        // os_compute_api:os-volumes:* for volumes) refused what block storage may allow; a plain role or quota refusal
        // would follow the request to Cinder.
        private static bool NotThroughTheProxy(Verdict verdict, Exchange answer) =>
            verdict.Kind == OpenStackErrorKind.ApiNotAvailable
            || (verdict.Kind == OpenStackErrorKind.Forbidden && answer.ServerMessage is string message
                && (message.IndexOf("os-snapshots", StringComparison.OrdinalIgnoreCase) >= 0
                    || message.IndexOf("os_compute_api:os-volumes", StringComparison.OrdinalIgnoreCase) >= 0));
    }
}
