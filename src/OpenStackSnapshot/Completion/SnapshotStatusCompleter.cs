using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;
using OpenStackSnapshot.Client.Snapshots;

namespace OpenStackSnapshot.Completion
{
    /// <summary>Tab completion for -Status: the values Nova and Cinder report.</summary>
    public sealed class SnapshotStatusCompleter : IArgumentCompleter
    {
        private static readonly string[] Statuses =
        {
            SnapshotStatus.Creating, SnapshotStatus.Available, SnapshotStatus.Deleting, SnapshotStatus.Deleted, SnapshotStatus.Error,
            SnapshotStatus.ErrorDeleting, "unmanaging", "backing-up", "restoring",
        };

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters) =>
            CompletionText.Matching(Statuses, wordToComplete);
    }
}
