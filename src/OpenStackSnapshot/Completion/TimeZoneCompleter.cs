using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace OpenStackSnapshot.Completion
{
    /// <summary>Tab completion for -TimeZone: this machine's zone ids (IANA ones on Linux and macOS, Windows ones on Windows).</summary>
    public sealed class TimeZoneCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters) =>
            CompletionText.Matching(TimeZoneInfo.GetSystemTimeZones().Select(z => z.Id).OrderBy(id => id, StringComparer.Ordinal),
                wordToComplete);
    }
}
