using System;
using System.Threading.Tasks;
using OpenStackSnapshot.Client.Errors;
using OpenStackSnapshot.Client.Http;
using OpenStackSnapshot.Client.Models;

namespace OpenStackSnapshot.Client.Snapshots
{
    /// <summary>
    /// A delete block storage refused for the snapshot's state is said with that state, read once and only then: neither
    /// Cinder's 400 nor Nova's wrapped 500 names it, and "still creating: wait, then remove" is what sends the user on.
    /// </summary>
    internal static class DeleteRefusal
    {
        /// <summary>Runs <paramref name="delete"/>: a refusal for the snapshot's state is explained, or done if this request caused it.</summary>
        public static async Task DeleteAsync(ISnapshotService snapshots, string id, Func<Task> delete, CallContext call)
        {
            try
            {
                await delete().ConfigureAwait(false);
            }
            catch (OpenStackException refused) when (refused.Kind == OpenStackErrorKind.SnapshotNotAvailable
                && !call.Cancellation.IsCancellationRequested)
            {
                var status = await StatusAsync(snapshots, id, call).ConfigureAwait(false);
                // An attempt whose answer was lost started the deletion, and the retry met it (as a 404 after a retry is done).
                if (status == SnapshotStatus.Deleting && refused.Retries > 0) return;
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
        private static (string Message, string Action)? Said(string id, string? status) => status switch
        {
            null or SnapshotStatus.Available or SnapshotStatus.Error => null,
            SnapshotStatus.Deleting => ($"Snapshot {id} is already being deleted (status deleting).", "Wait until it is gone."),
            SnapshotStatus.ErrorDeleting => (
                $"Snapshot {id} cannot be deleted: its status is error_deleting (an earlier deletion failed), "
                + "and block storage deletes only available or error snapshots.",
                $"Ask the cloud's operator to reset its status to error (openstack snapshot set --state error {id}), then delete it again."),
            _ => ($"Snapshot {id} is still {status}: block storage deletes a snapshot only once it is available (or error).",
                "Wait until it is available, then delete it."),
        };
    }
}
