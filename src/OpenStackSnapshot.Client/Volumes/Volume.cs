using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using OpenStackSnapshot.Client.Wire;

// The namespace is the type's public name (format views, OutputType, users' scripts), so it stays Models with its resource.
// A class with get-only properties, not a record with init ones: PowerShell ignores init and would let a script change it.
namespace OpenStackSnapshot.Client.Models
{
    /// <summary>A block-storage volume, as Nova's os-volumes proxy or Cinder's block-storage API reports it.</summary>
    public sealed class Volume
    {
        public Volume(string id, string? name, string? description, string status, int size, string? availabilityZone,
            string? volumeType, DateTime? createdAt, string? snapshotId, IReadOnlyList<VolumeAttachment> attachments,
            IReadOnlyDictionary<string, string>? metadata = null, string? projectId = null)
        {
            Metadata = MetadataMap.Of(metadata);
            ProjectId = projectId;
            Id = id;
            Name = name;
            Description = description;
            Status = status;
            Size = size;
            AvailabilityZone = availabilityZone;
            VolumeType = volumeType;
            CreatedAt = createdAt;
            SnapshotId = snapshotId;
            Attachments = attachments;
        }

        public string Id { get; }
        public string? Name { get; }
        public string? Description { get; }
        /// <summary>available, in-use, creating, error, ...</summary>
        public string Status { get; }
        /// <summary>Size in GiB.</summary>
        public int Size { get; }
        public string? AvailabilityZone { get; }
        public string? VolumeType { get; }
        public DateTime? CreatedAt { get; }
        /// <summary>The snapshot the volume was made from, if any.</summary>
        public string? SnapshotId { get; }
        /// <summary>Where the volume is attached; empty when detached (Nova's [{}] included).</summary>
        public IReadOnlyList<VolumeAttachment> Attachments { get; }
        /// <summary>Key/value tags, as the API in use reports them.</summary>
        public IReadOnlyDictionary<string, string> Metadata { get; }
        /// <summary>The owning project, when the cloud says; null otherwise.</summary>
        public string? ProjectId { get; }

        public override string ToString() => Id;
    }

    /// <summary>Where one API puts a volume's fields: Nova's proxy spells them in camelCase, Cinder in snake_case.</summary>
    internal sealed class VolumeKeys
    {
        public string Name { get; set; } = "name";
        public string Description { get; set; } = "description";
        public string AvailabilityZone { get; set; } = "availability_zone";
        public string VolumeType { get; set; } = "volume_type";
        public string CreatedAt { get; set; } = "created_at";
        public string SnapshotId { get; set; } = "snapshot_id";
        public string ServerId { get; set; } = "server_id";
        /// <summary>An attachment's id: the first of these that is set.</summary>
        public string[] AttachmentId { get; set; } = { "attachment_id", "id" };
        public string Metadata { get; set; } = "metadata";
        /// <summary>Null where the API has no such field.</summary>
        public string? ProjectId { get; set; }
    }

    /// <summary>Reads one volume object, whichever API sent it, into the one model.</summary>
    internal static class VolumeReader
    {
        public static Volume Read(JsonElement item, VolumeKeys keys)
        {
            ResponseShape.Require(item.ValueKind == JsonValueKind.Object, "a volume is not a JSON object");
            var id = JsonRead.Text(item, "id");
            ResponseShape.Require(!string.IsNullOrEmpty(id), "a volume has no id");
            return new Volume(
                id!,
                JsonRead.Text(item, keys.Name),
                JsonRead.Text(item, keys.Description),
                JsonRead.Text(item, "status") ?? string.Empty,
                JsonRead.Integer(item, "size"),
                JsonRead.Text(item, keys.AvailabilityZone),
                JsonRead.Text(item, keys.VolumeType),
                JsonRead.UtcTime(item, keys.CreatedAt),
                JsonRead.Text(item, keys.SnapshotId),
                ReadAttachments(item, keys),
                JsonRead.StringMap(item, keys.Metadata),
                keys.ProjectId != null ? JsonRead.Text(item, keys.ProjectId) : null);
        }

        /// <summary>Nova answers [{}] for a detached volume: an attachment without a server is none.</summary>
        private static IReadOnlyList<VolumeAttachment> ReadAttachments(JsonElement item, VolumeKeys keys)
        {
            var attachments = new List<VolumeAttachment>();
            if (!(JsonRead.Property(item, "attachments") is { ValueKind: JsonValueKind.Array } list)) return attachments;
            foreach (var entry in list.EnumerateArray())
            {
                var serverId = JsonRead.Text(entry, keys.ServerId);
                if (string.IsNullOrEmpty(serverId)) continue;
                var attachmentId = keys.AttachmentId.Select(key => JsonRead.Text(entry, key)).FirstOrDefault(value => value != null);
                attachments.Add(new VolumeAttachment(attachmentId, serverId, JsonRead.Text(entry, "device")));
            }
            return attachments;
        }
    }
}
