using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace OpenStackSnapshot.Completion
{
    /// <summary>Tab completion for -Status: the values Nova reports.</summary>
    public sealed class SnapshotStatusCompleter : IArgumentCompleter
    {
        private static readonly string[] Statuses =
        {
            "creating", "available", "deleting", "deleted", "error", "error_deleting", "unmanaging", "backing-up", "restoring",
        };

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters) =>
            Statuses.Where(s => s.StartsWith(wordToComplete ?? string.Empty, System.StringComparison.OrdinalIgnoreCase))
                .Select(s => new CompletionResult(s, s, CompletionResultType.ParameterValue, s));
    }
}
