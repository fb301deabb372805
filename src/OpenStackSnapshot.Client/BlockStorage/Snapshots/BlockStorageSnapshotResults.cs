using System.Text.Json;
using OpenStackSnapshot.Client.Models;
using OpenStackSnapshot.Client.Paging;
using OpenStackSnapshot.Client.Wire;

namespace OpenStackSnapshot.Client.BlockStorage.Snapshots
{
    /// <summary>Cinder v3's snapshot answers: {"snapshot": {...}} and {"snapshots": [...], "snapshots_links": [...]}.</summary>
    internal static class BlockStorageSnapshotResults
    {
        /// <summary>Cinder's names; the owner comes from the extended-attributes extension, shown to the owner and admins.</summary>
        private static readonly SnapshotKeys Keys = new SnapshotKeys
        {
            Metadata = "metadata", ProjectId = "os-extended-snapshot-attributes:project_id",
        };

        public static Snapshot ReadOne(JsonElement root) => ResponseShape.One(root, "snapshot", Read);

        public static ListPage<Snapshot> ReadPage(JsonElement root) => ListPage.Read(root, "snapshots", Read);

        private static Snapshot Read(JsonElement item) => SnapshotReader.Read(item, Keys);
    }
}
