using System;
using OpenStackSnapshot.Client.Errors;

namespace OpenStackSnapshot.Client.BlockStorage
{
    /// <summary>
    /// Cinder's own faults: its limits other than quota as 413, a route its microversion lacks as a 404 that says so, and
    /// a snapshot delete refused for the snapshot's state as a 400 (Nova passes the same on as a 500).
    /// </summary>
    internal sealed class BlockStorageFaults : ApiFaults
    {
        public static readonly BlockStorageFaults Instance = new BlockStorageFaults();

        public override string Service => "block-storage";

        protected override Verdict? Own(Exchange answer)
        {
            var server = answer.Server;
            switch (answer.Status)
            {
                case 413 when !ServiceFaults.IsQuota(server):
                    // not a rate limiter (as the same code from Nova's would be): one of Cinder's own limits, or a body too large
                    return new Verdict(OpenStackErrorKind.OverLimit, server,
                        "Block storage refused the request as over one of its limits; the server's message says which.");
                case 404 when server.IndexOf("is not supported on this method", StringComparison.OrdinalIgnoreCase) >= 0:
                    return RouteNotServed(server); // "API version 3.N is not supported on this method."
                default:
                    return null;
            }
        }

        public override Verdict RouteNotServed(string server) =>
            new Verdict(OpenStackErrorKind.ApiNotAvailable, $"The block-storage endpoint does not serve this route: {server}",
                "Check that the block-storage endpoint in the catalog is Cinder's v3 API.");

        // "Snapshot status must be available or error and must not be part of a group."
        public override bool SaysStateRefused(Exchange answer, RequestTarget target) =>
            base.SaysStateRefused(answer, target)
            || (target.DeletesSnapshot && answer.Status == 400 && answer.Server.StartsWith("Invalid snapshot", StringComparison.OrdinalIgnoreCase));
    }
}
