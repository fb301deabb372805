using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using OpenStackSnapshot.Validation;

namespace OpenStackSnapshot.Pipeline
{
    /// <summary>
    /// Set-OSSnapshot's and Set-OSVolume's change, built one way for both: -Metadata converted once and -RemoveMetadataKey
    /// kept as given, the What if: line that names every change, and each item's update followed (for -PassThru only) by
    /// one read that shows it as the cloud now has it.
    /// </summary>
    internal sealed class MetadataChange
    {
        /// <param name="metadata">-Metadata: pairs merged into the item's metadata.</param>
        /// <param name="removeKeys">-RemoveMetadataKey: keys removed before the pairs are merged.</param>
        /// <param name="otherParts">What else changes, named for the What if: line before the metadata (null: nothing).</param>
        public MetadataChange(IDictionary? metadata, string[]? removeKeys, params string?[] otherParts)
        {
            Metadata = MetadataArgument.From(metadata);
            RemoveKeys = removeKeys;
            var parts = otherParts.Where(part => part != null).Select(part => part!).Concat(MetadataArgument.Describe(Metadata, RemoveKeys)).ToList();
            WhatIf = parts.Count == 0 ? "Set (no change)" : "Set " + string.Join("; ", parts);
        }

        public IReadOnlyDictionary<string, string>? Metadata { get; }

        public IReadOnlyList<string>? RemoveKeys { get; }

        /// <summary>The What if: line, naming every change.</summary>
        public string WhatIf { get; }

        /// <summary>
        /// The change, then (for -PassThru only) one read, which shows the item as the cloud now has it; an empty change
        /// with -PassThru is not sent, since the read checks the id.
        /// </summary>
        public static async Task<T?> ApplyAsync<T>(bool passThru, bool isEmpty, Func<Task> update, Func<Task<T>> read) where T : class
        {
            if (!(passThru && isEmpty)) await update().ConfigureAwait(false);
            return passThru ? await read().ConfigureAwait(false) : null;
        }
    }
}
