using System.Net.Http;
using System.Threading.Tasks;
using OpenStackSnapshot.Client.Models;
using OpenStackSnapshot.Client.Paging;
using OpenStackSnapshot.Client.Volumes;
using OpenStackSnapshot.Client.Http;

namespace OpenStackSnapshot.Client.Compute.Volumes
{
    /// <summary>Volumes through Nova's os-volumes proxy (read only).</summary>
    internal sealed class ComputeVolumeService : IVolumeService
    {
        private readonly ComputeEndpoint _compute;

        internal ComputeVolumeService(ComputeEndpoint compute) => _compute = compute;

        public Task<Volume> GetAsync(string id, CallContext call) =>
            _compute.GetAsync(VolumeUrls.Item(id), VolumeUrls.ItemName, call, VolumeResults.ReadOne);

        public Pager<Volume> List(VolumeQuery? query = null)
        {
            var all = OffsetWalk<Volume>.Pager(
                (limit, offset, call) => _compute.ReadAsync(_compute.Request(HttpMethod.Get, VolumeUrls.List(limit, offset)), call,
                    VolumeResults.ReadMany),
                volume => volume.Id);
            return query == null ? all : all.Where(query.Matches);
        }
    }
}
