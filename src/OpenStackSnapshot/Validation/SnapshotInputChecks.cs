using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Text.RegularExpressions;
using OpenStackSnapshot.Client.Errors;
using OpenStackSnapshot.Client.Snapshots;

namespace OpenStackSnapshot.Validation
{
    /// <summary>
    /// Refuses a volume id that is not a UUID before anything is sent (Nova would answer an opaque 500, a listing filtered
    /// by it could only be empty); a value that is plainly a volume's name is shown the command line that uses the name.
    /// </summary>
    public sealed class ValidateVolumeIdAttribute : ValidateEnumeratedArgumentsAttribute
    {
        private static readonly Regex Bare = new Regex(@"^[A-Za-z0-9_][A-Za-z0-9_.-]*$");

        /// <param name="byName">A sentence with the command line that takes the volume by name; {0} stands for the name.</param>
        public ValidateVolumeIdAttribute(string byName) => ByName = byName;

        public string ByName { get; }

        protected override void ValidateElement(object element)
        {
            var value = element as string ?? element?.ToString();
            var problem = SnapshotInput.VolumeIdProblem(value);
            if (problem == null) return;
            throw new ValidationMetadataException(IsName(value) ? Sentences.Join(problem, string.Format(ByName, NameArgument(value!))) : problem);
        }

        /// <summary>A character no id has (ids are hex digits and dashes, maybe braced): a slip of a UUID gets no name advice.</summary>
        private static bool IsName(string? value) =>
            !string.IsNullOrWhiteSpace(value) && value!.Any(c => !Uri.IsHexDigit(c) && c != '-' && c != '{' && c != '}');

        /// <summary>The name as -Name takes it literally: wildcards escaped, quoted unless a bare word.</summary>
        internal static string NameArgument(string name)
        {
            var literal = WildcardPattern.ContainsWildcardCharacters(name) ? WildcardPattern.Escape(name) : name;
            return Bare.IsMatch(literal) ? literal : "'" + literal.Replace("'", "''") + "'";
        }
    }

    /// <summary>A snapshot name or description: at most 255 characters, no control characters.</summary>
    public sealed class ValidateSnapshotTextAttribute : ValidateArgumentsAttribute
    {
        protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
        {
            var problem = SnapshotInput.TextProblem(arguments as string ?? arguments?.ToString(), "value");
            if (problem != null) throw new ValidationMetadataException(problem);
        }
    }

    /// <summary>Snapshot metadata as block storage accepts it (key pattern and lengths), checked when the parameter binds.</summary>
    public sealed class ValidateMetadataAttribute : ValidateArgumentsAttribute
    {
        protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
        {
            var problem = SnapshotInput.MetadataProblem(MetadataArgument.From(arguments as IDictionary));
            if (problem != null) throw new ValidationMetadataException(problem);
        }
    }

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
