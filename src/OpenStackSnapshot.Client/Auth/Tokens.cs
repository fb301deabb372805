using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using OpenStackSnapshot.Client.Errors;
using OpenStackSnapshot.Client.Http;

namespace OpenStackSnapshot.Client.Auth
{
    /// <summary>A Keystone token and what came with it. The value never leaves the client.</summary>
    internal sealed class AccessToken
    {
        public AccessToken(string value, DateTime expiresAt, string? userName, string? projectId, string? projectName,
            IReadOnlyList<string> roles, IReadOnlyList<CatalogEndpoint> catalog)
        {
            Roles = roles;
            Value = value;
            ExpiresAt = expiresAt;
            UserName = userName;
            ProjectId = projectId;
            ProjectName = projectName;
            Catalog = catalog;
        }

        public string Value { get; }
        public DateTime ExpiresAt { get; }
        public string? UserName { get; }
        public string? ProjectId { get; }
        public string? ProjectName { get; }
        /// <summary>The user's role names on the project, as the token lists them.</summary>
        public IReadOnlyList<string> Roles { get; }
        public IReadOnlyList<CatalogEndpoint> Catalog { get; }
    }

    /// <summary>One endpoint of one service in the token's catalog.</summary>
    internal sealed class CatalogEndpoint
    {
        public CatalogEndpoint(string serviceType, string @interface, string? region, string url)
        {
            ServiceType = serviceType;
            Interface = @interface;
            Region = region;
            Url = url;
        }

        public string ServiceType { get; }
        public string Interface { get; }
        public string? Region { get; }
        public string Url { get; }
    }

    /// <summary>Holds the session's token and renews it before it expires, or once when a request meets 401.</summary>
    internal sealed class TokenSource
    {
        private static readonly TimeSpan RenewBefore = TimeSpan.FromMinutes(1);
        private readonly SemaphoreSlim _gate = new SemaphoreSlim(1, 1);
        private readonly KeystoneClient _keystone;
        private readonly bool _canRenew;
        private AccessToken? _current;

        /// <param name="keystone">Issues the tokens.</param>
        /// <param name="canRenew">False for a given token (OS_TOKEN, auth_type token): there is nothing to issue a new one from.</param>
        public TokenSource(KeystoneClient keystone, bool canRenew)
        {
            _keystone = keystone;
            _canRenew = canRenew;
        }

        /// <summary>How many tokens were issued: renewals shared by many callers count once.</summary>
        public int IssuedCount { get; private set; }

        public AccessToken? Current => _current;

        public async Task<AccessToken> IssueAsync(CallContext call)
        {
            await _gate.WaitAsync(call.Cancellation).ConfigureAwait(false);
            try
            {
                return await IssueHeldAsync(call).ConfigureAwait(false);
            }
            finally
            {
                _gate.Release();
            }
        }

        // Under the gate: the one place a token is issued and counted.
        private async Task<AccessToken> IssueHeldAsync(CallContext call)
        {
            _current = await _keystone.IssueAsync(call).ConfigureAwait(false);
            IssuedCount++;
            return _current;
        }

        private volatile bool _closed;

        /// <summary>
        /// Closes the source under its gate, so no caller sharing the session can issue a token after it; returns the
        /// token when it was issued here and may still be revoked.
        /// </summary>
        public async Task<string?> CloseAsync(CallContext call)
        {
            await _gate.WaitAsync(call.Cancellation).ConfigureAwait(false);
            try
            {
                _closed = true;
                var token = _current;
                _current = null;
                return _canRenew && token != null && token.ExpiresAt > DateTime.UtcNow ? token.Value : null;
            }
            finally
            {
                _gate.Release();
            }
        }

        /// <summary>Forgets the token at once (Dispose: no waiting for callers in flight).</summary>
        public void Forget()
        {
            _closed = true;
            _current = null;
        }

        public async Task<string> ValueAsync(CallContext call)
        {
            var token = _current;
            if (_closed) throw Closed();
            var left = token == null ? TimeSpan.Zero : token.ExpiresAt - DateTime.UtcNow;
            if (token != null && (_canRenew ? left > RenewBefore : left > TimeSpan.Zero)) return token.Value;
            return (await RenewAsync(token?.Value, call).ConfigureAwait(false)).Value;
        }

        /// <summary>Renews unless another request already replaced the stale token.</summary>
        public async Task<AccessToken> RenewAsync(string? staleValue, CallContext call)
        {
            await _gate.WaitAsync(call.Cancellation).ConfigureAwait(false);
            try
            {
                if (_closed) throw Closed();
                var token = _current;
                if (token != null && token.Value != staleValue && token.ExpiresAt - DateTime.UtcNow > RenewBefore) return token;
                if (!_canRenew)
                {
                    // A given token is used until Keystone refuses it; then nothing can replace it.
                    if (token != null && token.Value != staleValue) return token;
                    throw Expired(token);
                }
                return await IssueHeldAsync(call).ConfigureAwait(false);
            }
            finally
            {
                _gate.Release();
            }
        }

        private static OpenStackException Closed() =>
            new OpenStackException(OpenStackErrorKind.NotConnected, "The session was closed (disconnected).",
                "Connect again, and use the new session.");

        private static OpenStackException Expired(AccessToken? token) =>
            new OpenStackException(OpenStackErrorKind.AuthenticationFailed,
                "The token this session was given "
                + $"{(token != null && token.ExpiresAt <= DateTime.UtcNow ? $"expired at {token.ExpiresAt:u}" : "was refused by the cloud")}, "
                + "and there is nothing to renew it from: "
                + "a session signed in with a given token (OS_TOKEN, auth_type token) has no password or application credential.",
                "Get a new token (openstack token issue) and connect again, "
                + "or connect with a password or an application credential, which renew by themselves.");
    }

    /// <summary>The authenticated client's outermost handler: adds X-Auth-Token, and on 401 re-authenticates once and resends.</summary>
    internal sealed class AuthTokenHandler : DelegatingHandler
    {
        private readonly TokenSource _tokens;

        public AuthTokenHandler(TokenSource tokens) => _tokens = tokens;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var call = new CallContext(cancellationToken, RequestTags.Find(request)?.Log);
            var token = await _tokens.ValueAsync(call).ConfigureAwait(false);
            SetToken(request, token);
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode != HttpStatusCode.Unauthorized) return response;

            // A 401 is answered before the request is acted on, so resending it (even a POST) is safe.
            response.Dispose();
            var renewed = await _tokens.RenewAsync(token, call).ConfigureAwait(false);
            SetToken(request, renewed.Value);
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        private static void SetToken(HttpRequestMessage request, string token)
        {
            request.Headers.Remove(OpenStackHeaders.AuthToken);
            request.Headers.TryAddWithoutValidation(OpenStackHeaders.AuthToken, token);
        }
    }
}
