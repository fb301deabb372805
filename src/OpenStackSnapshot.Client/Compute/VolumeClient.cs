using System.Threading.Tasks;
using OpenStackSnapshot.Client.Http;
using OpenStackSnapshot.Client.Json;
using OpenStackSnapshot.Client.Models;

namespace OpenStackSnapshot.Client.Compute
{
    /// <summary>Nova's os-volumes proxy routes (read only): {compute}/os-volumes/detail and /{id}.</summary>
    public sealed class VolumeClient
    {
        private const string Collection = "os-volumes";
        private readonly ComputeRequests _compute;

        internal VolumeClient(ComputeRequests compute) => _compute = compute;

        public Task<Volume> GetAsync(string id, CallContext call) =>
            _compute.GetItemAsync(Collection, "Volume", id, call, VolumeJson.ReadOne);

        public Pager<Volume> List() =>
            new Pager<Volume>((limit, offset, call) => _compute.GetPageAsync(Collection, limit, offset, call, VolumeJson.ReadMany), volume => volume.Id);
    }
}
