using System;
using System.Collections.Generic;
using System.Linq;
using OpenStackSnapshot.Client.Models;

namespace OpenStackSnapshot.Client.Volumes
{
    /// <summary>
    /// Which volumes a listing returns. Block storage filters by metadata on the server; every API also checks each item
    /// here, so a filter a cloud ignored can never widen what a caller acts on. Neither API filters by server.
    /// </summary>
    public sealed record VolumeQuery
    {
        /// <summary>Only the volumes attached to one of these servers (an unknown server matches none).</summary>
        public IReadOnlyList<string>? ServerIds { get; init; }
        /// <summary>Every pair must be in the volume's metadata (keys and values exactly, here).</summary>
        public IReadOnlyDictionary<string, string>? Metadata { get; init; }
        /// <summary>Every project's volumes, not only the session's (block storage only; an admin's right).</summary>
        public bool AllProjects { get; init; }

        internal bool HasMetadata => Metadata != null && Metadata.Count > 0;

        public bool Matches(Volume volume) =>
            (ServerIds == null
                || volume.Attachments.Any(a => ServerIds.Any(s => string.Equals(s.Trim(), a.ServerId, StringComparison.OrdinalIgnoreCase))))
            && (Metadata == null || MetadataMap.Contains(volume.Metadata, Metadata));
    }
}
