using System.Globalization;

namespace OpenStackSnapshot.Client.BlockStorage.Volumes
{
    /// <summary>Cinder v3's volume routes used here (read only): {block-storage}/volumes/detail and /{id}.</summary>
    internal static class VolumeUrls
    {
        public const string Collection = "volumes";
        public const string ItemName = "Volume";

        /// <summary>Cinder has no filter by server, so none is sent: the query is applied to what comes back.</summary>
        public static string List(int limit, string? marker) =>
            Collection + "/detail?limit=" + limit.ToString(CultureInfo.InvariantCulture)
            + (marker != null ? "&marker=" + System.Uri.EscapeDataString(marker) : string.Empty);
    }
}
