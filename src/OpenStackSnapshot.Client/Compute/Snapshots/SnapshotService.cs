using System.Collections.Generic;
using System.Net.Http;
using System.Threading.Tasks;
using OpenStackSnapshot.Client.Errors;
using OpenStackSnapshot.Client.Http;
using OpenStackSnapshot.Client.Models;
using OpenStackSnapshot.Client.Services;
using OpenStackSnapshot.Client.Snapshots;

namespace OpenStackSnapshot.Client.Compute.Snapshots
{
    /// <summary>Nova's os-snapshots routes: {compute}/os-snapshots[/detail|/{id}].</summary>
    internal sealed class SnapshotService : ISnapshotService
    {
        private const string Collection = "os-snapshots";
        private const string ItemName = "Snapshot";
        private readonly ComputeRequests _compute;

        internal SnapshotService(ComputeRequests compute) => _compute = compute;

        public SnapshotFeatures Features => ProxyLimits.Features;

        public Task<Snapshot> CreateAsync(NewSnapshot snapshot, CallContext call)
        {
            var volumeId = SnapshotInput.Checked(snapshot);
            ProxyLimits.Check(snapshot);
            var request = _compute.Request(HttpMethod.Post, Collection, RequestTarget.Creation(snapshot.VolumeId, snapshot.Force));
            request.Content = ApiSender.Json(SnapshotJson.CreateBody(snapshot, volumeId));
            return CreateReconciler.CreateAsync(this, _compute, request, snapshot, volumeId, SnapshotJson.ReadOne, call);
        }

        public Task<Snapshot> GetAsync(string id, CallContext call) =>
            _compute.GetItemAsync(Collection, ItemName, id, call, SnapshotJson.ReadOne);

        /// <summary>The project's snapshots, page by page, in the server's order; Nova filters nothing, so the query is applied here.</summary>
        public Pager<Snapshot> List(SnapshotQuery? query = null)
        {
            ProxyLimits.Check(query);
            var all = OffsetWalk<Snapshot>.Pager(ListPageAsync, snapshot => snapshot.Id);
            return query == null ? all : all.Where(query.Matches);
        }

        /// <summary>One page of os-snapshots/detail; Nova has no marker, so pages go by offset.</summary>
        public Task<IReadOnlyList<Snapshot>> ListPageAsync(int limit, int offset, CallContext call) =>
            _compute.GetPageAsync(Collection, limit, offset, call, SnapshotJson.ReadMany);

        public Task DeleteAsync(string id, CallContext call) =>
            DeleteRefusal.DeleteAsync(this, id, () => _compute.DeleteItemAsync(Collection, ItemName, id, call), call);

        /// <summary>The proxy has no update route: only an empty change (which reads the snapshot) is served.</summary>
        public Task UpdateAsync(string id, SnapshotChange change, CallContext call) =>
            change.IsEmpty ? GetAsync(id, call)
                : Task.FromException(ProxyLimits.Refused("rename a snapshot or change its description or metadata"));
    }
}
