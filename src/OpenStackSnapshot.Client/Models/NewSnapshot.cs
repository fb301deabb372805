using System.Collections.Generic;

namespace OpenStackSnapshot.Client.Models
{
    /// <summary>What a caller asks for when creating a snapshot; unset fields are not sent.</summary>
    public sealed class NewSnapshot
    {
        public NewSnapshot(string volumeId, string? name = null, string? description = null, bool force = false,
            IReadOnlyDictionary<string, string>? metadata = null)
        {
            Metadata = MetadataMap.Of(metadata);
            VolumeId = volumeId;
            Name = name;
            Description = description;
            Force = force;
        }

        public string VolumeId { get; }
        public string? Name { get; }
        public string? Description { get; }
        /// <summary>"force": snapshot a volume that is attached (both APIs pass it to block storage).</summary>
        public bool Force { get; }
        /// <summary>Key/value tags to give the snapshot (block storage only).</summary>
        public IReadOnlyDictionary<string, string> Metadata { get; }
    }
}
