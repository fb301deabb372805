using System.Net.Http;
using System.Threading.Tasks;
using OpenStackSnapshot.Client.Http;
using OpenStackSnapshot.Client.Models;
using OpenStackSnapshot.Client.Paging;
using OpenStackSnapshot.Client.Volumes;

namespace OpenStackSnapshot.Client.BlockStorage.Volumes
{
    /// <summary>Volumes through Cinder's block-storage API v3 (read only).</summary>
    internal sealed class BlockStorageVolumeService : IVolumeService
    {
        private readonly BlockStorageEndpoint _endpoint;

        public BlockStorageVolumeService(BlockStorageEndpoint endpoint) => _endpoint = endpoint;

        public Task<Volume> GetAsync(string id, CallContext call) =>
            _endpoint.GetAsync(VolumeUrls.Item(id), VolumeUrls.ItemName, call, VolumeResults.ReadOne);

        public Pager<Volume> List(VolumeQuery? query = null)
        {
            var all = MarkerWalk<Volume>.Pager(ListPageAsync, volume => volume.Id);
            return query == null ? all : all.Where(query.Matches);
        }

        private Task<ListPage<Volume>> ListPageAsync(string? marker, CallContext call) =>
            _endpoint.ReadAsync(_endpoint.Request(HttpMethod.Get, VolumeUrls.List(Pager<Volume>.RequestedPageSize, marker)), call,
                VolumeResults.ReadPage);
    }
}
