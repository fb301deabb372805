using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace OpenStackSnapshot.Validation
{
    /// <summary>A -Metadata hashtable as the client takes it: keys and values as text, as PowerShell converts them.</summary>
    internal static class MetadataArgument
    {
        public static IReadOnlyDictionary<string, string>? From(IDictionary? table)
        {
            if (table == null) return null;
            var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (DictionaryEntry pair in table)
            {
                // A $null value stays null, so the client's check names the key that has no value.
                metadata[LanguagePrimitives.ConvertTo<string>(pair.Key)] =
                    pair.Value == null ? null! : LanguagePrimitives.ConvertTo<string>(pair.Value);
            }
            return metadata;
        }

        /// <summary>
        /// How a What if: line names a metadata change (Set-OSSnapshot, Set-OSVolume): "metadata k=v, k2=v2" and "remove
        /// metadata keys a, b", each only when given.
        /// </summary>
        public static IEnumerable<string> Describe(IReadOnlyDictionary<string, string>? set, IEnumerable<string>? remove)
        {
            if (set?.Count > 0) yield return "metadata " + string.Join(", ", set.Select(p => $"{p.Key}={p.Value}"));
            if (remove != null) yield return "remove metadata keys " + string.Join(", ", remove);
        }
    }
}
