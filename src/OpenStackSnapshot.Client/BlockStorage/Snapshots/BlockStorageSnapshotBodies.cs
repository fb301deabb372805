using System.Collections.Generic;
using System.Text.Json;
using OpenStackSnapshot.Client.Snapshots;
using OpenStackSnapshot.Client.Wire;

namespace OpenStackSnapshot.Client.BlockStorage.Snapshots
{
    /// <summary>Cinder v3's snapshot bodies we send: unset fields are left out, never sent as null.</summary>
    internal static class BlockStorageSnapshotBodies
    {
        /// <summary>POST snapshots: "force" is sent as given, which below microversion 3.66 is what lets an attached volume be snapshotted.</summary>
        public static string Create(NewSnapshot request, string volumeId) => JsonWrite.Object(writer =>
        {
            writer.WriteStartObject("snapshot");
            writer.WriteString("volume_id", volumeId);
            if (request.Name != null) writer.WriteString("name", request.Name);
            if (request.Description != null) writer.WriteString("description", request.Description);
            writer.WriteBoolean("force", request.Force);
            if (request.Metadata.Count > 0) WriteMap(writer, "metadata", request.Metadata);
            writer.WriteEndObject();
        });

        /// <summary>PUT snapshots/{id}: only name and description can change there.</summary>
        public static string Update(SnapshotChange change) => JsonWrite.Object(writer =>
        {
            writer.WriteStartObject("snapshot");
            if (change.Name != null) writer.WriteString("name", change.Name);
            if (change.Description != null) writer.WriteString("description", change.Description);
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
