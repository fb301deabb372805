using System.Collections.Generic;
using System.Text.Json;
using OpenStackSnapshot.Client.Volumes;
using OpenStackSnapshot.Client.Wire;

namespace OpenStackSnapshot.Client.BlockStorage.Volumes
{
    /// <summary>Cinder v3's volume bodies we send: unset fields are left out, never sent as null.</summary>
    internal static class BlockStorageVolumeBodies
    {
        /// <summary>POST volumes from a snapshot: its size given (VolumeFromSnapshot), or left to Cinder (the snapshot's).</summary>
        public static string Create(NewVolume request, string snapshotId) => JsonWrite.Object(writer =>
        {
            writer.WriteStartObject("volume");
            writer.WriteString("snapshot_id", snapshotId);
            if (request.Size is int size) writer.WriteNumber("size", size);
            if (request.Name != null) writer.WriteString("name", request.Name);
            if (request.Description != null) writer.WriteString("description", request.Description);
            if (request.AvailabilityZone != null) writer.WriteString("availability_zone", request.AvailabilityZone);
            if (request.VolumeType != null) writer.WriteString("volume_type", request.VolumeType);
            if (request.Metadata.Count > 0) WriteMap(writer, "metadata", request.Metadata);
            writer.WriteEndObject();
        });

        /// <summary>POST volumes/{id}/action: revert the volume to its newest snapshot, which Cinder compares this id with.</summary>
        public static string Revert(string snapshotId) => JsonWrite.Object(writer =>
        {
            writer.WriteStartObject("revert");
            writer.WriteString("snapshot_id", snapshotId);
            writer.WriteEndObject();
        });

        private static void WriteMap(Utf8JsonWriter writer, string name, IReadOnlyDictionary<string, string> pairs)
        {
            writer.WriteStartObject(name);
            foreach (var pair in pairs) writer.WriteString(pair.Key, pair.Value);
            writer.WriteEndObject();
        }
    }
}
