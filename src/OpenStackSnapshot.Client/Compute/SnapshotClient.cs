using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading.Tasks;
using OpenStackSnapshot.Client.Errors;
using OpenStackSnapshot.Client.Http;
using OpenStackSnapshot.Client.Json;
using OpenStackSnapshot.Client.Models;
using OpenStackSnapshot.Client.Validation;

namespace OpenStackSnapshot.Client.Compute
{
    /// <summary>Nova's os-snapshots routes: {compute}/os-snapshots[/detail|/{id}].</summary>
    public sealed class SnapshotClient
    {
        private const string Collection = "os-snapshots";
        private const string ItemName = "Snapshot";
        private readonly ComputeRequests _compute;

        internal SnapshotClient(ComputeRequests compute) => _compute = compute;

        public async Task<Snapshot> CreateAsync(NewSnapshot snapshot, CallContext call)
        {
            var problem = SnapshotInput.VolumeIdProblem(snapshot.VolumeId)
                ?? SnapshotInput.TextProblem(snapshot.Name, "name")
                ?? SnapshotInput.TextProblem(snapshot.Description, "description");
            if (problem != null) throw new OpenStackException(OpenStackErrorKind.InvalidArgument, problem);

            var subject = new ErrorTranslator.Subject { VolumeId = snapshot.VolumeId, Force = snapshot.Force };
            var volumeId = SnapshotInput.CanonicalVolumeId(snapshot.VolumeId);
            using var request = _compute.Request(HttpMethod.Post, "os-snapshots");
            request.Content = ApiSender.Json(SnapshotJson.CreateBody(snapshot, volumeId));
            var sentAt = DateTime.UtcNow;
            try
            {
                return await _compute.ReadAsync(request, subject, call, SnapshotJson.ReadOne).ConfigureAwait(false);
            }
            catch (OpenStackException lost) when (CreateReconciler.FateUnknown(lost) && !call.Cancellation.IsCancellationRequested)
            {
                return await CreateReconciler.FindAsync(this, snapshot, volumeId, sentAt, lost, call).ConfigureAwait(false);
            }
        }

        public Task<Snapshot> GetAsync(string id, CallContext call) =>
            _compute.GetItemAsync(Collection, ItemName, id, call, SnapshotJson.ReadOne);

        /// <summary>Every snapshot of the project, page by page, in the server's order.</summary>
        public Pager<Snapshot> List() => new Pager<Snapshot>(ListPageAsync, snapshot => snapshot.Id);

        /// <summary>One page of os-snapshots/detail; Nova has no marker, so pages go by offset.</summary>
        public Task<IReadOnlyList<Snapshot>> ListPageAsync(int limit, int offset, CallContext call) =>
            _compute.GetPageAsync(Collection, limit, offset, call, SnapshotJson.ReadMany);

        /// <summary>
        /// DELETE answers 202 and deletes asynchronously. It is retried like a read when its answer was lost (502,
        /// 504, a timeout, a reset); a 404 after such a retry means the first attempt did delete it, so it is done.
        /// </summary>
        public async Task DeleteAsync(string id, CallContext call)
        {
            using var request = _compute.Request(HttpMethod.Delete, ComputeRequests.ItemPath(Collection, id, ItemName));
            try
            {
                await _compute.SendAsync(request, new ErrorTranslator.Subject { ItemName = ItemName }, call).ConfigureAwait(false);
            }
            catch (OpenStackException e) when (e.Kind == OpenStackErrorKind.NotFound && RequestTags.RetriesOf(request)?.Total > 0)
            {
                // deleted by an attempt whose answer was lost
            }
        }
    }
}
