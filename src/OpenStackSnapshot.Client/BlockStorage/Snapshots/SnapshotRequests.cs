using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using OpenStackSnapshot.Client.Json;
using OpenStackSnapshot.Client.Models;
using OpenStackSnapshot.Client.Snapshots;

namespace OpenStackSnapshot.Client.BlockStorage.Snapshots
{
    /// <summary>The bodies sent to Cinder's snapshot routes; unset keys are left out, never sent as null.</summary>
    internal static class SnapshotRequests
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

        /// <summary>snapshots/{id}/metadata: POST merges the pairs into what the snapshot has, PUT makes them the whole set.</summary>
        public static string Metadata(IReadOnlyDictionary<string, string> pairs) => JsonWrite.Object(writer => WriteMap(writer, "metadata", pairs));

        /// <summary>
        /// The metadata filter as a Python dict literal, which Cinder reads with ast.literal_eval: ' delimited strings with
        /// \ and ' escaped and control characters as \xNN; other text raw (a JSON \uD83D\uDE00 would stay two lone surrogates).
        /// </summary>
        public static string MetadataFilter(IReadOnlyDictionary<string, string> pairs) =>
            "{" + string.Join(", ", pairs.Select(p => PythonString(p.Key) + ": " + PythonString(p.Value))) + "}";

        private static string PythonString(string text)
        {
            var literal = new StringBuilder("'");
            foreach (var c in text)
            {
                if (c == '\\' || c == '\'') literal.Append('\\').Append(c);
                else if (c < ' ' || c == '\x7f') literal.Append("\\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
                else literal.Append(c);
            }
            return literal.Append('\'').ToString();
        }

        private static void WriteMap(Utf8JsonWriter writer, string name, IReadOnlyDictionary<string, string> pairs)
        {
            writer.WriteStartObject(name);
            WritePairs(writer, pairs);
            writer.WriteEndObject();
        }

        private static void WritePairs(Utf8JsonWriter writer, IReadOnlyDictionary<string, string> pairs)
        {
            foreach (var pair in pairs) writer.WriteString(pair.Key, pair.Value);
        }
    }
}
