using System.Management.Automation;
using OpenStackSnapshot.Client.Errors;
using OpenStackSnapshot.Errors;

namespace OpenStackSnapshot.Sessions
{
    /// <summary>The one way to say a session name is unknown (Get-OSSession -Name, Disconnect-OSCloud -Name).</summary>
    internal static class SessionErrors
    {
        public static string Message(string name) => $"There is no session named '{name}' in this runspace.";

        public static ErrorRecord NotFound(string name) =>
            ErrorMap.ToRecord(new OpenStackException(OpenStackErrorKind.SessionNotFound, Message(name), string.Empty), name);
    }
}
