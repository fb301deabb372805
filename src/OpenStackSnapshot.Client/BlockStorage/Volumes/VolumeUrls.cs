using System.Globalization;
using OpenStackSnapshot.Client.Wire;

namespace OpenStackSnapshot.Client.BlockStorage.Volumes
{
    /// <summary>Cinder v3's volume routes used here: {block-storage}/volumes[/detail|/{id}[/action]], and the volume's messages.</summary>
    internal static class VolumeUrls
    {
        public const string Collection = "volumes";
        public const string ItemName = "Volume";

        public static string Item(string id) => UrlPath.Item(Collection, id, ItemName);

        /// <summary>Cinder has no filter by server, so none is sent: the query is applied to what comes back.</summary>
        public static string List(int limit, string? marker) =>
            UrlPath.Query(Collection + "/detail", ("limit", limit.ToString(CultureInfo.InvariantCulture)), ("marker", marker));

        /// <summary>volumes/{id}/action: the volume actions (revert).</summary>
        public static string Action(string id) => Item(id) + "/action";

        /// <summary>The messages block storage keeps for its users about one volume (why it went to error); from microversion 3.3.</summary>
        public static string Messages(string volumeId) => UrlPath.Query("messages", ("resource_uuid", volumeId.Trim()));
    }
}
