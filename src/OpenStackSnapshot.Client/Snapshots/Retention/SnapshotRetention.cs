using System;
using System.Collections.Generic;
using System.Linq;
using OpenStackSnapshot.Client.Models;

namespace OpenStackSnapshot.Client.Snapshots.Retention
{
    /// <summary>
    /// Applies a retention policy to snapshots, decided over the whole input at once, each volume on its own:
    /// <list type="bullet">
    /// <item>only available snapshots are judged by the rules (restic's forget), newest first by creation time;</item>
    /// <item>error snapshots are never kept, so they are removed;</item>
    /// <item>the block-storage service deletes only available and error snapshots, so any other status (creating,
    /// deleting, error_deleting, backing-up, ...) is left alone, as is an available one whose age is unknown.</item>
    /// </list>
    /// </summary>
    public static class SnapshotRetention
    {
        /// <summary>
        /// One decision per volume, in the order the volumes first appear; a snapshot given twice counts once. Buckets are
        /// those of <paramref name="zone"/>; <paramref name="nowUtc"/> (default: the clock) only keeps a snapshot dated in the
        /// future from being taken as the newest.
        /// </summary>
        public static IReadOnlyList<VolumeRetention> Decide(IEnumerable<Snapshot> snapshots, RetentionPolicy policy, TimeZoneInfo zone,
            DateTime? nowUtc = null)
        {
            var problems = policy.Problems();
            if (problems.Count > 0) throw new ArgumentOutOfRangeException(nameof(policy), string.Join(" ", problems));
            var now = nowUtc ?? DateTime.UtcNow;
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            return snapshots
                .Where(s => seen.Add(s.Id))
                .GroupBy(s => s.VolumeId.Trim(), StringComparer.OrdinalIgnoreCase)
                .Select(volume => DecideVolume(volume.Key, volume, policy, zone, now))
                .ToList();
        }

        private static VolumeRetention DecideVolume(string volumeId, IEnumerable<Snapshot> snapshots, RetentionPolicy policy,
            TimeZoneInfo zone, DateTime now)
        {
            var ordered = NewestFirst(snapshots).ToList();
            var judged = ordered.Where(s => Is(s, SnapshotStatus.Available) && s.CreatedAt != null).ToList();
            var reasons = RetentionRules.Apply(judged.Select(s => s.CreatedAt!.Value).ToList(), policy, zone, now);
            var byRules = judged.Select((s, i) => (s, reasons[i])).ToDictionary(p => p.s, p => p.Item2);
            var decisions = ordered.Select(s => byRules.TryGetValue(s, out var why) ? Judged(s, why) : Unjudged(s))
                .Select(d => new RetentionDecision(d.Snapshot, volumeId, d.Action, d.Reasons, zone));
            return new VolumeRetention(volumeId, decisions.ToList());
        }

        private static (Snapshot Snapshot, RetentionAction Action, IReadOnlyList<string> Reasons) Judged(Snapshot s, IReadOnlyList<string> why) =>
            why.Count > 0 ? (s, RetentionAction.Keep, why) : (s, RetentionAction.Remove, new[] { RetentionDecision.NoRule });

        // What the rules do not judge: an error snapshot goes; any other status, or no creation time, stays untouched.
        private static (Snapshot Snapshot, RetentionAction Action, IReadOnlyList<string> Reasons) Unjudged(Snapshot s) =>
            Is(s, SnapshotStatus.Error) ? (s, RetentionAction.Remove, new[] { "status error" })
            : Is(s, SnapshotStatus.Available) ? (s, RetentionAction.Leave, new[] { RetentionDecision.NoTime })
            : (s, RetentionAction.Leave, new[] { $"status {s.Status}" });

        // Ties in creation time are broken by id, so the same input always gives the same decision (restic keeps its input order).
        private static IEnumerable<Snapshot> NewestFirst(IEnumerable<Snapshot> snapshots) =>
            snapshots.OrderByDescending(s => s.CreatedAt is DateTime t ? ZoneClock.AsUtc(t) : DateTime.MinValue)
                .ThenBy(s => s.Id, StringComparer.Ordinal);

        private static bool Is(Snapshot snapshot, string status) => SnapshotStatus.Is(snapshot.Status, status);
    }
}
