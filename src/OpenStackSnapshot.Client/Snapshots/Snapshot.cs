using System;
using System.Collections.Generic;

// The namespace is the type's public name (format views, OutputType, users' scripts), so it stays Models with its resource.
// A class with get-only properties, not a record with init ones: PowerShell ignores init and would let a script change it.
namespace OpenStackSnapshot.Client.Models
{
    /// <summary>A volume snapshot, the same whichever API reported it.</summary>
    public sealed class Snapshot
    {
        public Snapshot(string id, string volumeId, string? name, string? description, string status, int size, DateTime? createdAt,
            IReadOnlyDictionary<string, string>? metadata = null, string? projectId = null)
        {
            Metadata = MetadataMap.Of(metadata);
            ProjectId = projectId;
            Id = id;
            VolumeId = volumeId;
            Name = name;
            Description = description;
            Status = status;
            Size = size;
            CreatedAt = createdAt;
        }

        public string Id { get; }
        public string VolumeId { get; }
        public string? Name { get; }
        public string? Description { get; }
        /// <summary>creating, available, deleting, error, error_deleting, ...</summary>
        public string Status { get; }
        /// <summary>Size in GiB.</summary>
        public int Size { get; }
        /// <summary>Creation time in UTC (Nova passes it through without a zone; it is UTC).</summary>
        public DateTime? CreatedAt { get; }
        /// <summary>Key/value tags (block storage); always empty through the Compute API, which does not carry them.</summary>
        public IReadOnlyDictionary<string, string> Metadata { get; }
        /// <summary>The owning project, when the cloud says (block storage, to its owner or an admin); null otherwise.</summary>
        public string? ProjectId { get; }

        public override string ToString() => Id;
    }
}
