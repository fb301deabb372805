using System.Collections.Generic;
using System.Text.Json;
using OpenStackSnapshot.Client.Models;
using OpenStackSnapshot.Client.Wire;

namespace OpenStackSnapshot.Client.Compute.Volumes
{
    /// <summary>os-volumes answers: {"volume": {...}} and {"volumes": [...]}.</summary>
    internal static class ComputeVolumeResults
    {
        /// <summary>Nova's proxy spells the fields in camelCase and says nothing of the owner.</summary>
        private static readonly VolumeKeys Keys = new VolumeKeys
        {
            Name = "displayName", Description = "displayDescription", AvailabilityZone = "availabilityZone", VolumeType = "volumeType",
            CreatedAt = "createdAt", SnapshotId = "snapshotId", ServerId = "serverId", AttachmentId = new[] { "id" },
        };

        public static Volume ReadOne(JsonElement root) => ResponseShape.One(root, "volume", Read);

        public static IReadOnlyList<Volume> ReadMany(JsonElement root) => ResponseShape.Many(root, "volumes", Read);

        private static Volume Read(JsonElement item) => VolumeReader.Read(item, Keys);
    }
}
