using System.Net.Http;
using System.Threading.Tasks;
using OpenStackSnapshot.Client.Errors;
using OpenStackSnapshot.Client.Http;
using OpenStackSnapshot.Client.Models;
using OpenStackSnapshot.Client.Paging;
using OpenStackSnapshot.Client.Snapshots;

namespace OpenStackSnapshot.Client.BlockStorage.Snapshots
{
    /// <summary>Snapshots through Cinder's block-storage API v3: metadata, server-side filters, every project for an admin.</summary>
    internal sealed class BlockStorageSnapshotService : ISnapshotService
    {
        private static readonly SnapshotFeatures All = new SnapshotFeatures(metadata: true, allProjects: true, update: true,
            what => new OpenStackException(OpenStackErrorKind.InvalidArgument, $"The block-storage API cannot {what}."));
        private readonly BlockStorageEndpoint _endpoint;

        public BlockStorageSnapshotService(BlockStorageEndpoint endpoint) => _endpoint = endpoint;

        public SnapshotFeatures Features => All;

        public Task<Snapshot> CreateAsync(NewSnapshot snapshot, CallContext call)
        {
            var volumeId = SnapshotInput.Checked(snapshot);
            var request = _endpoint.Request(HttpMethod.Post, BlockStorageSnapshotUrls.Collection,
                RequestTarget.Creation(snapshot.VolumeId, snapshot.Force));
            request.Content = ApiSender.Json(BlockStorageSnapshotBodies.Create(snapshot, volumeId));
            return _endpoint.ReadAsync(request, call, BlockStorageSnapshotResults.ReadOne);
        }

        public Task<Snapshot> GetAsync(string id, CallContext call) =>
            _endpoint.GetAsync(BlockStorageSnapshotUrls.Item(id), BlockStorageSnapshotUrls.ItemName, call, BlockStorageSnapshotResults.ReadOne);

        /// <summary>Filtered by Cinder, and checked again here so a filter the cloud ignored cannot widen the listing.</summary>
        public Pager<Snapshot> List(SnapshotQuery? query = null)
        {
            var all = MarkerWalk<Snapshot>.Pager((marker, call) => ListPageAsync(query, marker, call), snapshot => snapshot.Id);
            return query == null ? all : all.Where(query.Matches);
        }

        private Task<ListPage<Snapshot>> ListPageAsync(SnapshotQuery? query, string? marker, CallContext call) =>
            _endpoint.ReadAsync(
                _endpoint.Request(HttpMethod.Get, BlockStorageSnapshotUrls.List(query, Pager<Snapshot>.RequestedPageSize, marker)), call,
                BlockStorageSnapshotResults.ReadPage);

        public Task DeleteAsync(string id, CallContext call) =>
            _endpoint.DeleteAsync(BlockStorageSnapshotUrls.Item(id), BlockStorageSnapshotUrls.ItemName, id, call);

        /// <summary>
        /// Metadata first (one request: POST merges pairs, or with removals PUT replaces the whole set read just before,
        /// as <see cref="MetadataWrite"/> does for every item), then name and description.
        /// </summary>
        public async Task UpdateAsync(string id, SnapshotChange change, CallContext call)
        {
            var problem = SnapshotInput.TextProblem(change.Name, "name") ?? SnapshotInput.TextProblem(change.Description, "description")
                ?? SnapshotInput.MetadataProblem(change.Metadata);
            if (problem != null) throw new OpenStackException(OpenStackErrorKind.InvalidArgument, problem);
            await MetadataWrite.ApplyAsync(_endpoint, BlockStorageSnapshotUrls.Metadata(id), BlockStorageSnapshotUrls.ItemName, change.MetadataEdit,
                async () => (await GetAsync(id, call).ConfigureAwait(false)).Metadata, call).ConfigureAwait(false);
            if (change.RenamesOrDescribes)
            {
                using var update = _endpoint.Request(HttpMethod.Put, BlockStorageSnapshotUrls.Item(id),
                    RequestTarget.Item(BlockStorageSnapshotUrls.ItemName));
                update.Content = ApiSender.Json(BlockStorageSnapshotBodies.Update(change));
                await _endpoint.SendAsync(update, call).ConfigureAwait(false);
            }
            if (change.IsEmpty) await GetAsync(id, call).ConfigureAwait(false); // as on Compute: a wrong id still fails
        }
    }
}
