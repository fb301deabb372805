using System.Management.Automation;
using OpenStackSnapshot.Client;
using OpenStackSnapshot.Sessions;
using OpenStackSnapshot.Completion;

namespace OpenStackSnapshot.Commands
{
    /// <summary>Makes a session this runspace's default, the one cmdlets without -Session use (as Select-AzContext).</summary>
    [Cmdlet(VerbsCommon.Select, "OSSession", DefaultParameterSetName = ByName, HelpUri = HelpLinks.Docs + "Select-OSSession.md")]
    [OutputType(typeof(OpenStackSession))]
    public sealed class SelectOSSessionCommand : OSCmdlet
    {
        private const string ByName = "Name";
        private const string BySession = "Session";
        private OpenStackSession? _chosen;

        /// <summary>The name of one of this runspace's sessions.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByName)]
        [ArgumentCompleter(typeof(SessionNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string Name { get; set; } = null!;

        /// <summary>A session object, from Get-OSSession or Connect-OSCloud.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = BySession)]
        [SessionArgument]
        [ValidateNotNull]
        public OpenStackSession Session { get; set; } = null!;

        /// <summary>Writes the session that became the default.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var session = ParameterSetName == ByName ? SessionStore.Current.Find(Name) : Session;
            if (session == null)
            {
                ThrowTerminatingError(SessionErrors.NotFound(Name));
                return;
            }
            // One default: a second session piped in would silently undo the first, so neither is chosen.
            if (_chosen != null && !ReferenceEquals(_chosen, session))
                ThrowTerminatingError(SessionErrors.OneDefault(session.Name));
            if (session.IsClosed) ThrowTerminatingError(SessionErrors.Closed(session.Name));
            _chosen = session;
        }

        protected override void EndProcessing()
        {
            if (_chosen == null) return;
            SessionStore.Current.Add(_chosen); // a session from another runspace ($using:s) is listed here from now on
            if (PassThru.IsPresent) WriteObject(_chosen);
        }
    }
}
