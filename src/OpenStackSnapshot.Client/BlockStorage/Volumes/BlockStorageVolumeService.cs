using System.Net.Http;
using System.Threading.Tasks;
using OpenStackSnapshot.Client.Errors;
using OpenStackSnapshot.Client.Http;
using OpenStackSnapshot.Client.Models;
using OpenStackSnapshot.Client.Paging;
using OpenStackSnapshot.Client.Volumes;

namespace OpenStackSnapshot.Client.BlockStorage.Volumes
{
    /// <summary>Volumes through Cinder's block-storage API v3: read, made from snapshots, deleted, reverted.</summary>
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

        private static readonly VolumeFeatures All = new VolumeFeatures(metadata: true, volumeType: true, revert: true,
            what => new OpenStackException(OpenStackErrorKind.InvalidArgument, $"The block-storage API cannot {what}."));

        public VolumeFeatures Features => All;

        public Task<Volume> CreateAsync(NewVolume volume, CallContext call)
        {
            var snapshotId = VolumeInput.Checked(volume);
            var request = _endpoint.Request(HttpMethod.Post, VolumeUrls.Collection, RequestTarget.VolumeCreation(snapshotId));
            request.Content = ApiSender.Json(VolumeBodies.Create(volume, snapshotId));
            return _endpoint.ReadAsync(request, call, VolumeResults.ReadOne);
        }

        public Task DeleteAsync(string id, CallContext call) => _endpoint.DeleteAsync(VolumeUrls.Item(id), VolumeUrls.ItemName, id, call);

        /// <summary>At microversion 3.40 on this request alone (BlockStorageMicroversion.Revert says why); 202, the revert goes on.</summary>
        public async Task RevertAsync(string volumeId, string snapshotId, CallContext call)
        {
            var snapshot = VolumeInput.SnapshotIdProblem(snapshotId) is { } problem
                ? throw new OpenStackException(OpenStackErrorKind.InvalidArgument, problem)
                : VolumeInput.CanonicalId(snapshotId);
            using var request = _endpoint.RequestAt(BlockStorageMicroversion.Revert, HttpMethod.Post, VolumeUrls.Action(volumeId),
                RequestTarget.Revert(volumeId.Trim(), snapshot));
            request.Content = ApiSender.Json(VolumeBodies.Revert(snapshot));
            await _endpoint.SendAsync(request, call).ConfigureAwait(false);
        }

        public Task<string?> FailureReasonAsync(string id, CallContext call) =>
            _endpoint.ReadAsync(_endpoint.Request(HttpMethod.Get, VolumeUrls.Messages(id)), call, VolumeResults.ReadReason);
    }
}
