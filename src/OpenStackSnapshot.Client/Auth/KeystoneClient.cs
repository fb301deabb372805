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
        private readonly IdentityFaults _faults;
        // Until a token was issued, Keystone unreachable is likelier a wrong auth URL than an outage; renewals are not first.
        private volatile bool _signedIn;

        public KeystoneClient(ApiSender sender, Uri authUrl, AuthMethod auth)
        {
            _sender = sender;
            _tokensUrl = TokensUrl(authUrl);
            _auth = auth;
            _faults = new IdentityFaults(_tokensUrl, auth);
        }

        /// <summary>Accepts https://host:5000, https://host:5000/v3 and https://host/identity/v3/.</summary>
        internal static Uri TokensUrl(Uri authUrl)
        {
            var text = authUrl.GetLeftPart(UriPartial.Path).TrimEnd('/');
            if (!text.EndsWith("/v3", StringComparison.OrdinalIgnoreCase)) text += "/v3";
            return new Uri(text + "/auth/tokens");
        }

        /// <summary>A new token from the credentials; a given token is validated instead (GET), which returns its catalog.</summary>
        public async Task<AccessToken> IssueAsync(CallContext call)
        {
            using var request = _auth is TokenAuth given ? Validation(given)
                : new ApiRequest(HttpMethod.Post, _tokensUrl, _faults) { Content = ApiSender.Json(KeystoneJson.TokenRequest(_auth)) };
            if (!_signedIn) RequestTags.Of(request).FirstSignIn = true;
            // Issuing a token twice makes two tokens and changes nothing else: safe to resend when Keystone restarted mid-request.
            RequestTags.Of(request).SafeToRepeat = true;
            var response = await _sender.SendAsync(request, call).ConfigureAwait(false);
            using (response.Message)
            {
                var subject = response.Message.Headers.TryGetValues(OpenStackHeaders.SubjectToken, out var values) ? values.FirstOrDefault() : null;
                if (string.IsNullOrEmpty(subject))
                    throw new OpenStackException(OpenStackErrorKind.InvalidResponse,
                        $"Keystone answered {_tokensUrl.AbsoluteUri} without an X-Subject-Token header.",
                        "Check that the auth URL (auth_url) points at Keystone v3.",
                        ApiSender.UnreadableSuccess(request.Method.Method, _tokensUrl.AbsoluteUri, response.Status, response.RequestId));
                var token = ApiSender.Read(response, request, root => KeystoneJson.ReadToken(subject!, root));
                _signedIn = true;
                return token;
            }
        }

        private ApiRequest Validation(TokenAuth given)
        {
            var request = new ApiRequest(HttpMethod.Get, _tokensUrl, _faults);
            var value = AuthMethod.Reveal(given.Token);
            request.Headers.TryAddWithoutValidation(OpenStackHeaders.AuthToken, value);
            request.Headers.TryAddWithoutValidation(OpenStackHeaders.SubjectToken, value);
            return request;
        }

        /// <summary>DELETE /v3/auth/tokens: revokes a token this session issued. Best effort: a failure leaves it to expire.</summary>
        public async Task RevokeAsync(string token, CallContext call)
        {
            using var request = new ApiRequest(HttpMethod.Delete, _tokensUrl, _faults);
            RequestTags.Of(request).BestEffort = true;
            request.Headers.TryAddWithoutValidation(OpenStackHeaders.AuthToken, token);
            request.Headers.TryAddWithoutValidation(OpenStackHeaders.SubjectToken, token);
            try
            {
                var response = await _sender.SendAsync(request, call).ConfigureAwait(false);
                response.Message.Dispose();
            }
            catch (Exception e) when (!call.Cancellation.IsCancellationRequested || !(e is OperationCanceledException))
            {
                // already expired or revoked, Keystone unreachable, the connection gone: the token dies at its expiry anyway
            }
        }
    }
}
