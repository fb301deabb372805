using System;
using System.Collections.Generic;

// The namespace is the type's public name (format views, OutputType, users' scripts), so it stays Models with its resource.
// A class with get-only properties, not a record with init ones: PowerShell ignores init and would let a script change it.
namespace OpenStackSnapshot.Client.Models
{
    /// <summary>
    /// Whether one volume has a recent backup: its newest available snapshot, how old that was when checked, and how many
    /// available snapshots it has. Named so that a piped coverage binds New-OSSnapshot's -VolumeId and nothing else.
    /// </summary>
    public sealed class SnapshotCoverage
    {
        public SnapshotCoverage(string volumeId, string? volumeName, string? projectId, IReadOnlyList<string> serverIds,
            string? newestSnapshotId, DateTime? newestCreatedAt, int snapshotCount, DateTime checkedAt, TimeSpan maxAge)
        {
            VolumeId = volumeId;
            VolumeName = volumeName;
            ProjectId = projectId;
            ServerIds = serverIds;
            NewestSnapshotId = newestSnapshotId;
            NewestCreatedAt = newestCreatedAt;
            SnapshotCount = snapshotCount;
            CheckedAt = checkedAt;
            MaxAge = maxAge;
            Age = newestCreatedAt is DateTime created ? checkedAt - created : (TimeSpan?)null;
            Covered = Age is TimeSpan age && age < maxAge;
        }

        public string VolumeId { get; }
        public string? VolumeName { get; }
        /// <summary>The volume's project, when the cloud said (block storage); null otherwise.</summary>
        public string? ProjectId { get; }
        /// <summary>The servers the volume is attached to; empty when detached.</summary>
        public IReadOnlyList<string> ServerIds { get; }
        /// <summary>The newest available snapshot of a known creation time; null when there is none.</summary>
        public string? NewestSnapshotId { get; }
        /// <summary>When that snapshot was created (UTC).</summary>
        public DateTime? NewestCreatedAt { get; }
        /// <summary>How old that snapshot was at <see cref="CheckedAt"/> (negative if the cloud's clock is ahead); null without one.</summary>
        public TimeSpan? Age { get; }
        /// <summary>How many available snapshots the volume has (those of unknown creation time included).</summary>
        public int SnapshotCount { get; }
        /// <summary>True when the newest available snapshot is younger than <see cref="MaxAge"/>.</summary>
        public bool Covered { get; }
        /// <summary>The age a snapshot had to be under to count.</summary>
        public TimeSpan MaxAge { get; }
        /// <summary>The time (UTC) the ages were measured against, one for the whole check.</summary>
        public DateTime CheckedAt { get; }

        public override string ToString() => VolumeId;
    }
}
