using System.Globalization;
using OpenStackSnapshot.Client.Wire;

namespace OpenStackSnapshot.Client.Compute.Snapshots
{
    /// <summary>Nova's os-snapshots routes: {compute}/os-snapshots[/detail|/{id}].</summary>
    internal static class ComputeSnapshotUrls
    {
        public const string Collection = "os-snapshots";
        public const string ItemName = "Snapshot";

        public static string Item(string id) => UrlPath.Item(Collection, id, ItemName);

        /// <summary>One page of the listing; Nova has no marker and no filters, so pages go by offset.</summary>
        public static string List(int limit, int offset) =>
            UrlPath.Query(Collection + "/detail",
                ("limit", limit.ToString(CultureInfo.InvariantCulture)), ("offset", offset.ToString(CultureInfo.InvariantCulture)));
    }
}
