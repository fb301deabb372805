using System.Management.Automation;
using OpenStackSnapshot.Client.Errors;
using OpenStackSnapshot.Errors;

namespace OpenStackSnapshot.Sessions
{
    /// <summary>The one way to say what is wrong with a session asked for by name or object.</summary>
    internal static class SessionErrors
    {
        public static string Message(string name) => $"There is no session named '{name}' in this runspace.";

        /// <summary>Sessions are this layer's, not the cloud's: no client error kind says this one.</summary>
        public static ErrorRecord NotFound(string name) =>
            ErrorMap.OwnRecord(ErrorMap.SessionNotFound, new ItemNotFoundException(Message(name)), name);

        /// <summary>No -Session and no default: nothing to talk to.</summary>
        public static ErrorRecord NotConnected() =>
            ErrorMap.ToRecord(new OpenStackException(OpenStackErrorKind.NotConnected, "Not connected to an OpenStack cloud.",
                "Run Connect-OSCloud first, or pass a session from Connect-OSCloud with -Session."), null);

        public static ErrorRecord Closed(string name) =>
            ErrorMap.ToRecord(new OpenStackException(OpenStackErrorKind.NotConnected, $"The session '{name}' was closed by Disconnect-OSCloud.",
                $"Connect again: Connect-OSCloud -Name '{name}' with the same settings."), name);

        public static ErrorRecord OneDefault(string name) =>
            ErrorMap.OwnRecord(ErrorMap.OneDefaultSession,
                new PSArgumentException($"Only one session can be the default; '{name}' was given after another. Pipe or name one session."),
                name);
    }
}
