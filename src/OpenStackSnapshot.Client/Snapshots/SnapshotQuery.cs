using System;
using System.Collections.Generic;
using System.Linq;
using OpenStackSnapshot.Client.Models;

namespace OpenStackSnapshot.Client.Snapshots
{
    /// <summary>
    /// Which snapshots a listing returns. Block storage filters on the server; every API also checks each item here,
    /// so a filter a cloud ignored can never widen what a caller (a retention delete) acts on.
    /// </summary>
    public sealed record SnapshotQuery
    {
        /// <summary>
        /// The exact name, whatever its case here (wildcards are the caller's business; on block storage the cloud's database
        /// decides the case of its server filter).
        /// </summary>
        public string? Name { get; init; }
        public string? Status { get; init; }
        public string? VolumeId { get; init; }
        /// <summary>Every pair must be in the snapshot's metadata (block storage only).</summary>
        public IReadOnlyDictionary<string, string>? Metadata { get; init; }
        /// <summary>Every project's snapshots, not only the session's (block storage only; an admin's right).</summary>
        public bool AllProjects { get; init; }

        internal bool HasMetadata => Metadata != null && Metadata.Count > 0;

        /// <summary>Whether a snapshot satisfies every filter set.</summary>
        public bool Matches(Snapshot snapshot) =>
            (Name == null || string.Equals(snapshot.Name, Name, StringComparison.OrdinalIgnoreCase))
            && (Status == null || SnapshotStatus.Is(snapshot.Status, Status))
            && (VolumeId == null || string.Equals(snapshot.VolumeId, VolumeId, StringComparison.OrdinalIgnoreCase))
            && (Metadata == null || MetadataMap.Contains(snapshot.Metadata, Metadata));
    }
}
