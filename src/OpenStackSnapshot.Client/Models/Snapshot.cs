using System;

namespace OpenStackSnapshot.Client.Models
{
    /// <summary>A volume snapshot as Nova's os-snapshots API reports it.</summary>
    public sealed class Snapshot
    {
        public Snapshot(string id, string volumeId, string? name, string? description, string status, int size, DateTime? createdAt)
        {
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

        public override string ToString() => Id;
    }
}
