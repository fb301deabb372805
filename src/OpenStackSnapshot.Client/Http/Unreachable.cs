using System;
using System.Net.Http;
using System.Security.Authentication;
using OpenStackSnapshot.Client.Errors;

namespace OpenStackSnapshot.Client.Http
{
    /// <summary>What a request that reached no server means to the user: a refused TLS handshake, an unknown host name, no connection.</summary>
    internal static class Unreachable
    {
        private const string UntrustedAction = "Trust the server's issuer: give its CA bundle as cacert (clouds.yaml) or OS_CACERT; "
            + "only for a test cloud, turn the check off (verify: false).";
        private const string TypoAction = "Check the host name in the auth URL (auth_url): a name that does not resolve is most often a typo.";
        private const string UnresolvedAction = "Check the URL and this machine's DNS; "
            + "an internal or admin endpoint of the catalog often resolves only inside the cloud.";
        private const string KeystoneDownAction = "Check the auth URL (auth_url), the network and that Keystone is running; "
            + "for a cloud still starting, a retry_budget makes the first sign-in wait longer.";
        private const string DownAction = "Check the URL, the network and that the service is running.";

        public static OpenStackException From(HttpRequestException e, HttpRequestMessage request, Exchange sent)
        {
            var (method, url) = (sent.Method, sent.Url!);
            var target = new Uri(url);
            if (NetworkFailure.TlsRefusal(e) is { } tls)
            {
                var why = RequestTags.Find(request)?.TlsRefusal ?? tls.Message;
                var refused = $"The TLS connection to {target.Authority} failed ({method} {url}): {why}";
                return Failure(OpenStackErrorKind.TlsFailure, refused, UntrustedAction);
            }
            var reason = e.GetBaseException().Message;
            var signIn = RequestTags.Find(request)?.FirstSignIn == true;
            if (NetworkFailure.IsUnknownHost(e))
            {
                return Failure(OpenStackErrorKind.ConnectionFailed, $"The host name {target.Host} does not resolve ({method} {url}): {reason}",
                    signIn ? TypoAction : UnresolvedAction);
            }
            var unreached = $"Could not reach {target.GetLeftPart(UriPartial.Authority)} for {method} {url}: {reason}";
            return Failure(OpenStackErrorKind.ConnectionFailed, unreached, signIn ? KeystoneDownAction : DownAction);

            OpenStackException Failure(OpenStackErrorKind kind, string message, string action) =>
                new OpenStackException(kind, message, action, sent, e);
        }
    }
}
