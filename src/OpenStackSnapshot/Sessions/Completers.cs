using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Management.Automation.Runspaces;
using OpenStackSnapshot.Client.Config;
using OpenStackSnapshot.Client.Errors;

namespace OpenStackSnapshot.Sessions
{
    /// <summary>Completes -Session and -Name with the names of this runspace's sessions.</summary>
    public sealed class SessionNameCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
            Completion.Matching(SessionStore.Current.All.Select(s => s.Name), wordToComplete);
    }

    /// <summary>Completes -Cloud with the clouds of the clouds.yaml and secure.yaml in use.</summary>
    public sealed class CloudNameCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            try
            {
                return Completion.Matching(CloudConfigResolver.CloudNames(ConfigEnvironment.FromProcess(Completion.CurrentDirectory())), wordToComplete);
            }
            catch (OpenStackException)
            {
                return Enumerable.Empty<CompletionResult>(); // a malformed file: Connect-OSCloud says what is wrong
            }
        }
    }

    internal static class Completion
    {
        public static IEnumerable<CompletionResult> Matching(IEnumerable<string> names, string word)
        {
            var pattern = WildcardPattern.Get((word ?? string.Empty).Trim('\'', '"') + "*", WildcardOptions.IgnoreCase);
            foreach (var name in names.Where(pattern.IsMatch))
            {
                var text = name.IndexOfAny(new[] { ' ', '\'', '"', '$', '`', ';', '(', ')', '{', '}', ',', '@', '#' }) >= 0 ? "'" + name.Replace("'", "''") + "'" : name;
                yield return new CompletionResult(text, name, CompletionResultType.ParameterValue, name);
            }
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
