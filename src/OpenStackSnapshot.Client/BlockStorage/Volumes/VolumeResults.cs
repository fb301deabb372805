using System.Collections.Generic;
using System.Text.Json;
using OpenStackSnapshot.Client.Json;
using OpenStackSnapshot.Client.Models;

namespace OpenStackSnapshot.Client.BlockStorage.Volumes
{
    /// <summary>Cinder v3's volume bodies: {"volume": {...}} and {"volumes": [...], "volumes_links": [...]}.</summary>
    internal static class VolumeResults
    {
        /// <summary>Where Cinder puts the owner (the tenant-attribute extension, shown to the owner and admins).</summary>
        private const string ProjectIdKey = "os-vol-tenant-attr:tenant_id";

        public static Volume ReadOne(JsonElement root) => ResponseShape.One(root, "volume", Read);

        public static ListPage<Volume> ReadPage(JsonElement root) => ListPage.Read(root, "volumes", Read);

        private static Volume Read(JsonElement item)
        {
            ResponseShape.Require(item.ValueKind == JsonValueKind.Object, "a volume is not a JSON object");
            var id = JsonRead.Text(item, "id");
            ResponseShape.Require(!string.IsNullOrEmpty(id), "a volume has no id");
            return new Volume(
                id!,
                JsonRead.Text(item, "name"),
                JsonRead.Text(item, "description"),
                JsonRead.Text(item, "status") ?? string.Empty,
                JsonRead.Integer(item, "size"),
                JsonRead.Text(item, "availability_zone"),
                JsonRead.Text(item, "volume_type"),
                JsonRead.UtcTime(item, "created_at"),
                JsonRead.Text(item, "snapshot_id"),
                ReadAttachments(item),
                JsonRead.StringMap(item, "metadata"),
                JsonRead.Text(item, ProjectIdKey));
        }

        /// <summary>Cinder's attachments: server_id, attachment_id, device; one without a server is none.</summary>
        private static IReadOnlyList<VolumeAttachment> ReadAttachments(JsonElement item)
        {
            var attachments = new List<VolumeAttachment>();
            if (!(JsonRead.Property(item, "attachments") is { ValueKind: JsonValueKind.Array } list)) return attachments;
            foreach (var entry in list.EnumerateArray())
            {
                var serverId = JsonRead.Text(entry, "server_id");
                if (string.IsNullOrEmpty(serverId)) continue;
                attachments.Add(new VolumeAttachment(JsonRead.Text(entry, "attachment_id") ?? JsonRead.Text(entry, "id"), serverId, JsonRead.Text(entry, "device")));
            }
            return attachments;
        }
    }
}
