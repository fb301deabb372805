using System;
using System.Collections.Generic;
using System.Text.Json;
using OpenStackSnapshot.Client.Wire;

// The namespace is the type's public name (format views, OutputType, users' scripts), so it stays Models with its resource.
// A class with get-only properties, not a record with init ones: PowerShell ignores init and would let a script change it.
namespace OpenStackSnapshot.Client.Models
{
    /// <summary>A volume snapshot, the same whichever API reported it.</summary>
    public sealed class Snapshot
    {
        public Snapshot(string id, string volumeId, string? name, string? description, string status, int size, DateTime? createdAt,
            IReadOnlyDictionary<string, string>? metadata = null, string? projectId = null)
        {
            Metadata = MetadataMap.Of(metadata);
            ProjectId = projectId;
            Id = id;
            VolumeId = volumeId;
            Name = name;
            Description = description;
            Status = status;
            Size = size;
            CreatedAt = createdAt;
        }

        public string Id { get; }
        public string VolumeId { get; }
        public string? Name { get; }
        public string? Description { get; }
        /// <summary>creating, available, deleting, error, error_deleting, ...</summary>
        public string Status { get; }
        /// <summary>Size in GiB.</summary>
        public int Size { get; }
        /// <summary>Creation time in UTC (Nova passes it through without a zone; it is UTC).</summary>
        public DateTime? CreatedAt { get; }
        /// <summary>Key/value tags (block storage); always empty through the Compute API, which does not carry them.</summary>
        public IReadOnlyDictionary<string, string> Metadata { get; }
        /// <summary>The owning project, when the cloud says (block storage, to its owner or an admin); null otherwise.</summary>
        public string? ProjectId { get; }

        public override string ToString() => Id;
    }

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
