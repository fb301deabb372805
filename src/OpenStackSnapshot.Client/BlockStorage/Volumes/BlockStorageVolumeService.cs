using System.Net.Http;
using System.Threading.Tasks;
using OpenStackSnapshot.Client.Errors;
using OpenStackSnapshot.Client.Http;
using OpenStackSnapshot.Client.Models;
using OpenStackSnapshot.Client.Paging;
using OpenStackSnapshot.Client.Snapshots;
using OpenStackSnapshot.Client.Volumes;

namespace OpenStackSnapshot.Client.BlockStorage.Volumes
{
    /// <summary>
    /// Volumes through Cinder's block-storage API v3: metadata (filtered on and changed), every project for an admin, and
    /// volumes made from snapshots, deleted and reverted.
    /// </summary>
    internal sealed class BlockStorageVolumeService : IVolumeService
    {
        private static readonly VolumeFeatures All = new VolumeFeatures(changeMetadata: true, allProjects: true, volumeType: true, revert: true,
            what => new OpenStackException(OpenStackErrorKind.InvalidArgument, $"The block-storage API cannot {what}."));
        private readonly BlockStorageEndpoint _endpoint;

        public BlockStorageVolumeService(BlockStorageEndpoint endpoint) => _endpoint = endpoint;

        public Task<Volume> GetAsync(string id, CallContext call) =>
            _endpoint.GetAsync(BlockStorageVolumeUrls.Item(id), BlockStorageVolumeUrls.ItemName, call, BlockStorageVolumeResults.ReadOne);

        /// <summary>Filtered by Cinder (metadata, all_tenants) and checked again here: a filter the cloud ignored cannot widen it.</summary>
        public Pager<Volume> List(VolumeQuery? query = null)
        {
            var all = MarkerWalk<Volume>.Pager((marker, call) => ListPageAsync(query, marker, call), volume => volume.Id);
            return query == null ? all : all.Where(query.Matches);
        }

        private Task<ListPage<Volume>> ListPageAsync(VolumeQuery? query, string? marker, CallContext call) =>
            _endpoint.ReadAsync(_endpoint.Request(HttpMethod.Get, BlockStorageVolumeUrls.List(query, Pager<Volume>.RequestedPageSize, marker)), call,
                BlockStorageVolumeResults.ReadPage);

        public VolumeFeatures Features => All;

        /// <summary>
        /// POST volumes/{id}/metadata merges; with removals the volume's own metadata is read from that route (the volume's
        /// view adds admin keys such as attached_mode, which must not be written back as the user's) and the result PUT whole.
        /// </summary>
        public async Task UpdateAsync(string id, VolumeChange change, CallContext call)
        {
            if (SnapshotInput.MetadataProblem(change.Metadata) is { } problem)
                throw new OpenStackException(OpenStackErrorKind.InvalidArgument, problem);
            if (change.IsEmpty)
            {
                await GetAsync(id, call).ConfigureAwait(false); // a wrong id still fails
                return;
            }
            await MetadataWrite.ApplyAsync(_endpoint, BlockStorageVolumeUrls.Metadata(id), BlockStorageVolumeUrls.ItemName, change.MetadataEdit,
                () => _endpoint.GetAsync(BlockStorageVolumeUrls.Metadata(id), BlockStorageVolumeUrls.ItemName, call,
                    BlockStorageVolumeResults.ReadMetadata), call)
                .ConfigureAwait(false);
        }

        public Task<Volume> CreateAsync(NewVolume volume, CallContext call)
        {
            var snapshotId = VolumeInput.Checked(volume);
            var request = _endpoint.Request(HttpMethod.Post, BlockStorageVolumeUrls.Collection, RequestTarget.VolumeCreation(snapshotId));
            request.Content = ApiSender.Json(BlockStorageVolumeBodies.Create(volume, snapshotId));
            return _endpoint.ReadAsync(request, call, BlockStorageVolumeResults.ReadOne);
        }

        public Task DeleteAsync(string id, CallContext call) =>
            _endpoint.DeleteAsync(BlockStorageVolumeUrls.Item(id), BlockStorageVolumeUrls.ItemName, id, call);

        /// <summary>At microversion 3.40 on this request alone (BlockStorageMicroversion.Revert says why); 202, the revert goes on.</summary>
        public async Task RevertAsync(string volumeId, string snapshotId, CallContext call)
        {
            var snapshot = VolumeInput.SnapshotIdProblem(snapshotId) is { } problem
                ? throw new OpenStackException(OpenStackErrorKind.InvalidArgument, problem)
                : VolumeInput.CanonicalId(snapshotId);
            using var request = _endpoint.RequestAt(BlockStorageMicroversion.Revert, HttpMethod.Post, BlockStorageVolumeUrls.Action(volumeId),
                RequestTarget.Revert(volumeId.Trim(), snapshot));
            request.Content = ApiSender.Json(BlockStorageVolumeBodies.Revert(snapshot));
            await _endpoint.SendAsync(request, call).ConfigureAwait(false);
        }

        public Task<string?> FailureReasonAsync(string id, CallContext call) =>
            _endpoint.ReadAsync(_endpoint.Request(HttpMethod.Get, BlockStorageVolumeUrls.Messages(id)), call, BlockStorageVolumeResults.ReadReason);
    }
}
