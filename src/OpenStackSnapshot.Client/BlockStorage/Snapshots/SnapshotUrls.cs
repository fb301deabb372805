using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using OpenStackSnapshot.Client.Http;
using OpenStackSnapshot.Client.Snapshots;

namespace OpenStackSnapshot.Client.BlockStorage.Snapshots
{
    /// <summary>Cinder v3's snapshot routes: {block-storage}/snapshots[/detail|/{id}[/metadata[/{key}]]].</summary>
    internal static class SnapshotUrls
    {
        public const string Collection = "snapshots";
        public const string ItemName = "Snapshot";

        public static string Item(string id) => ServiceRequests.ItemPath(Collection, id, ItemName);

        public static string Metadata(string id) => Item(id) + "/metadata";

        /// <summary>
        /// snapshots/detail with the filters Cinder has (name, status, volume_id, metadata), the marker and all_tenants.
        /// Cinder reads the metadata filter as a Python literal; the escaping below percent-encodes its UTF-8.
        /// </summary>
        public static string List(SnapshotQuery? query, int limit, string? marker)
        {
            var parameters = new List<KeyValuePair<string, string>>
            {
                Pair("limit", limit.ToString(CultureInfo.InvariantCulture)),
            };
            if (marker != null) parameters.Add(Pair("marker", marker));
            if (query?.Name != null) parameters.Add(Pair("name", query.Name));
            if (query?.Status != null) parameters.Add(Pair("status", query.Status));
            if (query?.VolumeId != null) parameters.Add(Pair("volume_id", query.VolumeId));
            if (query != null && query.HasMetadata) parameters.Add(Pair("metadata", SnapshotRequests.MetadataFilter(query.Metadata!)));
            if (query != null && query.AllProjects) parameters.Add(Pair("all_tenants", "1"));
            return Collection + "/detail?" + string.Join("&", parameters.Select(p => p.Key + "=" + System.Uri.EscapeDataString(p.Value)));
        }

        private static KeyValuePair<string, string> Pair(string key, string value) => new KeyValuePair<string, string>(key, value);
    }
}
