using System.Collections.Generic;
using System.Net.Http;
using System.Threading.Tasks;
using OpenStackSnapshot.Client.Errors;
using OpenStackSnapshot.Client.Http;
using OpenStackSnapshot.Client.Models;
using OpenStackSnapshot.Client.Paging;
using OpenStackSnapshot.Client.Snapshots;

namespace OpenStackSnapshot.Client.Compute.Snapshots
{
    /// <summary>Snapshots through Nova's os-snapshots proxy (compute API v2.1): seven fields, no filters, no update.</summary>
    internal sealed class ComputeSnapshotService : ISnapshotService
    {
        private readonly ComputeEndpoint _compute;

        internal ComputeSnapshotService(ComputeEndpoint compute) => _compute = compute;

        public SnapshotFeatures Features => ProxyLimits.Features;

        public Task<Snapshot> CreateAsync(NewSnapshot snapshot, CallContext call)
        {
            var volumeId = SnapshotInput.Checked(snapshot);
            ProxyLimits.Check(snapshot);
            var request = _compute.Request(HttpMethod.Post, ComputeSnapshotUrls.Collection,
                RequestTarget.Creation(snapshot.VolumeId, snapshot.Force));
            request.Content = ApiSender.Json(ComputeSnapshotBodies.Create(snapshot, volumeId));
            return _compute.ReadAsync(request, call, ComputeSnapshotResults.ReadOne);
        }

        public Task<Snapshot> GetAsync(string id, CallContext call) =>
            _compute.GetAsync(ComputeSnapshotUrls.Item(id), ComputeSnapshotUrls.ItemName, call, ComputeSnapshotResults.ReadOne);

        /// <summary>The project's snapshots, page by page, in the server's order; Nova filters nothing, so the query is applied here.</summary>
        public Pager<Snapshot> List(SnapshotQuery? query = null)
        {
            ProxyLimits.Check(query);
            var all = OffsetWalk<Snapshot>.Pager(ListPageAsync, snapshot => snapshot.Id);
            return query == null ? all : all.Where(query.Matches);
        }

        /// <summary>One page of os-snapshots/detail.</summary>
        public Task<IReadOnlyList<Snapshot>> ListPageAsync(int limit, int offset, CallContext call) =>
            _compute.ReadAsync(_compute.Request(HttpMethod.Get, ComputeSnapshotUrls.List(limit, offset)), call, ComputeSnapshotResults.ReadMany);

        public Task DeleteAsync(string id, CallContext call) =>
            _compute.DeleteAsync(ComputeSnapshotUrls.Item(id), ComputeSnapshotUrls.ItemName, id, call);

        /// <summary>The proxy has no update route: only an empty change (which reads the snapshot) is served.</summary>
        public Task UpdateAsync(string id, SnapshotChange change, CallContext call) =>
            change.IsEmpty ? GetAsync(id, call)
                : Task.FromException(ProxyLimits.Refused("rename a snapshot or change its description or metadata"));
    }
}
