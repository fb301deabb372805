using System.Collections.Generic;
using System.Linq;

namespace OpenStackSnapshot.Client.Snapshots
{
    /// <summary>What an update changes; what is left null (or empty) stays as it is.</summary>
    public sealed record SnapshotChange
    {
        public string? Name { get; init; }
        public string? Description { get; init; }
        /// <summary>Added to the snapshot's metadata, replacing the values of keys it already has.</summary>
        public IReadOnlyDictionary<string, string>? Metadata { get; init; }
        /// <summary>Metadata keys to remove; a key the snapshot does not have is no error.</summary>
        public IReadOnlyList<string>? RemoveMetadataKeys { get; init; }

        internal bool RenamesOrDescribes => Name != null || Description != null;
        /// <summary>Nothing to change: an update only reads the snapshot.</summary>
        public bool IsEmpty => !RenamesOrDescribes && MetadataEdit.IsEmpty;

        /// <summary>The metadata part of the change, as every item's metadata is changed.</summary>
        internal MetadataEdit MetadataEdit => new MetadataEdit(Metadata, RemoveMetadataKeys);
    }
}
