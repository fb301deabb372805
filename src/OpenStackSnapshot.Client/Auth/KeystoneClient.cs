using System;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using OpenStackSnapshot.Client.Errors;
using OpenStackSnapshot.Client.Http;

namespace OpenStackSnapshot.Client.Auth
{
    /// <summary>Issues Keystone v3 tokens: POST {auth_url}/v3/auth/tokens, token in X-Subject-Token.</summary>
    internal sealed class KeystoneClient
    {
        private readonly ApiSender _sender;
        private readonly Uri _tokensUrl;
        private readonly AuthMethod _auth;
        // Until a token was issued, Keystone unreachable is likelier a wrong auth URL than an outage; renewals are not first.
        private volatile bool _signedIn;

        public KeystoneClient(ApiSender sender, Uri authUrl, AuthMethod auth)
        {
            _sender = sender;
            _tokensUrl = TokensUrl(authUrl);
            _auth = auth;
        }

        /// <summary>Accepts https://host:5000, https://host:5000/v3 and https://host/identity/v3/.</summary>
        internal static Uri TokensUrl(Uri authUrl)
        {
            var text = authUrl.GetLeftPart(UriPartial.Path).TrimEnd('/');
            if (!text.EndsWith("/v3", StringComparison.OrdinalIgnoreCase)) text += "/v3";
            return new Uri(text + "/auth/tokens");
        }

        private string Describe() => _auth switch
        {
            PasswordAuth p => $"user '{p.UserId ?? p.UserName}'{(p.UserId == null ? $" in domain '{p.UserDomainId ?? p.UserDomainName ?? "Default"}'" : string.Empty)}, project '{p.ProjectId ?? p.ProjectName}'",
            ApplicationCredentialAuth a => $"application credential '{a.Id ?? a.Name}'",
            TokenAuth _ => "the given token",
            _ => _auth.GetType().Name,
        };

        /// <summary>A new token from the credentials; a given token is validated instead (GET), which returns its catalog.</summary>
        public async Task<AccessToken> IssueAsync(CallContext call)
        {
            using var request = _auth is TokenAuth given ? Validation(given) : new HttpRequestMessage(HttpMethod.Post, _tokensUrl) { Content = ApiSender.Json(KeystoneJson.TokenRequest(_auth)) };
            if (!_signedIn) RequestTags.Of(request).FirstSignIn = true;
            ApiResponse response;
            try
            {
                response = await _sender.SendAsync(request, new ErrorTranslator.Subject(IdentityFaults.Instance), call).ConfigureAwait(false);
            }
            catch (OpenStackException e) when (e.Kind == OpenStackErrorKind.NotFound || e.Kind == OpenStackErrorKind.ApiNotAvailable)
            {
                throw new OpenStackException(OpenStackErrorKind.ConnectionFailed, $"{_tokensUrl.AbsoluteUri} is not a Keystone v3 token endpoint (HTTP 404).",
                    "Check the auth URL (auth_url): it is Keystone's address, usually ending in :5000/v3 or /identity/v3.",
                    new Exchange(e.Method!, e.Url).Answered(e.StatusCode!.Value, e.RequestId), e);
            }
            catch (OpenStackException e) when (e.Kind == OpenStackErrorKind.AuthenticationFailed)
            {
                throw e.WithMessage(
                    $"Keystone refused the credentials ({Describe()}): {e.ServerMessage ?? "HTTP 401"}{(e.RequestId != null ? $" (request id {e.RequestId})" : string.Empty)}",
                    _auth is TokenAuth
                        ? "The token is invalid or expired: get a new one (openstack token issue), or sign in with a password or an application credential."
                        : "Check the user name, password or application credential, the domain and the project, then connect again.");
            }
            using (response.Message)
            {
                var subject = response.Message.Headers.TryGetValues(OpenStackHeaders.SubjectToken, out var values) ? values.FirstOrDefault() : null;
                if (string.IsNullOrEmpty(subject))
                    throw new OpenStackException(OpenStackErrorKind.InvalidResponse, $"Keystone answered {_tokensUrl.AbsoluteUri} without an X-Subject-Token header.",
                        "Check that the auth URL (auth_url) points at Keystone v3.",
                        new Exchange(request.Method.Method, _tokensUrl.AbsoluteUri).Answered(response.Status, response.RequestId));
                var token = ApiSender.Read(response, request, root => KeystoneJson.ReadToken(subject!, root));
                _signedIn = true;
                return token;
            }
        }

        private HttpRequestMessage Validation(TokenAuth given)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, _tokensUrl);
            var value = AuthMethod.Reveal(given.Token);
            request.Headers.TryAddWithoutValidation(OpenStackHeaders.AuthToken, value);
            request.Headers.TryAddWithoutValidation(OpenStackHeaders.SubjectToken, value);
            return request;
        }

        /// <summary>DELETE /v3/auth/tokens: revokes a token this session issued. Best effort: a failure leaves it to expire.</summary>
        public async Task RevokeAsync(string token, CallContext call)
        {
            using var request = new HttpRequestMessage(HttpMethod.Delete, _tokensUrl);
            RequestTags.Of(request).BestEffort = true;
            request.Headers.TryAddWithoutValidation(OpenStackHeaders.AuthToken, token);
            request.Headers.TryAddWithoutValidation(OpenStackHeaders.SubjectToken, token);
            try
            {
                var response = await _sender.SendAsync(request, new ErrorTranslator.Subject(IdentityFaults.Instance), call).ConfigureAwait(false);
                response.Message.Dispose();
            }
            catch (Exception e) when (!call.Cancellation.IsCancellationRequested || !(e is OperationCanceledException))
            {
                // already expired or revoked, Keystone unreachable, the connection gone: the token dies at its expiry anyway
            }
        }
    }
}
