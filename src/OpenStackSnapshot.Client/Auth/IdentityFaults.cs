using System;
using OpenStackSnapshot.Client.Errors;

namespace OpenStackSnapshot.Client.Auth
{
    /// <summary>
    /// Keystone's faults, said for the sign-in that met them: a refusal names the credentials it refused, and a route
    /// (or a version) Keystone does not serve means the auth URL is not Keystone's token endpoint.
    /// </summary>
    internal sealed class IdentityFaults : ApiFaults
    {
        private readonly Uri _tokensUrl;
        private readonly AuthMethod _auth;

        public IdentityFaults(Uri tokensUrl, AuthMethod auth)
        {
            _tokensUrl = tokensUrl;
            _auth = auth;
        }

        public override string Service => "identity";

        protected override Verdict? Own(Exchange answer) => answer.Status switch
        {
            401 => Refused(answer),
            404 or 406 => NotKeystone(),
            _ => null,
        };

        public override Verdict RouteNotServed(string server) => NotKeystone();

        private Verdict NotKeystone() =>
            new Verdict(OpenStackErrorKind.ConnectionFailed, $"{_tokensUrl.AbsoluteUri} is not a Keystone v3 token endpoint (HTTP 404).",
                "Check the auth URL (auth_url): it is Keystone's address, usually ending in :5000/v3 or /identity/v3.", whole: true);

        private Verdict Refused(Exchange answer) =>
            new Verdict(OpenStackErrorKind.AuthenticationFailed,
                $"Keystone refused the credentials ({Describe()}): {answer.ServerMessage ?? "HTTP 401"}"
                + (answer.RequestId != null ? $" (request id {answer.RequestId})" : string.Empty),
                _auth is TokenAuth
                    ? "The token is invalid or expired: get a new one (openstack token issue), "
                      + "or sign in with a password or an application credential."
                    : "Check the user name, password or application credential, the domain and the project, then connect again.",
                whole: true);

        private string Describe() => _auth switch
        {
            PasswordAuth p => $"user '{p.UserId ?? p.UserName}'"
                + (p.UserId == null ? $" in domain '{p.UserDomainId ?? p.UserDomainName ?? "Default"}'" : string.Empty)
                + $", project '{p.ProjectId ?? p.ProjectName}'",
            ApplicationCredentialAuth a => $"application credential '{a.Id ?? a.Name}'",
            TokenAuth _ => "the given token",
            _ => _auth.GetType().Name,
        };
    }
}
