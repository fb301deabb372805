using System;
using System.Collections.Generic;
using System.Linq;
using System.Collections.ObjectModel;

namespace OpenStackSnapshot.Client
{
    /// <summary>
    /// Metadata as the models hold it: a read-only copy (a caller's dictionary changed later changes nothing),
    /// keys case-sensitive as Cinder's are.
    /// </summary>
    internal static class MetadataMap
    {
        public static readonly IReadOnlyDictionary<string, string> Empty = new ReadOnlyDictionary<string, string>(new Dictionary<string, string>());

        public static IReadOnlyDictionary<string, string> Of(IReadOnlyDictionary<string, string>? pairs)
        {
            if (pairs == null || pairs.Count == 0) return Empty;
            var copy = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var pair in pairs) copy[pair.Key] = pair.Value;
            return new ReadOnlyDictionary<string, string>(copy);
        }

        /// <summary>Whether <paramref name="have"/> holds every pair of <paramref name="wanted"/> (keys and values compared exactly).</summary>
        public static bool Contains(IReadOnlyDictionary<string, string> have, IReadOnlyDictionary<string, string> wanted) =>
            wanted.All(pair => have.TryGetValue(pair.Key, out var value) && value == pair.Value);
    }
}
