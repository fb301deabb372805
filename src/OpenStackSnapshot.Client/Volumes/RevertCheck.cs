using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using OpenStackSnapshot.Client.Errors;
using OpenStackSnapshot.Client.Http;
using OpenStackSnapshot.Client.Models;
using OpenStackSnapshot.Client.Snapshots;

namespace OpenStackSnapshot.Client.Volumes
{
    /// <summary>
    /// Block storage's rules for reverting a volume in place to a snapshot, checked before anything is sent, in the order
    /// Cinder checks them: only to the volume's newest snapshot, whatever that one's status (Cinder takes the newest by
    /// creation time and compares ids); only to a snapshot of the volume's size; only while the volume is available
    /// (so detached); only to an available snapshot. Cinder refuses each anyway, but a 400 or 409 that says less, and a
    /// snapshot refused after the volume was locked leaves the volume 'reverting' on Cinder 21 (its API sets the volume
    /// first): checked here, nothing is sent and nothing is left behind.
    /// </summary>
    public static class RevertCheck
    {
        /// <summary>
        /// Reads the snapshot's volume and the volume's snapshots (two reads, or three with the snapshot's own when only its id
        /// is known) and returns the volume when the revert may be sent; otherwise the refusal, naming what to do.
        /// </summary>
        public static async Task<Volume> CheckAsync(ISnapshotService snapshots, IVolumeService volumes, string snapshotId, Snapshot? known,
            CallContext call)
        {
            if (!volumes.Features.Revert) throw volumes.Features.Refusal("revert a volume to a snapshot");
            var snapshot = known ?? await snapshots.GetAsync(snapshotId, call).ConfigureAwait(false);
            var volume = await volumes.GetAsync(snapshot.VolumeId, call).ConfigureAwait(false);
            var ofVolume = await snapshots.List(new SnapshotQuery { VolumeId = snapshot.VolumeId }).ReadAllAsync(call).ConfigureAwait(false);
            if (Problem(snapshot, volume, ofVolume) is { } refused) throw refused;
            return volume;
        }

        /// <summary>Why block storage would refuse to revert <paramref name="volume"/> to <paramref name="snapshot"/>, or null.</summary>
        /// <param name="ofVolume">The volume's snapshots as listed now (the snapshot's own status is taken from here).</param>
        internal static OpenStackException? Problem(Snapshot snapshot, Volume volume, IReadOnlyList<Snapshot> ofVolume)
        {
            var current = ofVolume.FirstOrDefault(s => string.Equals(s.Id, snapshot.Id, StringComparison.OrdinalIgnoreCase));
            if (current == null)
                return new OpenStackException(OpenStackErrorKind.NotFound,
                    $"Snapshot {snapshot.Id} is no longer among the snapshots of volume {volume.Id}: it was deleted. Nothing was sent.",
                    "List the volume's snapshots and choose another.");
            var newest = Newest(ofVolume);
            if (newest != null && newest.CreatedAt > current.CreatedAt)
                return Refused($"Snapshot {Named(current)} is not the newest snapshot of volume {volume.Id}: block storage reverts a volume only "
                    + $"to its newest snapshot, which is {Named(newest)} ({newest.Status}, made {newest.CreatedAt:u}). Nothing was sent.",
                    $"Make a new volume from snapshot {current.Id} instead, which leaves this volume as it is; or revert to {newest.Id}.");
            if (volume.Size != current.Size)
                return Refused($"Volume {volume.Id} is {volume.Size} GiB and snapshot {Named(current)} {current.Size} GiB: block storage "
                    + "reverts a volume only to a snapshot of its own size (the volume was extended since). Nothing was sent.",
                    $"Make a new volume from snapshot {current.Id} instead.");
            if (volume.Attachments.Count > 0)
                return new OpenStackException(OpenStackErrorKind.VolumeAttached,
                    $"Volume {volume.Id} is attached to server {string.Join(", ", volume.Attachments.Select(a => a.ServerId))}: block storage "
                    + "reverts only a detached volume. Nothing was sent.",
                    "Detach it from the server first (openstack server remove volume <server> <volume>), then revert it; "
                    + "or make a new volume from the snapshot and attach that one.");
            if (!VolumeStatus.Is(volume.Status, VolumeStatus.Available))
                return Refused($"Volume {volume.Id} is {volume.Status}: block storage reverts a volume only while it is available. Nothing was sent.",
                    "Wait until the volume is available, then revert it.");
            if (!SnapshotStatus.Is(current.Status, SnapshotStatus.Available))
                return Refused(
                    $"Snapshot {Named(current)} is {current.Status}: block storage reverts only to an available snapshot. Nothing was sent.",
                    SnapshotStatus.IsFailure(current.Status)
                        ? "A failed snapshot cannot be reverted to."
                        : "Wait until the snapshot is available, then revert.");
            return null;
        }

        /// <summary>The newest by creation time, as block storage picks it; one made in the same second as another is a tie it breaks.</summary>
        private static Snapshot? Newest(IEnumerable<Snapshot> snapshots) =>
            snapshots.Where(s => s.CreatedAt != null).OrderByDescending(s => s.CreatedAt).FirstOrDefault();

        private static string Named(Snapshot snapshot) => snapshot.Name != null ? $"{snapshot.Id} '{snapshot.Name}'" : snapshot.Id;

        private static OpenStackException Refused(string message, string action) =>
            new OpenStackException(OpenStackErrorKind.RevertRefused, message, action);
    }
}
