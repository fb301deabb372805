using System.Threading.Tasks;
using OpenStackSnapshot.Client.Http;
using OpenStackSnapshot.Client.Models;
using OpenStackSnapshot.Client.Services;
using OpenStackSnapshot.Client.Volumes;

namespace OpenStackSnapshot.Client.Compute.Volumes
{
    /// <summary>Nova's os-volumes proxy routes (read only): {compute}/os-volumes/detail and /{id}.</summary>
    internal sealed class VolumeService : IVolumeService
    {
        private const string Collection = "os-volumes";
        private readonly ComputeRequests _compute;

        internal VolumeService(ComputeRequests compute) => _compute = compute;

        public Task<Volume> GetAsync(string id, CallContext call) =>
            _compute.GetItemAsync(Collection, "Volume", id, call, VolumeJson.ReadOne);

        public Pager<Volume> List(VolumeQuery? query = null)
        {
            var all = OffsetWalk<Volume>.Pager(
                (limit, offset, call) => _compute.GetPageAsync(Collection, limit, offset, call, VolumeJson.ReadMany), volume => volume.Id);
            return query == null ? all : all.Where(query.Matches);
        }
    }
}
