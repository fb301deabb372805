using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
using System.Threading.Tasks;
using OpenStackSnapshot.Client.Errors;
using OpenStackSnapshot.Client.Http;
using OpenStackSnapshot.Client.Json;
using OpenStackSnapshot.Client.Models;

namespace OpenStackSnapshot.Client.Compute
{
    /// <summary>Nova's os-volumes proxy routes (read only): {compute}/os-volumes/detail and /{id}.</summary>
    public sealed class VolumeClient
    {
        private readonly ComputeRequests _compute;

        internal VolumeClient(ComputeRequests compute) => _compute = compute;

        public async Task<Volume> GetAsync(string id, CallContext call)
        {
            using var request = _compute.Request(HttpMethod.Get, "os-volumes/" + SnapshotClient.ItemPath(id, "volume id"));
            return await _compute.ReadAsync(request, new ErrorTranslator.Subject { ItemName = "Volume" }, call, VolumeJson.ReadOne).ConfigureAwait(false);
        }

        public Pager<Volume> List() => new Pager<Volume>(ListPageAsync, volume => volume.Id);

        private async Task<IReadOnlyList<Volume>> ListPageAsync(int limit, int offset, CallContext call)
        {
            var query = string.Format(CultureInfo.InvariantCulture, "os-volumes/detail?limit={0}&offset={1}", limit, offset);
            using var request = _compute.Request(HttpMethod.Get, query);
            return await _compute.ReadAsync(request, new ErrorTranslator.Subject(), call, VolumeJson.ReadMany).ConfigureAwait(false);
        }
    }
}
