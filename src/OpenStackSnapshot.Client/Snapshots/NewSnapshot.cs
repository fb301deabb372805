using System.Collections.Generic;

namespace OpenStackSnapshot.Client.Snapshots
{
    /// <summary>What a caller asks for when creating a snapshot; unset fields are not sent.</summary>
    public sealed record NewSnapshot
    {
        private readonly IReadOnlyDictionary<string, string> _metadata = MetadataMap.Empty;

        public NewSnapshot(string volumeId, string? name = null, string? description = null, bool force = false,
            IReadOnlyDictionary<string, string>? metadata = null)
        {
            Metadata = metadata!;
            VolumeId = volumeId;
            Name = name;
            Description = description;
            Force = force;
        }

        public string VolumeId { get; init; }
        public string? Name { get; init; }
        public string? Description { get; init; }
        /// <summary>"force": snapshot a volume that is attached (both APIs pass it to block storage).</summary>
        public bool Force { get; init; }
        /// <summary>Key/value tags to give the snapshot (block storage only); a caller's dictionary changed later changes nothing.</summary>
        public IReadOnlyDictionary<string, string> Metadata { get => _metadata; init => _metadata = MetadataMap.Of(value); }
    }
}
