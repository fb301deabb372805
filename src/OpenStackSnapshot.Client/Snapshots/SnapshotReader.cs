using System.Text.Json;
using OpenStackSnapshot.Client.Wire;
using OpenStackSnapshot.Client.Models;

namespace OpenStackSnapshot.Client.Snapshots
{
    /// <summary>Where one API puts a snapshot's fields: Nova's proxy spells them in camelCase, Cinder in snake_case.</summary>
    internal sealed class SnapshotKeys
    {
        public string VolumeId { get; set; } = "volume_id";
        public string Name { get; set; } = "name";
        public string Description { get; set; } = "description";
        public string CreatedAt { get; set; } = "created_at";
        /// <summary>Null where the API has no such field (the proxy carries neither).</summary>
        public string? Metadata { get; set; }
        public string? ProjectId { get; set; }
    }

    /// <summary>Reads one snapshot object, whichever API sent it, into the one model.</summary>
    internal static class SnapshotReader
    {
        public static Snapshot Read(JsonElement item, SnapshotKeys keys)
        {
            ResponseShape.Require(item.ValueKind == JsonValueKind.Object, "a snapshot is not a JSON object");
            var id = JsonRead.Text(item, "id");
            ResponseShape.Require(!string.IsNullOrEmpty(id), "a snapshot has no id");
            return new Snapshot(
                id!,
                JsonRead.Text(item, keys.VolumeId) ?? string.Empty,
                JsonRead.Text(item, keys.Name),
                JsonRead.Text(item, keys.Description),
                JsonRead.Text(item, "status") ?? string.Empty,
                JsonRead.Integer(item, "size"),
                JsonRead.UtcTime(item, keys.CreatedAt),
                keys.Metadata != null ? JsonRead.StringMap(item, keys.Metadata) : null,
                keys.ProjectId != null ? JsonRead.Text(item, keys.ProjectId) : null);
        }
    }
}
