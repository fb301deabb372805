using System;
using System.Collections.Generic;
using OpenStackSnapshot.Client.Models;

namespace OpenStackSnapshot.Client.Snapshots.Coverage
{
    /// <summary>
    /// Coverage of many volumes from one listing of snapshots: each snapshot is looked at once, so 10,000 volumes cost one
    /// pass over the listing, not one listing (or one pass) per volume. Only available snapshots count: a creating or
    /// failed one is no backup. Of two available snapshots created at the same time, the one with the smaller id is the
    /// newest, so the same input always gives the same answer (retention orders them alike); one of unknown creation time
    /// counts in SnapshotCount but can be no volume's newest, since its age is unknown.
    /// </summary>
    public static class CoverageCheck
    {
        /// <summary>One coverage per volume, in the volumes' order (a volume given twice once); a snapshot listed twice counts once.</summary>
        /// <param name="volumes">The volumes to judge.</param>
        /// <param name="snapshots">The snapshots of those volumes' projects, of any status and any volume.</param>
        /// <param name="nowUtc">The time ages are measured against.</param>
        /// <param name="maxAge">How young the newest available snapshot must be; more than zero.</param>
        public static IReadOnlyList<SnapshotCoverage> Check(IEnumerable<Volume> volumes, IEnumerable<Snapshot> snapshots, DateTime nowUtc,
            TimeSpan maxAge)
        {
            if (maxAge <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(maxAge), "The maximum age must be more than zero.");
            var wanted = new List<Volume>();
            var found = new Dictionary<string, Newest>(StringComparer.OrdinalIgnoreCase);
            foreach (var volume in volumes)
            {
                var id = volume.Id.Trim();
                if (found.ContainsKey(id)) continue;
                found.Add(id, new Newest());
                wanted.Add(volume);
            }

            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var snapshot in snapshots)
            {
                if (!SnapshotStatus.Is(snapshot.Status, SnapshotStatus.Available)) continue;
                if (!found.TryGetValue(snapshot.VolumeId.Trim(), out var newest) || !seen.Add(snapshot.Id)) continue;
                newest.Consider(snapshot);
            }

            var result = new List<SnapshotCoverage>(wanted.Count);
            foreach (var volume in wanted)
            {
                var newest = found[volume.Id.Trim()];
                var servers = new List<string>();
                foreach (var attachment in volume.Attachments)
                {
                    if (attachment.ServerId != null && !servers.Contains(attachment.ServerId)) servers.Add(attachment.ServerId);
                }
                result.Add(new SnapshotCoverage(volume.Id, volume.Name, volume.ProjectId, servers, newest.Snapshot?.Id,
                    newest.Snapshot?.CreatedAt, newest.Count, nowUtc, maxAge));
            }
            return result;
        }

        /// <summary>A volume's newest available snapshot so far, and how many it has.</summary>
        private sealed class Newest
        {
            public Snapshot? Snapshot { get; private set; }
            public int Count { get; private set; }

            public void Consider(Snapshot candidate)
            {
                Count++;
                if (!(candidate.CreatedAt is DateTime created)) return;
                if (Snapshot == null || created > Snapshot.CreatedAt!.Value
                    || (created == Snapshot.CreatedAt.Value && string.CompareOrdinal(candidate.Id, Snapshot.Id) < 0))
                    Snapshot = candidate;
            }
        }
    }
}
