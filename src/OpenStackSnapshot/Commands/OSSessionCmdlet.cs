using System.Linq;
using System.Management.Automation;
using OpenStackSnapshot.Client;
using OpenStackSnapshot.Errors;
using OpenStackSnapshot.Sessions;
using OpenStackSnapshot.Completion;

namespace OpenStackSnapshot.Commands
{
    /// <summary>A cmdlet that talks to a cloud: -Session (an object or a name), or this runspace's default.</summary>
    public abstract class OSSessionCmdlet : OSCmdlet
    {
        /// <summary>A session from Connect-OSCloud, or its name; this runspace's default when omitted.</summary>
        [Parameter]
        [SessionArgument]
        [ArgumentCompleter(typeof(SessionNameCompleter))]
        [ValidateNotNull]
        public OpenStackSession? Session { get; set; }

        protected OpenStackSession Connection { get; private set; } = null!;

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            var session = Session ?? SessionStore.Current.Default;
            if (session == null) ThrowTerminatingError(SessionErrors.NotConnected());
            if (session!.IsClosed) ThrowTerminatingError(SessionErrors.Closed(session.Name));
            Connection = session;
        }

        /// <summary>A parameter asked for that the session's API cannot serve stops the command before anything is sent.</summary>
        protected void RequireFeature(bool supported, bool asked, string parameter, string what)
        {
            if (supported || !asked) return;
            ThrowTerminatingError(ErrorMap.ToParameterRecord(Connection.Snapshots.Features.Refusal(what), parameter));
        }

        /// <summary>As the other, for what the session's volume service cannot do (refused in the volume API's words).</summary>
        protected void RequireVolumeFeature(bool supported, bool asked, string parameter, string what)
        {
            if (supported || !asked) return;
            ThrowTerminatingError(ErrorMap.ToParameterRecord(Connection.Volumes.Features.Refusal(what), parameter));
        }

        /// <summary>
        /// -AllProjects without the admin role: block storage then silently answers with the caller's own project, which
        /// could be taken for every project's, so the user is told before the listing.
        /// </summary>
        protected void WarnUnlessAdmin(string listed)
        {
            if (Connection.HasAdminRole) return;
            WriteWarning($"-AllProjects: block storage lists every project's {listed} only to an admin (by the cloud's default policy), "
                + $"and your roles on project {Connection.ProjectName ?? Connection.ProjectId} are "
                + $"{string.Join(", ", Connection.Roles.DefaultIfEmpty("(none)"))}; unless the cloud's policy allows you, "
                + $"the listing holds only this project's {listed}.");
        }
    }
}
