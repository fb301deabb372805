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
    /// <summary>
    /// Tab completion of snapshot and volume ids and names from the session the command would use (its -Session, else
    /// the default). An id completes from what its id or its name starts with, so "-VolumeId data&lt;Tab&gt;" offers the
    /// ids of the volumes named data*, each listed with its name.
    /// </summary>
    public sealed class SnapshotIdCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var session = CompletionSession.Of(fakeBoundParameters);
            if (session == null) return Enumerable.Empty<CompletionResult>();
            var typed = CompletionText.Prefix(wordToComplete);
            return ListingCache.Snapshots(session)
                .Where(s => typed.IsMatch(s.Id) || typed.IsMatch(s.Name ?? string.Empty))
                .OrderBy(s => s.Name, System.StringComparer.OrdinalIgnoreCase)
                .Select(s => CompletionText.Result(s.Id, CompletionSession.Label(s.Name, s.Id),
                    string.Format(CultureInfo.InvariantCulture, "{0}: {1}, {2} GB, volume {3}", s.Name, s.Status, s.Size, s.VolumeId)));
        }
    }

    public sealed class SnapshotNameCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var session = CompletionSession.Of(fakeBoundParameters);
            return session == null
                ? Enumerable.Empty<CompletionResult>()
                : CompletionText.Matching(CompletionSession.Names(ListingCache.Snapshots(session).Select(s => s.Name)), wordToComplete);
        }
    }

    public sealed class VolumeIdCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var session = CompletionSession.Of(fakeBoundParameters);
            if (session == null) return Enumerable.Empty<CompletionResult>();
            var typed = CompletionText.Prefix(wordToComplete);
            return ListingCache.Volumes(session)
                .Where(v => typed.IsMatch(v.Id) || typed.IsMatch(v.Name ?? string.Empty))
                .OrderBy(v => v.Name, System.StringComparer.OrdinalIgnoreCase)
                .Select(v => CompletionText.Result(v.Id, CompletionSession.Label(v.Name, v.Id),
                    string.Format(CultureInfo.InvariantCulture, "{0}: {1}, {2} GB", v.Name, v.Status, v.Size)));
        }
    }

    public sealed class VolumeNameCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var session = CompletionSession.Of(fakeBoundParameters);
            return session == null
                ? Enumerable.Empty<CompletionResult>()
                : CompletionText.Matching(CompletionSession.Names(ListingCache.Volumes(session).Select(v => v.Name)), wordToComplete);
        }
    }

    internal static class CompletionSession
    {
        /// <summary>The session the command line names with -Session (an object or a name), else the default; none when not connected.</summary>
        public static OpenStackSession? Of(IDictionary fakeBoundParameters)
        {
            var given = fakeBoundParameters?["Session"];
            if (given is PSObject wrapped) given = wrapped.BaseObject;
            var session = given switch
            {
                OpenStackSession s => s,
                string name => SessionStore.Current.Find(name),
                _ => SessionStore.Current.Default,
            };
            return session is { IsClosed: false } ? session : null;
        }

        public static string Label(string? name, string id) => string.IsNullOrEmpty(name) ? id : $"{name} ({id})";

        public static IEnumerable<string> Names(IEnumerable<string?> names) =>
            names.Where(n => !string.IsNullOrEmpty(n)).Select(n => n!).Distinct(System.StringComparer.Ordinal).OrderBy(n => n, System.StringComparer.OrdinalIgnoreCase);
    }
}
