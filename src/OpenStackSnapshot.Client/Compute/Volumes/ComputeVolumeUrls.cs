using System.Globalization;
using OpenStackSnapshot.Client.Wire;

namespace OpenStackSnapshot.Client.Compute.Volumes
{
    /// <summary>Nova's os-volumes proxy routes used here: {compute}/os-volumes[/detail|/{id}] (POST and DELETE too).</summary>
    internal static class ComputeVolumeUrls
    {
        public const string Collection = "os-volumes";
        public const string ItemName = "Volume";

        public static string Item(string id) => UrlPath.Item(Collection, id, ItemName);

        /// <summary>One page of the listing; Nova has no marker and no filters, so pages go by offset.</summary>
        public static string List(int limit, int offset) =>
            UrlPath.Query(Collection + "/detail",
                ("limit", limit.ToString(CultureInfo.InvariantCulture)), ("offset", offset.ToString(CultureInfo.InvariantCulture)));
    }
}
