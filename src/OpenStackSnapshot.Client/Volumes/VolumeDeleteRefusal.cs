using System;
using System.Linq;
using System.Threading.Tasks;
using OpenStackSnapshot.Client.Errors;
using OpenStackSnapshot.Client.Http;
using OpenStackSnapshot.Client.Models;
using OpenStackSnapshot.Client.Paging;
using OpenStackSnapshot.Client.Snapshots;

namespace OpenStackSnapshot.Client.Volumes
{
    /// <summary>
    /// Wraps either API's volume service (built where the session is made, with the session's snapshots): block storage
    /// refuses to delete a volume that is attached, has snapshots or is busy, but says only all three at once ("must not be
    /// ... attached, ... have snapshots ..."). Once it refused, the volume is read, and its snapshots listed, to say which,
    /// naming the server or the snapshots; one already being deleted counts as done. Everything else passes straight through.
    /// </summary>
    internal sealed class VolumeDeleteRefusal : IVolumeService
    {
        private readonly ISnapshotService _snapshots;

        public VolumeDeleteRefusal(IVolumeService inner, ISnapshotService snapshots)
        {
            Inner = inner;
            _snapshots = snapshots;
        }

        /// <summary>The API's own service.</summary>
        internal IVolumeService Inner { get; }

        public VolumeFeatures Features => Inner.Features;

        public Task<Volume> GetAsync(string id, CallContext call) => Inner.GetAsync(id, call);

        public Pager<Volume> List(VolumeQuery? query = null) => Inner.List(query);

        public Task UpdateAsync(string id, VolumeChange change, CallContext call) => Inner.UpdateAsync(id, change, call);

        public Task<Volume> CreateAsync(NewVolume volume, CallContext call) => Inner.CreateAsync(volume, call);

        public Task RevertAsync(string volumeId, string snapshotId, CallContext call) => Inner.RevertAsync(volumeId, snapshotId, call);

        public Task<string?> FailureReasonAsync(string id, CallContext call) => Inner.FailureReasonAsync(id, call);

        public async Task DeleteAsync(string id, CallContext call)
        {
            try
            {
                await Inner.DeleteAsync(id, call).ConfigureAwait(false);
            }
            catch (OpenStackException refused) when (refused.Kind == OpenStackErrorKind.VolumeBusy && !call.Cancellation.IsCancellationRequested)
            {
                var volume = await ReadAsync(() => Inner.GetAsync(id, call)).ConfigureAwait(false);
                // Already being deleted (by an attempt whose answer was lost, or by an earlier run): what was asked is under way.
                if (volume != null && VolumeStatus.Is(volume.Status, VolumeStatus.Deleting))
                {
                    call.Log?.Verbose($"Volume {id} is already being deleted (status deleting): its deletion is under way.");
                    return;
                }
                if (await SaidAsync(id, volume, call).ConfigureAwait(false) is not { } said) throw;
                throw new OpenStackException(said.Kind, refused.Exchange!.Shown(said.Message), said.Action, refused.Exchange, refused);
            }
        }

        /// <summary>Which of block storage's reasons it was, or null when the volume cannot be read or shows none of them.</summary>
        private async Task<(OpenStackErrorKind Kind, string Message, string Action)?> SaidAsync(string id, Volume? volume, CallContext call)
        {
            if (volume == null) return null;
            if (volume.Attachments.Count > 0)
            {
                var servers = string.Join(", ", volume.Attachments.Select(a => a.Device != null ? $"{a.ServerId} ({a.Device})" : a.ServerId));
                return (OpenStackErrorKind.VolumeAttached,
                    $"Volume {id} cannot be deleted: it is attached to server {servers}, and block storage deletes only detached volumes",
                    "Detach it from the server first (openstack server remove volume <server> <volume>), then delete it.");
            }
            var snapshots = await ReadAsync(() => _snapshots.List(new SnapshotQuery { VolumeId = volume.Id }).ReadAllAsync(call))
                .ConfigureAwait(false);
            if (snapshots != null && snapshots.Count > 0)
            {
                var shown = string.Join(", ", snapshots.Take(5).Select(s => s.Name != null ? $"{s.Id} '{s.Name}'" : s.Id))
                    + (snapshots.Count > 5 ? $" and {snapshots.Count - 5} more" : string.Empty);
                return (OpenStackErrorKind.VolumeHasSnapshots,
                    $"Volume {id} cannot be deleted: it still has {snapshots.Count} snapshot{(snapshots.Count == 1 ? "" : "s")} ({shown}), "
                    + "and block storage deletes a volume only once its snapshots are gone",
                    "Delete its snapshots first, or keep the volume.");
            }
            if (!VolumeStatus.Deletable(volume.Status))
                return (OpenStackErrorKind.VolumeBusy,
                    $"Volume {id} cannot be deleted while it is {volume.Status}: block storage deletes a volume only when it is available "
                    + "or in an error state",
                    VolumeStatus.Is(volume.Status, VolumeStatus.InUse)
                        ? "Detach it from its server first, then delete it."
                        : "Wait until it is available, then delete it.");
            return null; // a group, a transfer or a migration: block storage's own words stand
        }

        /// <summary>A read that explains the refusal; when it fails, the refusal is reported as it came.</summary>
        private static async Task<T?> ReadAsync<T>(Func<Task<T>> read) where T : class
        {
            try
            {
                return await read().ConfigureAwait(false);
            }
            catch (OpenStackException)
            {
                return null;
            }
        }
    }
}
