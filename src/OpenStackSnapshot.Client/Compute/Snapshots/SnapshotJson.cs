using System.Collections.Generic;
using System.Text.Json;
using OpenStackSnapshot.Client.Json;
using OpenStackSnapshot.Client.Models;
using OpenStackSnapshot.Client.Snapshots;

namespace OpenStackSnapshot.Client.Compute.Snapshots
{
    /// <summary>os-snapshots bodies: the create request we send and the snapshot objects we read.</summary>
    internal static class SnapshotJson
    {
        /// <summary>Only the keys Nova accepts; unset ones are left out, never sent as null.</summary>
        public static string CreateBody(NewSnapshot request, string volumeId) => JsonWrite.Object(writer =>
        {
            writer.WriteStartObject("snapshot");
            writer.WriteString("volume_id", volumeId);
            if (request.Name != null) writer.WriteString("display_name", request.Name);
            if (request.Description != null) writer.WriteString("display_description", request.Description);
            writer.WriteBoolean("force", request.Force);
            writer.WriteEndObject();
        });

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
