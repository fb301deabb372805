using System.Linq;
using System.Management.Automation;
using OpenStackSnapshot.Client;
using OpenStackSnapshot.Sessions;
using OpenStackSnapshot.Completion;

namespace OpenStackSnapshot.Commands
{
    /// <summary>The sessions of this runspace, the default one first; no token or secret in any view.</summary>
    [Cmdlet(VerbsCommon.Get, "OSSession", HelpUri = HelpLinks.Docs + "Get-OSSession.md")]
    [OutputType(typeof(OpenStackSession))]
    public sealed class GetOSSessionCommand : OSCmdlet
    {
        /// <summary>Session names; wildcards are allowed.</summary>
        [Parameter(Position = 0)]
        [ArgumentCompleter(typeof(SessionNameCompleter))]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[]? Name { get; set; }

        /// <summary>Only the session that cmdlets without -Session use.</summary>
        [Parameter]
        public SwitchParameter Default { get; set; }

        protected override void EndProcessing()
        {
            var store = SessionStore.Current;
            var first = store.Default;
            var sessions = Default.IsPresent
                ? (first != null ? new[] { first } : new OpenStackSession[0])
                : store.All.OrderBy(s => ReferenceEquals(s, first) ? 0 : 1).ToArray();
            foreach (var session in sessions)
            {
                if (Name == null || Name.Any(n => WildcardPattern.Get(n, WildcardOptions.IgnoreCase).IsMatch(session.Name))) WriteObject(session);
            }
            // As Get-Process: a name without wildcards that matched nothing is an error; a pattern is not.
            foreach (var name in Name ?? new string[0])
            {
                if (!WildcardPattern.ContainsWildcardCharacters(name) && !sessions.Any(s => string.Equals(s.Name, name, System.StringComparison.OrdinalIgnoreCase)))
                    WriteError(SessionErrors.NotFound(name));
            }
        }
    }
}
