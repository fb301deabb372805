using System.Collections.Generic;

namespace OpenStackSnapshot.Client.Volumes
{
    /// <summary>What an update changes on a volume: its metadata (merged; keys removed). What is left null stays as it is.</summary>
    public sealed record VolumeChange
    {
        /// <summary>Added to the volume's metadata, replacing the values of keys it already has.</summary>
        public IReadOnlyDictionary<string, string>? Metadata { get; init; }
        /// <summary>Metadata keys to remove (before the pairs are merged); a key the volume does not have is no error.</summary>
        public IReadOnlyList<string>? RemoveMetadataKeys { get; init; }

        /// <summary>Nothing to change: an update only reads the volume.</summary>
        public bool IsEmpty => MetadataEdit.IsEmpty;

        internal MetadataEdit MetadataEdit => new MetadataEdit(Metadata, RemoveMetadataKeys);
    }
}
