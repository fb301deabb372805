using System.Management.Automation;
using OpenStackSnapshot.Client;
using OpenStackSnapshot.Sessions;

namespace OpenStackSnapshot.Commands
{
    /// <summary>Forgets a session (the default one unless -Session is given) and closes its connections.</summary>
    [Cmdlet(VerbsCommunications.Disconnect, "OSCloud")]
    [OutputType(typeof(void))]
    public sealed class DisconnectOSCloudCommand : OSCmdlet
    {
        [Parameter(ValueFromPipeline = true)]
        [ValidateNotNull]
        public OpenStackSession? Session { get; set; }

        protected override void ProcessRecord()
        {
            var session = Session ?? SessionStore.Default;
            if (session == null) return; // already disconnected: nothing to do, as Disconnect-AzAccount
            if (ReferenceEquals(session, SessionStore.Default)) SessionStore.Default = null;
            session.Dispose();
        }
    }
}
