using System.Net.Http;
using System.Threading.Tasks;
using OpenStackSnapshot.Client.Http;
using OpenStackSnapshot.Client.Models;
using OpenStackSnapshot.Client.Services;
using OpenStackSnapshot.Client.Volumes;

namespace OpenStackSnapshot.Client.BlockStorage.Volumes
{
    /// <summary>Volumes through Cinder's block-storage API v3 (read only).</summary>
    internal sealed class VolumeService : IVolumeService
    {
        private readonly BlockStorageRequests _requests;

        public VolumeService(BlockStorageRequests requests) => _requests = requests;

        public Task<Volume> GetAsync(string id, CallContext call) =>
            _requests.GetItemAsync(VolumeUrls.Collection, VolumeUrls.ItemName, id, call, VolumeResults.ReadOne);

        public Pager<Volume> List(VolumeQuery? query = null)
        {
            var all = MarkerWalk<Volume>.Pager(ListPageAsync, volume => volume.Id);
            return query == null ? all : all.Where(query.Matches);
        }

        private async Task<ListPage<Volume>> ListPageAsync(string? marker, CallContext call)
        {
            using var request = _requests.Request(HttpMethod.Get, VolumeUrls.List(Pager<Volume>.RequestedPageSize, marker));
            return await _requests.ReadAsync(request, call, VolumeResults.ReadPage).ConfigureAwait(false);
        }
    }
}
