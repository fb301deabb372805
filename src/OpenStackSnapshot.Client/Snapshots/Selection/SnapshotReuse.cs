using System;
using System.Collections.Generic;
using System.Linq;
using OpenStackSnapshot.Client.Models;

namespace OpenStackSnapshot.Client.Snapshots.Selection
{
    /// <summary>
    /// A re-run runbook must not snapshot a volume twice: a snapshot of that volume with that name and the run's
    /// metadata, created within the span and not failed or going away, is reused instead. One listing serves a whole pipeline; the snapshots
    /// this run creates are added, so a volume given twice is snapshotted once.
    /// </summary>
    public sealed class SnapshotReuse
    {
        private readonly List<Snapshot> _candidates;
        private readonly DateTime _since;
        private readonly DateTime _now;
        // An untagged snapshot reused by a tagged run would fall outside that run's metadata-scoped retention.
        private readonly SnapshotQuery _tags;

        /// <param name="listed">The project's snapshots, as listed once at the start.</param>
        /// <param name="newerThan">How recent a snapshot must be to be reused.</param>
        /// <param name="nowUtc">The time the span is measured back from.</param>
        /// <param name="metadata">The pairs the run gives each snapshot; a reused one must carry them all.</param>
        public SnapshotReuse(IEnumerable<Snapshot> listed, TimeSpan newerThan, DateTime nowUtc, IReadOnlyDictionary<string, string>? metadata = null)
        {
            _tags = new SnapshotQuery { Metadata = metadata };
            if (newerThan < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(newerThan), "The span cannot be negative.");
            _now = nowUtc;
            _since = nowUtc - newerThan;
            _candidates = listed.Where(s => s.CreatedAt is DateTime created && created >= _since).ToList();
        }

        /// <summary>The newest reusable snapshot of that volume with exactly that name and the run's metadata, or null.</summary>
        public Snapshot? Find(string volumeId, string name)
        {
            var volume = volumeId.Trim();
            return _candidates
                .Where(s => string.Equals(s.VolumeId, volume, StringComparison.OrdinalIgnoreCase) && s.Name == name
                    && _tags.Matches(s) && Reusable(s.Status))
                .OrderByDescending(s => s.CreatedAt)
                .FirstOrDefault();
        }

        /// <summary>A snapshot made during this run is reusable by the rest of it, whatever its reported time.</summary>
        public void Add(Snapshot created) => _candidates.Add(created.CreatedAt == null ? WithTime(created, _now) : created);

        /// <summary>error, error_deleting, deleting and deleted snapshots are no backup to rely on.</summary>
        public static bool Reusable(string? status) =>
            !SnapshotStatus.IsFailure(status)
            && !SnapshotStatus.Is(status, SnapshotStatus.Deleting)
            && !SnapshotStatus.Is(status, SnapshotStatus.Deleted);

        private static Snapshot WithTime(Snapshot s, DateTime createdAt) =>
            new Snapshot(s.Id, s.VolumeId, s.Name, s.Description, s.Status, s.Size, createdAt, s.Metadata, s.ProjectId);
    }
}
