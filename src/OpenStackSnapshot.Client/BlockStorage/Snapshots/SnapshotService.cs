using System.Net.Http;
using System.Threading.Tasks;
using OpenStackSnapshot.Client.Compute;
using OpenStackSnapshot.Client.Errors;
using OpenStackSnapshot.Client.Http;
using OpenStackSnapshot.Client.Models;
using OpenStackSnapshot.Client.Services;
using OpenStackSnapshot.Client.Validation;

namespace OpenStackSnapshot.Client.BlockStorage.Snapshots
{
    /// <summary>Snapshots through Cinder's block-storage API v3: metadata, server-side filters, every project for an admin.</summary>
    internal sealed class SnapshotService : ISnapshotService
    {
        private static readonly SnapshotFeatures All = new SnapshotFeatures(metadata: true, allProjects: true, update: true,
            what => new OpenStackException(OpenStackErrorKind.InvalidArgument, $"The block-storage API cannot {what}."));
        private readonly BlockStorageRequests _requests;

        public SnapshotService(BlockStorageRequests requests) => _requests = requests;

        public SnapshotApi Api => SnapshotApi.BlockStorage;
        public SnapshotFeatures Features => All;

        public Task<Snapshot> CreateAsync(NewSnapshot snapshot, CallContext call)
        {
            var volumeId = SnapshotInput.Checked(snapshot);
            var request = _requests.Request(HttpMethod.Post, SnapshotUrls.Collection);
            request.Content = ApiSender.Json(SnapshotRequests.Create(snapshot, volumeId));
            return CreateReconciler.CreateAsync(this, _requests, request, snapshot, volumeId, SnapshotResults.ReadOne, call);
        }

        public Task<Snapshot> GetAsync(string id, CallContext call) =>
            _requests.GetItemAsync(SnapshotUrls.Collection, SnapshotUrls.ItemName, id, call, SnapshotResults.ReadOne);

        /// <summary>Filtered by Cinder, and checked again here so a filter the cloud ignored cannot widen the listing.</summary>
        public Pager<Snapshot> List(SnapshotQuery? query = null)
        {
            var walk = new MarkerWalk<Snapshot>((marker, call) => ListPageAsync(query, marker, call), snapshot => snapshot.Id);
            var all = new Pager<Snapshot>(walk.NextAsync);
            return query == null ? all : all.Where(query.Matches);
        }

        private async Task<ListPage<Snapshot>> ListPageAsync(SnapshotQuery? query, string? marker, CallContext call)
        {
            using var request = _requests.Request(HttpMethod.Get, SnapshotUrls.List(query, Pager<Snapshot>.RequestedPageSize, marker));
            return await _requests.ReadAsync(request, new ErrorTranslator.Subject(), call, SnapshotResults.ReadPage).ConfigureAwait(false);
        }

        public Task DeleteAsync(string id, CallContext call) =>
            _requests.DeleteItemAsync(SnapshotUrls.Collection, SnapshotUrls.ItemName, id, call);

        /// <summary>Keys removed first (only those it has), then pairs merged, then name and description; the answer is the snapshot as it ends.</summary>
        public async Task<Snapshot> UpdateAsync(string id, SnapshotChange change, CallContext call)
        {
            var problem = SnapshotInput.TextProblem(change.Name, "name") ?? SnapshotInput.TextProblem(change.Description, "description")
                ?? SnapshotInput.MetadataProblem(change.Metadata);
            if (problem != null) throw new OpenStackException(OpenStackErrorKind.InvalidArgument, problem);
            var subject = new ErrorTranslator.Subject { ItemName = SnapshotUrls.ItemName };
            if (change.RemovesMetadata)
            {
                var current = await GetAsync(id, call).ConfigureAwait(false);
                foreach (var key in change.RemoveMetadataKeys!)
                {
                    if (!current.Metadata.ContainsKey(key)) continue;
                    await _requests.DeleteAsync(SnapshotUrls.MetadataKey(id, key), subject, call).ConfigureAwait(false);
                }
            }
            if (change.SetsMetadata)
            {
                using var merge = _requests.Request(HttpMethod.Post, SnapshotUrls.Metadata(id));
                merge.Content = ApiSender.Json(SnapshotRequests.Metadata(change.Metadata!));
                await _requests.SendAsync(merge, subject, call).ConfigureAwait(false);
            }
            if (!change.RenamesOrDescribes) return await GetAsync(id, call).ConfigureAwait(false);
            using var update = _requests.Request(HttpMethod.Put, SnapshotUrls.Item(id));
            update.Content = ApiSender.Json(SnapshotRequests.Update(change));
            return await _requests.ReadAsync(update, subject, call, SnapshotResults.ReadOne).ConfigureAwait(false);
        }
    }
}
