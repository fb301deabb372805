using System.Globalization;
using OpenStackSnapshot.Client.Snapshots;
using OpenStackSnapshot.Client.Wire;

namespace OpenStackSnapshot.Client.BlockStorage.Snapshots
{
    /// <summary>Cinder v3's snapshot routes: {block-storage}/snapshots[/detail|/{id}[/metadata]].</summary>
    internal static class BlockStorageSnapshotUrls
    {
        public const string Collection = "snapshots";
        public const string ItemName = "Snapshot";

        public static string Item(string id) => UrlPath.Item(Collection, id, ItemName);

        public static string Metadata(string id) => Item(id) + "/metadata";

        /// <summary>snapshots/detail with the filters Cinder has (name, status, volume_id, metadata), the marker and all_tenants.</summary>
        public static string List(SnapshotQuery? query, int limit, string? marker) =>
            UrlPath.Query(Collection + "/detail",
                ("limit", limit.ToString(CultureInfo.InvariantCulture)),
                ("marker", marker),
                ("name", query?.Name),
                ("status", query?.Status),
                ("volume_id", query?.VolumeId),
                ("metadata", query != null && query.HasMetadata ? MetadataFilter.Literal(query.Metadata!) : null),
                ("all_tenants", query != null && query.AllProjects ? "1" : null));
    }
}
