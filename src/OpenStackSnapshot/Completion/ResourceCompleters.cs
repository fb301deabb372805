using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using OpenStackSnapshot.Client;
using OpenStackSnapshot.Sessions;

namespace OpenStackSnapshot.Completion
{
    /// <summary>-Id of the snapshot cmdlets: ids of the session's snapshots, from what their id or name starts with.</summary>
    public sealed class SnapshotIdCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters) =>
            ResourceCompletion.Ids(fakeBoundParameters, wordToComplete, ListingCache.Snapshots, s => s.Id, s => s.Name,
                s => string.Format(CultureInfo.InvariantCulture, "{0}: {1}, {2} GB, volume {3}", s.Name, s.Status, s.Size, s.VolumeId));
    }

    /// <summary>-Name of Get-OSSnapshot: the names of the session's snapshots.</summary>
    public sealed class SnapshotNameCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters) =>
            ResourceCompletion.Names(fakeBoundParameters, wordToComplete, ListingCache.Snapshots, s => s.Name);
    }

    /// <summary>-VolumeId: ids of the session's volumes, from what their id or name starts with.</summary>
    public sealed class VolumeIdCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters) =>
            ResourceCompletion.Ids(fakeBoundParameters, wordToComplete, ListingCache.Volumes, v => v.Id, v => v.Name,
                v => string.Format(CultureInfo.InvariantCulture, "{0}: {1}, {2} GB", v.Name, v.Status, v.Size));
    }

    /// <summary>-Name of Get-OSVolume: the names of the session's volumes.</summary>
    public sealed class VolumeNameCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters) =>
            ResourceCompletion.Names(fakeBoundParameters, wordToComplete, ListingCache.Volumes, v => v.Name);
    }

    /// <summary>
    /// Completion from the session the command line would use (its -Session, else the default). An id completes from
    /// its name too, so "-VolumeId data&lt;Tab&gt;" offers the ids of the volumes named data*, each listed with its name.
    /// </summary>
    internal static class ResourceCompletion
    {
        public static IEnumerable<CompletionResult> Ids<T>(IDictionary bound, string word, Func<OpenStackSession, IReadOnlyList<T>> list,
            Func<T, string> id, Func<T, string?> name, Func<T, string> toolTip)
        {
            if (!(SessionOf(bound) is { } session)) return Enumerable.Empty<CompletionResult>();
            var typed = CompletionText.Prefix(word);
            return list(session)
                .Where(item => typed.IsMatch(id(item)) || typed.IsMatch(name(item) ?? string.Empty))
                .OrderBy(name, StringComparer.OrdinalIgnoreCase)
                .Select(item => CompletionText.Result(id(item),
                    string.IsNullOrEmpty(name(item)) ? id(item) : $"{name(item)} ({id(item)})", toolTip(item)));
        }

        public static IEnumerable<CompletionResult> Names<T>(IDictionary bound, string word, Func<OpenStackSession, IReadOnlyList<T>> list,
            Func<T, string?> name)
        {
            if (!(SessionOf(bound) is { } session)) return Enumerable.Empty<CompletionResult>();
            var names = list(session).Select(name).Where(n => !string.IsNullOrEmpty(n)).Select(n => n!)
                .Distinct(StringComparer.Ordinal).OrderBy(n => n, StringComparer.OrdinalIgnoreCase);
            return CompletionText.Matching(names, word);
        }

        /// <summary>The session named by -Session on the command line (an object or a name), else the default; none when not connected.</summary>
        private static OpenStackSession? SessionOf(IDictionary bound)
        {
            var given = bound?["Session"];
            if (given is PSObject wrapped) given = wrapped.BaseObject;
            var session = given switch
            {
                OpenStackSession s => s,
                string name => SessionStore.Current.Find(name),
                _ => SessionStore.Current.Default,
            };
            return session is { IsClosed: false } ? session : null;
        }
    }
}
