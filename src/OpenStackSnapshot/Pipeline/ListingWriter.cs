using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using OpenStackSnapshot.Client.Errors;
using OpenStackSnapshot.Client.Paging;
using OpenStackSnapshot.Commands;

namespace OpenStackSnapshot.Pipeline
{
    /// <summary>
    /// Writes what a -Name (wildcards allowed) selects of a listing and, as Get-Process does, tells which name without
    /// wildcards matched nothing; a pattern that matched nothing is no error. Get-OSSnapshot, Get-OSVolume, Get-OSSession, Set-OSVolume.
    /// </summary>
    internal sealed class ListingWriter
    {
        private readonly OSCmdlet _cmdlet;
        private readonly string[] _names;
        private readonly List<WildcardPattern> _patterns;
        private readonly HashSet<string> _written = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        public ListingWriter(OSCmdlet cmdlet, string[]? names)
        {
            _cmdlet = cmdlet;
            _names = names ?? Array.Empty<string>();
            _patterns = _names.Select(n => new WildcardPattern(n, WildcardOptions.IgnoreCase)).ToList();
        }

        /// <summary>Writes the item (as shown makes it, when given) if no names were given or its name matches one.</summary>
        public void Write<T>(T item, string? name, Func<T, object>? shown = null)
        {
            if (Selects(name)) _cmdlet.WriteObject(shown == null ? item : shown(item));
        }

        /// <summary>Whether an item of that name is wanted (no names given, or it matches one); a wanted name counts as matched.</summary>
        private bool Selects(string? name)
        {
            name ??= string.Empty;
            if (_patterns.Count > 0 && !_patterns.Any(p => p.IsMatch(name))) return false;
            _written.Add(name);
            return true;
        }

        /// <summary>The names without wildcards that no item written had.</summary>
        public IEnumerable<string> Unmatched() =>
            _names.Where(n => !WildcardPattern.ContainsWildcardCharacters(n) && !_written.Contains(n));

        /// <summary>Writes each item keep accepts as its page arrives, then reports each name that matched nothing as OSNotFound.</summary>
        public void WritePages<T>(Pager<T> pager, Func<T, string?> nameOf, Func<T, bool> keep, string noun, Func<T, object>? shown = null) =>
            EachSelected(pager, nameOf, keep, noun, item => _cmdlet.WriteObject(shown == null ? item : shown(item)));

        /// <summary>
        /// Hands on each item keep accepts and a name selects as its page arrives, then reports each name that matched
        /// nothing as OSNotFound; false when the listing failed (reported, and no name then counts as unmatched).
        /// </summary>
        public bool EachSelected<T>(Pager<T> pager, Func<T, string?> nameOf, Func<T, bool> keep, string noun, Action<T> selected)
        {
            try
            {
                IReadOnlyList<T>? page;
                while ((page = _cmdlet.Run(pager.NextAsync)) != null)
                {
                    foreach (var item in page.Where(i => keep(i) && Selects(nameOf(i)))) selected(item);
                }
            }
            catch (OpenStackException e)
            {
                _cmdlet.Report(e, null);
                return false;
            }
            ReportUnmatched(noun);
            return true;
        }

        /// <summary>Reports each name without wildcards that no item had as OSNotFound (per item, the name as its target).</summary>
        private void ReportUnmatched(string noun)
        {
            foreach (var name in Unmatched())
            {
                _cmdlet.Report(new OpenStackException(OpenStackErrorKind.NotFound, $"No {noun} named '{name}' matches the filters in this project.",
                    $"Check the name; without -Name every {noun} of the project is listed."), name);
            }
        }

        /// <summary>True when no values were given, or the value is one of them (case-insensitive).</summary>
        public static bool AnyOf(string[]? wanted, string? value) =>
            wanted == null || wanted.Contains(value ?? string.Empty, StringComparer.OrdinalIgnoreCase);
    }
}
