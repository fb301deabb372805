using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using OpenStackSnapshot.Client.Config;
using OpenStackSnapshot.Client.Errors;
using OpenStackSnapshot.Sessions;

namespace OpenStackSnapshot.Completion
{
    /// <summary>Completes -Session and -Name with the names of this runspace's sessions.</summary>
    public sealed class SessionNameCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters) =>
            CompletionText.Matching(SessionStore.Current.All.Select(s => s.Name), wordToComplete);
    }

    /// <summary>Completes -Cloud with the clouds of the clouds.yaml and secure.yaml in use.</summary>
    public sealed class CloudNameCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            try
            {
                return CompletionText.Matching(
                    CloudConfigResolver.CloudNames(ConfigEnvironment.FromProcess(CompletionText.CurrentDirectory())), wordToComplete);
            }
            catch (OpenStackException)
            {
                return Enumerable.Empty<CompletionResult>(); // a malformed file: Connect-OSCloud says what is wrong
            }
        }
    }
}
