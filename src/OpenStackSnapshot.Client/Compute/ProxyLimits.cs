using OpenStackSnapshot.Client.Errors;
using OpenStackSnapshot.Client.Snapshots;
using OpenStackSnapshot.Client.Volumes;

namespace OpenStackSnapshot.Client.Compute
{
    /// <summary>What Nova's os-snapshots proxy cannot carry (it has seven fields and no filters), refused before anything is sent.</summary>
    internal static class ProxyLimits
    {
        public static readonly SnapshotFeatures Features = new SnapshotFeatures(metadata: false, allProjects: false, update: false, Refused);

        public static void Check(NewSnapshot snapshot)
        {
            if (snapshot.Metadata.Count > 0) throw Refused("give a snapshot metadata");
        }

        public static void Check(SnapshotQuery? query)
        {
            if (query == null) return;
            if (query.HasMetadata) throw Refused("filter snapshots by metadata");
            if (query.AllProjects) throw Refused("list the snapshots of every project");
        }

        public static OpenStackException Refused(string what) =>
            new OpenStackException(OpenStackErrorKind.InvalidArgument,
                $"The Compute API's os-snapshots proxy cannot {what}; the block-storage API can. Nothing was sent.",
                "Use a session on the block-storage API for this.", null, SnapshotApi.BlockStorage);

        /// <summary>
        /// Nova's os-volumes proxy reads volumes and reports their metadata, but lists only the token's project (it passes
        /// no all_tenants on to block storage) and has no route that changes a volume's metadata or reverts one; a new
        /// volume's type and metadata are kept to block storage too (issue 24), as snapshot metadata is.
        /// </summary>
        public static readonly VolumeFeatures VolumeFeatures =
            new VolumeFeatures(changeMetadata: false, allProjects: false, volumeType: false, revert: false, RefusedForVolumes);

        public static void Check(VolumeQuery? query)
        {
            if (query != null && query.AllProjects) throw RefusedForVolumes("list the volumes of every project");
        }

        public static OpenStackException RefusedForVolumes(string what) =>
            new OpenStackException(OpenStackErrorKind.InvalidArgument,
                $"The Compute API's os-volumes proxy cannot {what}; the block-storage API can. Nothing was sent.",
                "Use a session on the block-storage API for this.", null, SnapshotApi.BlockStorage);
    }
}
