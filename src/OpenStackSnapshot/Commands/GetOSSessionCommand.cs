using System.Linq;
using System.Management.Automation;
using OpenStackSnapshot.Client;
using OpenStackSnapshot.Sessions;
using OpenStackSnapshot.Completion;
using OpenStackSnapshot.Pipeline;

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
            var listing = new ListingWriter(this, Name);
            foreach (var session in sessions) listing.Write(session, session.Name);
            foreach (var name in listing.Unmatched()) WriteError(SessionErrors.NotFound(name));
        }
    }
}
