using System;
using System.Collections.Generic;
using System.Linq;
using OpenStackSnapshot.Client.Models;

namespace OpenStackSnapshot.Client.Snapshots.Selection
{
    /// <summary>
    /// Keep the newest N snapshots of each volume, remove the rest. Decided over the whole input at once:
    /// <list type="bullet">
    /// <item>only available snapshots count as kept, newest first by creation time;</item>
    /// <item>error snapshots never count as kept, so they are removed;</item>
    /// <item>the block-storage service deletes only available and error snapshots, so any other status (creating,
    /// deleting, error_deleting, backing-up, ...) is left alone, as is an available one whose age is unknown.</item>
    /// </list>
    /// </summary>
    public static class SnapshotRetention
    {
        /// <summary>One decision per volume, in the order the volumes first appear; a snapshot given twice counts once.</summary>
        public static IReadOnlyList<VolumeRetention> Decide(IEnumerable<Snapshot> snapshots, int keepNewest)
        {
            if (keepNewest < 0) throw new ArgumentOutOfRangeException(nameof(keepNewest), "The number to keep cannot be negative.");
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            return snapshots
                .Where(s => seen.Add(s.Id))
                .GroupBy(s => s.VolumeId.Trim(), StringComparer.OrdinalIgnoreCase)
                .Select(volume => DecideVolume(volume.Key, volume, keepNewest))
                .ToList();
        }

        private static VolumeRetention DecideVolume(string volumeId, IEnumerable<Snapshot> snapshots, int keepNewest)
        {
            var kept = new List<Snapshot>();
            var removed = new List<Snapshot>();
            var left = new List<Snapshot>();
            foreach (var snapshot in NewestFirst(snapshots))
            {
                if (Is(snapshot, SnapshotStatus.Error)) removed.Add(snapshot);
                else if (!Is(snapshot, SnapshotStatus.Available) || snapshot.CreatedAt == null) left.Add(snapshot);
                else if (kept.Count < keepNewest) kept.Add(snapshot);
                else removed.Add(snapshot);
            }
            return new VolumeRetention(volumeId, kept, removed, left);
        }

        // Ties in creation time are broken by id, so the same input always gives the same decision.
        private static IEnumerable<Snapshot> NewestFirst(IEnumerable<Snapshot> snapshots) =>
            snapshots.OrderByDescending(s => s.CreatedAt ?? DateTime.MinValue).ThenBy(s => s.Id, StringComparer.Ordinal);

        private static bool Is(Snapshot snapshot, string status) => string.Equals(snapshot.Status, status, StringComparison.OrdinalIgnoreCase);
    }
}
