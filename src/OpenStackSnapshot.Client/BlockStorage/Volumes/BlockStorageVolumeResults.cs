using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using OpenStackSnapshot.Client.Wire;
using OpenStackSnapshot.Client.Models;
using OpenStackSnapshot.Client.Paging;

namespace OpenStackSnapshot.Client.BlockStorage.Volumes
{
    /// <summary>
    /// Cinder v3's volume answers: {"volume": {...}}, {"volumes": [...], "volumes_links": [...]}, {"metadata": {...}} and the
    /// volume's {"messages": [...]}.
    /// </summary>
    internal static class BlockStorageVolumeResults
    {
        /// <summary>Cinder's names; the owner comes from the tenant-attribute extension, shown to the owner and admins.</summary>
        private static readonly VolumeKeys Keys = new VolumeKeys { ProjectId = "os-vol-tenant-attr:tenant_id" };

        public static Volume ReadOne(JsonElement root) => ResponseShape.One(root, "volume", Read);

        public static ListPage<Volume> ReadPage(JsonElement root) => ListPage.Read(root, "volumes", Read);

        private static Volume Read(JsonElement item) => VolumeReader.Read(item, Keys);

        /// <summary>GET volumes/{id}/metadata: the volume's own pairs.</summary>
        public static IReadOnlyDictionary<string, string> ReadMetadata(JsonElement root)
        {
            ResponseShape.Member(root, "metadata", JsonValueKind.Object); // a body without it is not read as "no metadata"
            return JsonRead.StringMap(root, "metadata");
        }

        /// <summary>
        /// The newest of block storage's user messages about a volume ({"messages": [{"user_message", "created_at", ...}]}),
        /// or null when it keeps none.
        /// </summary>
        public static string? ReadReason(JsonElement root) =>
            ResponseShape.Many(root, "messages", m => (Text: JsonRead.Text(m, "user_message"), At: JsonRead.UtcTime(m, "created_at")))
                .Where(m => !string.IsNullOrWhiteSpace(m.Text)).OrderByDescending(m => m.At).Select(m => m.Text).FirstOrDefault();
    }
}
