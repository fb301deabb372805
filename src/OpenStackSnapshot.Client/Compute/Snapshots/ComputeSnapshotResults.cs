using System.Collections.Generic;
using System.Text.Json;
using OpenStackSnapshot.Client.Models;
using OpenStackSnapshot.Client.Wire;

namespace OpenStackSnapshot.Client.Compute.Snapshots
{
    /// <summary>os-snapshots answers: {"snapshot": {...}} and {"snapshots": [...]}.</summary>
    internal static class ComputeSnapshotResults
    {
        /// <summary>The proxy's seven fields, in camelCase: no metadata, no owner.</summary>
        private static readonly SnapshotKeys Keys = new SnapshotKeys
        {
            VolumeId = "volumeId", Name = "displayName", Description = "displayDescription", CreatedAt = "createdAt",
        };

        public static Snapshot ReadOne(JsonElement root) => ResponseShape.One(root, "snapshot", Read);

        public static IReadOnlyList<Snapshot> ReadMany(JsonElement root) => ResponseShape.Many(root, "snapshots", Read);

        private static Snapshot Read(JsonElement item) => SnapshotReader.Read(item, Keys);
    }
}
