using System.Management.Automation;
using OpenStackSnapshot.Client;
using OpenStackSnapshot.Sessions;
using OpenStackSnapshot.Completion;

namespace OpenStackSnapshot.Commands
{
    /// <summary>
    /// Ends a session (the default one unless -Name or -Session says which): revokes its token when the session issued
    /// it, forgets the token and the secrets, and closes its connections.
    /// </summary>
    [Cmdlet(VerbsCommunications.Disconnect, "OSCloud", DefaultParameterSetName = BySession, HelpUri = HelpLinks.Docs + "Disconnect-OSCloud.md")]
    [OutputType(typeof(void))]
    public sealed class DisconnectOSCloudCommand : OSCmdlet
    {
        private const string BySession = "Session";
        private const string ByName = "Name";

        [Parameter(ValueFromPipeline = true, ParameterSetName = BySession)]
        [SessionArgument]
        [ArgumentCompleter(typeof(SessionNameCompleter))]
        [ValidateNotNull]
        public OpenStackSession? Session { get; set; }

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByName)]
        [ArgumentCompleter(typeof(SessionNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string[] Name { get; set; } = null!;

        protected override void ProcessRecord()
        {
            var store = SessionStore.Current;
            if (ParameterSetName == ByName)
            {
                foreach (var name in Name)
                {
                    var named = store.Find(name);
                    if (named == null)
                    {
                        WriteError(SessionErrors.NotFound(name));
                        continue;
                    }
                    Close(store, named);
                }
                return;
            }
            var session = Session ?? store.Default;
            if (session == null) return; // already disconnected: nothing to do, as Disconnect-AzAccount
            Close(store, session);
        }

        private void Close(RunspaceSessions store, OpenStackSession session)
        {
            store.Remove(session);
            Run(call => session.CloseAsync(call));
        }
    }
}
