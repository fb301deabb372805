using System.Globalization;
using OpenStackSnapshot.Client.Volumes;
using OpenStackSnapshot.Client.Wire;

namespace OpenStackSnapshot.Client.BlockStorage.Volumes
{
    /// <summary>
    /// Cinder v3's volume routes used here: {block-storage}/volumes[/detail|/{id}[/metadata|/action]], and the volume's messages.
    /// </summary>
    internal static class BlockStorageVolumeUrls
    {
        public const string Collection = "volumes";
        public const string ItemName = "Volume";

        public static string Item(string id) => UrlPath.Item(Collection, id, ItemName);

        /// <summary>
        /// volumes/detail with Cinder's metadata filter and all_tenants; Cinder has no filter by server, so none is sent:
        /// the query is applied to what comes back.
        /// </summary>
        public static string List(VolumeQuery? query, int limit, string? marker) =>
            UrlPath.Query(Collection + "/detail",
                ("limit", limit.ToString(CultureInfo.InvariantCulture)),
                ("marker", marker),
                ("metadata", query != null && query.HasMetadata ? MetadataFilter.Literal(query.Metadata!) : null),
                ("all_tenants", query != null && query.AllProjects ? "1" : null));

        /// <summary>The volume's own metadata, without the admin keys (readonly, attached_mode) that Cinder adds to the volume's view.</summary>
        public static string Metadata(string id) => Item(id) + "/metadata";

        /// <summary>volumes/{id}/action: the volume actions (revert).</summary>
        public static string Action(string id) => Item(id) + "/action";

        /// <summary>The messages block storage keeps for its users about one volume (why it went to error); from microversion 3.3.</summary>
        public static string Messages(string volumeId) => UrlPath.Query("messages", ("resource_uuid", volumeId.Trim()));
    }
}
