using System;
using System.Collections.Generic;
using System.Linq;

namespace OpenStackSnapshot.Client
{
    /// <summary>
    /// Pairs to merge into an item's metadata and keys to remove from it: the one rule by which Set-OSSnapshot and
    /// Set-OSVolume change metadata, whatever the item. The keys go first, then the pairs are merged, so a key both
    /// removed and given ends with the given value; a key the item lacks is no error.
    /// </summary>
    internal sealed class MetadataEdit
    {
        public MetadataEdit(IReadOnlyDictionary<string, string>? set, IEnumerable<string>? remove)
        {
            Set = set ?? MetadataMap.Empty;
            Remove = remove?.ToList() ?? new List<string>();
        }

        public IReadOnlyDictionary<string, string> Set { get; }
        public IReadOnlyList<string> Remove { get; }

        public bool Sets => Set.Count > 0;
        public bool Removes => Remove.Count > 0;
        public bool IsEmpty => !Sets && !Removes;

        /// <summary>What the metadata is after the edit: <paramref name="current"/> without the removed keys, the pairs merged in.</summary>
        public Dictionary<string, string> After(IReadOnlyDictionary<string, string> current)
        {
            var result = current.Where(p => !Remove.Contains(p.Key, StringComparer.Ordinal))
                .ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
            foreach (var pair in Set) result[pair.Key] = pair.Value;
            return result;
        }

        /// <summary>The same keys with the same values (keys compared exactly, as Cinder's metadata routes look them up).</summary>
        public static bool Same(IReadOnlyDictionary<string, string> a, IReadOnlyDictionary<string, string> b) =>
            a.Count == b.Count && MetadataMap.Contains(b, a);
    }
}
