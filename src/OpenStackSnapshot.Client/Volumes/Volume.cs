using System;
using System.Collections.Generic;

// The namespace is the type's public name (format views, OutputType, users' scripts), so it stays Models with its resource.
// A class with get-only properties, not a record with init ones: PowerShell ignores init and would let a script change it.
namespace OpenStackSnapshot.Client.Models
{
    /// <summary>A block-storage volume, as Nova's os-volumes proxy or Cinder's block-storage API reports it.</summary>
    public sealed class Volume
    {
        public Volume(string id, string? name, string? description, string status, int size, string? availabilityZone,
            string? volumeType, DateTime? createdAt, string? snapshotId, IReadOnlyList<VolumeAttachment> attachments,
            IReadOnlyDictionary<string, string>? metadata = null, string? projectId = null)
        {
            Metadata = MetadataMap.Of(metadata);
            ProjectId = projectId;
            Id = id;
            Name = name;
            Description = description;
            Status = status;
            Size = size;
            AvailabilityZone = availabilityZone;
            VolumeType = volumeType;
            CreatedAt = createdAt;
            SnapshotId = snapshotId;
            Attachments = attachments;
        }

        public string Id { get; }
        public string? Name { get; }
        public string? Description { get; }
        /// <summary>available, in-use, creating, error, ...</summary>
        public string Status { get; }
        /// <summary>Size in GiB.</summary>
        public int Size { get; }
        public string? AvailabilityZone { get; }
        public string? VolumeType { get; }
        public DateTime? CreatedAt { get; }
        /// <summary>The snapshot the volume was made from, if any.</summary>
        public string? SnapshotId { get; }
        /// <summary>Where the volume is attached; empty when detached (Nova's [{}] included).</summary>
        public IReadOnlyList<VolumeAttachment> Attachments { get; }
        /// <summary>Key/value tags, as the API in use reports them.</summary>
        public IReadOnlyDictionary<string, string> Metadata { get; }
        /// <summary>The owning project, when the cloud says; null otherwise.</summary>
        public string? ProjectId { get; }

        public override string ToString() => Id;
    }
}
