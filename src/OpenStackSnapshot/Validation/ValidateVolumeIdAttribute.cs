using System;
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
}
