using OpenStackSnapshot.Client.Errors;

namespace OpenStackSnapshot.Client.Auth
{
    /// <summary>Keystone's faults: nothing beyond any service's, but a missing route means a wrong auth URL.</summary>
    internal sealed class IdentityFaults : ApiFaults
    {
        public static readonly IdentityFaults Instance = new IdentityFaults();

        public override string Service => "identity";

        public override (OpenStackErrorKind Kind, string Message, string Action)? Classify(int status, string server, ErrorTranslator.Subject subject) => null;

        public override (OpenStackErrorKind Kind, string Message, string Action) RouteNotServed(string server) =>
            (OpenStackErrorKind.ApiNotAvailable, $"The identity endpoint does not serve this route: {server}", "Check that the auth URL is Keystone's.");
    }
}
