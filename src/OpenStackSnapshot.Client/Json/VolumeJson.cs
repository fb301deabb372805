using System.Collections.Generic;
using System.Text.Json;
using OpenStackSnapshot.Client.Models;

namespace OpenStackSnapshot.Client.Json
{
    /// <summary>os-volumes bodies: {"volume": {...}} and {"volumes": [...]}.</summary>
    internal static class VolumeJson
    {
        public static Volume ReadOne(JsonElement root) => ResponseShape.One(root, "volume", Read);

        public static IReadOnlyList<Volume> ReadMany(JsonElement root) => ResponseShape.Many(root, "volumes", Read);

        private static Volume Read(JsonElement item)
        {
            ResponseShape.Require(item.ValueKind == JsonValueKind.Object, "a volume is not a JSON object");
            var id = JsonRead.Text(item, "id");
            ResponseShape.Require(!string.IsNullOrEmpty(id), "a volume has no id");
            return new Volume(
                id!,
                JsonRead.Text(item, "displayName"),
                JsonRead.Text(item, "displayDescription"),
                JsonRead.Text(item, "status") ?? string.Empty,
                JsonRead.Integer(item, "size"),
                JsonRead.Text(item, "availabilityZone"),
                JsonRead.Text(item, "volumeType"),
                JsonRead.UtcTime(item, "createdAt"),
                JsonRead.Text(item, "snapshotId"),
                ReadAttachments(item));
        }

        /// <summary>Nova answers [{}] for a detached volume: an attachment without a server is none.</summary>
        private static IReadOnlyList<VolumeAttachment> ReadAttachments(JsonElement item)
        {
            var attachments = new List<VolumeAttachment>();
            if (!(JsonRead.Property(item, "attachments") is { ValueKind: JsonValueKind.Array } list)) return attachments;
            foreach (var entry in list.EnumerateArray())
            {
                var serverId = JsonRead.Text(entry, "serverId");
                if (string.IsNullOrEmpty(serverId)) continue;
                attachments.Add(new VolumeAttachment(JsonRead.Text(entry, "id"), serverId, JsonRead.Text(entry, "device")));
            }
            return attachments;
        }
    }
}
