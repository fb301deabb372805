using System.Management.Automation;
using OpenStackSnapshot.Client;

namespace OpenStackSnapshot.Sessions
{
    /// <summary>
    /// Members PowerShell adds to every session object (Loading/FormatData): whether a session is the default is a fact
    /// of the runspace, not of the session, so it is read from this runspace's store each time it is shown.
    /// </summary>
    public static class SessionMembers
    {
        /// <summary>The IsDefault code property: true for the session that cmdlets without -Session use.</summary>
        public static bool IsDefault(PSObject instance) =>
            instance?.BaseObject is OpenStackSession session && SessionStore.Current.IsDefault(session);
    }
}
