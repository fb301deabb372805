using System.Threading.Tasks;
using OpenStackSnapshot.Client.Http;
using OpenStackSnapshot.Client.Json;
using OpenStackSnapshot.Client.Models;
using OpenStackSnapshot.Client.Services;

namespace OpenStackSnapshot.Client.Compute
{
    /// <summary>Nova's os-volumes proxy routes (read only): {compute}/os-volumes/detail and /{id}.</summary>
    public sealed class VolumeClient : IVolumeService
    {
        private const string Collection = "os-volumes";
        private readonly ComputeRequests _compute;

        internal VolumeClient(ComputeRequests compute) => _compute = compute;

        public Task<Volume> GetAsync(string id, CallContext call) =>
            _compute.GetItemAsync(Collection, "Volume", id, call, VolumeJson.ReadOne);

        public Pager<Volume> List(VolumeQuery? query = null)
        {
            var all = new Pager<Volume>((limit, offset, call) => _compute.GetPageAsync(Collection, limit, offset, call, VolumeJson.ReadMany), volume => volume.Id);
            return query == null ? all : all.Where(query.Matches);
        }
    }
}
