using System;
using System.Collections.Generic;
using System.Linq;
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
            var request = _endpoint.Request(HttpMethod.Post, SnapshotUrls.Collection, RequestTarget.Creation(snapshot.VolumeId, snapshot.Force));
            request.Content = ApiSender.Json(SnapshotBodies.Create(snapshot, volumeId));
            return _endpoint.ReadAsync(request, call, SnapshotResults.ReadOne);
        }

        public Task<Snapshot> GetAsync(string id, CallContext call) =>
            _endpoint.GetAsync(SnapshotUrls.Item(id), SnapshotUrls.ItemName, call, SnapshotResults.ReadOne);

        /// <summary>Filtered by Cinder, and checked again here so a filter the cloud ignored cannot widen the listing.</summary>
        public Pager<Snapshot> List(SnapshotQuery? query = null)
        {
            var all = MarkerWalk<Snapshot>.Pager((marker, call) => ListPageAsync(query, marker, call), snapshot => snapshot.Id);
            return query == null ? all : all.Where(query.Matches);
        }

        private Task<ListPage<Snapshot>> ListPageAsync(SnapshotQuery? query, string? marker, CallContext call) =>
            _endpoint.ReadAsync(_endpoint.Request(HttpMethod.Get, SnapshotUrls.List(query, Pager<Snapshot>.RequestedPageSize, marker)), call,
                SnapshotResults.ReadPage);

        public Task DeleteAsync(string id, CallContext call) =>
            _endpoint.DeleteAsync(SnapshotUrls.Item(id), SnapshotUrls.ItemName, id, call);

        /// <summary>
        /// Metadata first (one request: POST merges pairs, or with removals PUT replaces the whole set read just before,
        /// since a key such as '..' or 'a/b' cannot be named in a URL), then name and description.
        /// </summary>
        public async Task UpdateAsync(string id, SnapshotChange change, CallContext call)
        {
            var problem = SnapshotInput.TextProblem(change.Name, "name") ?? SnapshotInput.TextProblem(change.Description, "description")
                ?? SnapshotInput.MetadataProblem(change.Metadata);
            if (problem != null) throw new OpenStackException(OpenStackErrorKind.InvalidArgument, problem);
            if (change.RemovesMetadata)
            {
                var current = (await GetAsync(id, call).ConfigureAwait(false)).Metadata;
                var result = MetadataAfter(current, change);
                if (!SameMetadata(current, result)) await SendMetadataAsync(HttpMethod.Put, id, result, call).ConfigureAwait(false);
            }
            else if (change.SetsMetadata)
            {
                await SendMetadataAsync(HttpMethod.Post, id, change.Metadata!, call).ConfigureAwait(false);
            }
            if (change.RenamesOrDescribes)
            {
                using var update = _endpoint.Request(HttpMethod.Put, SnapshotUrls.Item(id), RequestTarget.Item(SnapshotUrls.ItemName));
                update.Content = ApiSender.Json(SnapshotBodies.Update(change));
                await _endpoint.SendAsync(update, call).ConfigureAwait(false);
            }
            if (change.IsEmpty) await GetAsync(id, call).ConfigureAwait(false); // as on Compute: a wrong id still fails
        }

        private async Task SendMetadataAsync(HttpMethod method, string id, IReadOnlyDictionary<string, string> pairs, CallContext call)
        {
            using var request = _endpoint.Request(method, SnapshotUrls.Metadata(id), RequestTarget.Item(SnapshotUrls.ItemName));
            request.Content = ApiSender.Json(SnapshotBodies.Metadata(pairs));
            await _endpoint.SendAsync(request, call).ConfigureAwait(false);
        }

        // The keys to remove go first, then the given pairs are merged (a key both removed and given ends with the given value).
        private static Dictionary<string, string> MetadataAfter(IReadOnlyDictionary<string, string> current, SnapshotChange change)
        {
            var result = current.Where(p => !change.RemoveMetadataKeys!.Contains(p.Key))
                .ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
            if (change.SetsMetadata) foreach (var pair in change.Metadata!) result[pair.Key] = pair.Value;
            return result;
        }

        private static bool SameMetadata(IReadOnlyDictionary<string, string> a, IReadOnlyDictionary<string, string> b) =>
            a.Count == b.Count && a.All(p => b.TryGetValue(p.Key, out var value) && value == p.Value);
    }
}
