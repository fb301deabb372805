using System.Text.Json;
using OpenStackSnapshot.Client.Json;
using OpenStackSnapshot.Client.Models;

namespace OpenStackSnapshot.Client.BlockStorage.Snapshots
{
    /// <summary>Cinder v3's snapshot bodies: {"snapshot": {...}} and {"snapshots": [...], "snapshots_links": [...]}.</summary>
    internal static class SnapshotResults
    {
        /// <summary>Where Cinder puts the owner (the extended-attributes extension, shown to the owner and admins).</summary>
        private const string ProjectIdKey = "os-extended-snapshot-attributes:project_id";

        public static Snapshot ReadOne(JsonElement root) => ResponseShape.One(root, "snapshot", Read);

        public static ListPage<Snapshot> ReadPage(JsonElement root) => ListPage.Read(root, "snapshots", Read);

        private static Snapshot Read(JsonElement item)
        {
            ResponseShape.Require(item.ValueKind == JsonValueKind.Object, "a snapshot is not a JSON object");
            var id = JsonRead.Text(item, "id");
            ResponseShape.Require(!string.IsNullOrEmpty(id), "a snapshot has no id");
            return new Snapshot(
                id!,
                JsonRead.Text(item, "volume_id") ?? string.Empty,
                JsonRead.Text(item, "name"),
                JsonRead.Text(item, "description"),
                JsonRead.Text(item, "status") ?? string.Empty,
                JsonRead.Integer(item, "size"),
                JsonRead.UtcTime(item, "created_at"),
                JsonRead.StringMap(item, "metadata"),
                JsonRead.Text(item, ProjectIdKey));
        }
    }
}
