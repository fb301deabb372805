using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using OpenStackSnapshot.Client.Errors;
using OpenStackSnapshot.Client.Http;
using OpenStackSnapshot.Client.Services;

namespace OpenStackSnapshot.Commands
{
    /// <summary>The read loops behind Get-OSSnapshot and Get-OSVolume: by id, or every page filtered here.</summary>
    public abstract partial class OSSessionCmdlet
    {
        /// <summary>
        /// Writes each matching item as its page arrives. As Get-Process does, a -Name without wildcards that
        /// matched nothing is an OSNotFound error; a pattern that matched nothing is not.
        /// </summary>
        protected void WriteListing<T>(Pager<T> pager, string[]? names, Func<T, string?> nameOf, Func<T, bool> keep, string noun, Func<T, object>? shown = null)
        {
            var patterns = (names ?? Array.Empty<string>()).Select(n => new WildcardPattern(n, WildcardOptions.IgnoreCase)).ToList();
            var namesWritten = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            try
            {
                IReadOnlyList<T>? page;
                while ((page = Run(pager.NextAsync)) != null)
                {
                    foreach (var item in page)
                    {
                        var name = nameOf(item) ?? string.Empty;
                        if (patterns.Count > 0 && !patterns.Any(p => p.IsMatch(name))) continue;
                        if (!keep(item)) continue;
                        namesWritten.Add(name);
                        WriteObject(shown == null ? item : shown(item));
                    }
                }
            }
            catch (OpenStackException e)
            {
                Report(e, null);
                return;
            }
            foreach (var name in (names ?? Array.Empty<string>()).Where(n => !WildcardPattern.ContainsWildcardCharacters(n) && !namesWritten.Contains(n)))
            {
                Report(new OpenStackException(OpenStackErrorKind.NotFound, $"No {noun} named '{name}' matches the filters in this project.",
                    $"Check the name; without -Name every {noun} of the project is listed."), name);
            }
        }

        /// <summary>Runs each id in turn, writing what it answers (null: nothing); one that fails is reported and the rest still come.</summary>
        protected void WriteEach<T>(IEnumerable<string> ids, Func<string, CallContext, Task<T>> get)
        {
            foreach (var id in ids)
            {
                try
                {
                    var item = Run(call => get(id, call));
                    if (item != null) WriteObject(item);
                }
                catch (OpenStackException e)
                {
                    Report(e, id);
                }
            }
        }

        /// <summary>True when no values were given, or the value is one of them (case-insensitive).</summary>
        protected static bool AnyOf(string[]? wanted, string? value) =>
            wanted == null || wanted.Contains(value ?? string.Empty, StringComparer.OrdinalIgnoreCase);
    }
}
