using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace OpenStackSnapshot.Completion
{
    /// <summary>What every completer of the module shares: matching what was typed, and quoting what is offered.</summary>
    internal static class CompletionText
    {
        private static readonly char[] NeedQuotes = { ' ', '\'', '"', '$', '`', ';', '(', ')', '{', '}', ',', '@', '#' };

        /// <summary>What was typed, without its quotes, as a case-blind prefix pattern (wildcards the user typed still work).</summary>
        public static WildcardPattern Prefix(string? word) =>
            WildcardPattern.Get((word ?? string.Empty).Trim('\'', '"') + "*", WildcardOptions.IgnoreCase);

        public static IEnumerable<CompletionResult> Matching(IEnumerable<string> names, string word)
        {
            var pattern = Prefix(word);
            return names.Where(pattern.IsMatch).Select(name => Result(name, name, name));
        }

        /// <summary>A value as the command line needs it (quoted when PowerShell would split or expand it).</summary>
        public static CompletionResult Result(string value, string listItem, string toolTip)
        {
            var text = value.IndexOfAny(NeedQuotes) >= 0 ? "'" + value.Replace("'", "''") + "'" : value;
            return new CompletionResult(text, listItem, CompletionResultType.ParameterValue, toolTip);
        }

        /// <summary>The runspace's $PWD when it is a folder, as clouds.yaml in the current directory means the user's.</summary>
        public static string CurrentDirectory()
        {
            try
            {
                if (Runspace.DefaultRunspace?.SessionStateProxy.Path.CurrentFileSystemLocation.ProviderPath is { Length: > 0 } path) return path;
            }
            catch (PSInvalidOperationException)
            {
                // the runspace is busy: fall back to the process's directory
            }
            return Environment.CurrentDirectory;
        }
    }
}
