using System;
using System.Collections;
using System.Collections.Generic;
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
    }
}
