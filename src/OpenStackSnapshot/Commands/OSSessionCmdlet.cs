using System.Management.Automation;
using OpenStackSnapshot.Client;
using OpenStackSnapshot.Sessions;

namespace OpenStackSnapshot.Commands
{
    /// <summary>A cmdlet that talks to a cloud: -Session, or the default from Connect-OSCloud.</summary>
    public abstract partial class OSSessionCmdlet : OSCmdlet
    {
        /// <summary>A session from Connect-OSCloud; the most recent one when omitted.</summary>
        [Parameter]
        [ValidateNotNull]
        public OpenStackSession? Session { get; set; }

        protected OpenStackSession Connection { get; private set; } = null!;

        protected override void BeginProcessing()
        {
            var session = Session ?? SessionStore.Default;
            if (session == null || session.IsClosed) ThrowNotConnected(session != null);
            Connection = session!;
        }
    }
}
