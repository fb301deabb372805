using System.Net.Http;
using System.Threading.Tasks;
using OpenStackSnapshot.Client.Models;
using OpenStackSnapshot.Client.Paging;
using OpenStackSnapshot.Client.Volumes;
using OpenStackSnapshot.Client.Http;

namespace OpenStackSnapshot.Client.Compute.Volumes
{
    /// <summary>Volumes through Nova's os-volumes proxy: read only, the token's project only; metadata is reported, so it is filtered here.</summary>
    internal sealed class ComputeVolumeService : IVolumeService
    {
        private readonly ComputeEndpoint _compute;

        internal ComputeVolumeService(ComputeEndpoint compute) => _compute = compute;

        public Task<Volume> GetAsync(string id, CallContext call) =>
            _compute.GetAsync(VolumeUrls.Item(id), VolumeUrls.ItemName, call, VolumeResults.ReadOne);

        public Pager<Volume> List(VolumeQuery? query = null)
        {
            ProxyLimits.Check(query);
            var all = OffsetWalk<Volume>.Pager(
                (limit, offset, call) => _compute.ReadAsync(_compute.Request(HttpMethod.Get, VolumeUrls.List(limit, offset)), call,
                    VolumeResults.ReadMany),
                volume => volume.Id);
            return query == null ? all : all.Where(query.Matches);
        }

        public VolumeFeatures Features => ProxyLimits.VolumeFeatures;

        /// <summary>The proxy has no route that changes a volume: only an empty change (which reads the volume) is served.</summary>
        public Task UpdateAsync(string id, VolumeChange change, CallContext call) =>
            change.IsEmpty ? GetAsync(id, call) : Task.FromException(ProxyLimits.RefusedForVolumes("change a volume's metadata"));
    }
}
