using System;
using System.Threading.Tasks;
using OpenStackSnapshot.Client.Errors;
using OpenStackSnapshot.Client.Http;
using OpenStackSnapshot.Client.Models;
using OpenStackSnapshot.Client.Paging;

namespace OpenStackSnapshot.Client.Snapshots
{
    /// <summary>
    /// Wraps either API's snapshot service (built where the session is made): a delete block storage refused for the
    /// snapshot's state is said with that state, read once and only then: neither Cinder's 400 nor Nova's wrapped 500
    /// names it, and "still creating: wait, then remove" is what sends the user on. Everything else passes straight through.
    /// </summary>
    internal sealed class DeleteRefusal : ISnapshotService
    {
        private readonly ISnapshotService _inner;

        public DeleteRefusal(ISnapshotService inner) => _inner = inner;

        /// <summary>The API's own service, under this one (for tests of what only it has).</summary>
        internal ISnapshotService Inner => _inner;

        public SnapshotFeatures Features => _inner.Features;

        public Task<Snapshot> CreateAsync(NewSnapshot snapshot, CallContext call) => _inner.CreateAsync(snapshot, call);

        public Task<Snapshot> GetAsync(string id, CallContext call) => _inner.GetAsync(id, call);

        public Pager<Snapshot> List(SnapshotQuery? query = null) => _inner.List(query);

        public Task UpdateAsync(string id, SnapshotChange change, CallContext call) => _inner.UpdateAsync(id, change, call);

        /// <summary>Deletes: a refusal for the snapshot's state is explained, or done if this request caused it.</summary>
        public async Task DeleteAsync(string id, CallContext call)
        {
            try
            {
                await _inner.DeleteAsync(id, call).ConfigureAwait(false);
            }
            catch (OpenStackException refused) when (refused.Kind == OpenStackErrorKind.SnapshotNotAvailable
                && !call.Cancellation.IsCancellationRequested)
            {
                var status = await StatusAsync(_inner, id, call).ConfigureAwait(false);
                // An attempt whose answer was lost started the deletion, and the retry met it (as a 404 after a retry is done).
                if (SnapshotStatus.Is(status, SnapshotStatus.Deleting) && refused.Retries > 0) return;
                if (Said(id, status) is not { } said) throw;
                throw refused.WithMessage(refused.Exchange!.Shown(said.Message), said.Action);
            }
        }

        /// <summary>The snapshot's status now, or null when it cannot be read (the refusal is then reported as it came).</summary>
        private static async Task<string?> StatusAsync(ISnapshotService snapshots, string id, CallContext call)
        {
            try
            {
                return (await snapshots.GetAsync(id, call).ConfigureAwait(false)).Status;
            }
            catch (OpenStackException) when (!call.Cancellation.IsCancellationRequested)
            {
                return null;
            }
        }

        /// <summary>Why a snapshot in this status cannot be deleted, and what to do; null when available or error (a group's refusal).</summary>
        private static (string Message, string Action)? Said(string id, string? status) =>
            status == null || SnapshotStatus.Deletable(status) ? null
            : SnapshotStatus.Is(status, SnapshotStatus.Deleting)
                ? ($"Snapshot {id} is already being deleted (status deleting).", "Wait until it is gone.")
            : SnapshotStatus.Is(status, SnapshotStatus.ErrorDeleting) ? (
                $"Snapshot {id} cannot be deleted: its status is error_deleting (an earlier deletion failed), "
                + "and block storage deletes only available or error snapshots.",
                $"Ask the cloud's operator to reset its status to error (openstack volume snapshot set --state error {id}), then delete it again.")
            : ($"Snapshot {id} is still {status}: block storage deletes a snapshot only once it is available (or error).",
                "Wait until it is available, then delete it.");
    }
}
