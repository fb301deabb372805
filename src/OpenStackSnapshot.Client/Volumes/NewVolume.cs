using System.Collections.Generic;

namespace OpenStackSnapshot.Client.Volumes
{
    /// <summary>What a caller asks for when making a volume from a snapshot; unset fields are not sent.</summary>
    public sealed record NewVolume
    {
        private readonly IReadOnlyDictionary<string, string> _metadata = MetadataMap.Empty;

        public NewVolume(string snapshotId, int? size = null, string? name = null, string? description = null)
        {
            SnapshotId = snapshotId;
            Size = size;
            Name = name;
            Description = description;
        }

        /// <summary>The snapshot the volume is made from.</summary>
        public string SnapshotId { get; init; }
        /// <summary>
        /// Size in GiB: at least the snapshot's; null for the snapshot's own (Nova's proxy needs it given, see VolumeFromSnapshot).
        /// </summary>
        public int? Size { get; init; }
        public string? Name { get; init; }
        public string? Description { get; init; }
        /// <summary>Where to make it; null lets the cloud choose (block storage: the snapshot's volume's zone).</summary>
        public string? AvailabilityZone { get; init; }
        /// <summary>The volume type's name or id (block storage only); null for the cloud's default.</summary>
        public string? VolumeType { get; init; }
        /// <summary>Key/value tags to give the volume (block storage only); a caller's dictionary changed later changes nothing.</summary>
        public IReadOnlyDictionary<string, string> Metadata { get => _metadata; init => _metadata = MetadataMap.Of(value); }
    }
}
