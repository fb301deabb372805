using System;
using System.Threading;
using System.Threading.Tasks;
using OpenStackSnapshot.Client.Auth;

namespace OpenStackSnapshot.Client.Http
{
    /// <summary>Holds the session's token and renews it before it expires, or once when a request meets 401.</summary>
    internal sealed class TokenSource
    {
        private static readonly TimeSpan RenewBefore = TimeSpan.FromMinutes(1);
        private readonly SemaphoreSlim _gate = new SemaphoreSlim(1, 1);
        private Func<CallContext, Task<AccessToken>>? _issue;
        private AccessToken? _current;

        public AccessToken? Current => _current;

        /// <summary>Set once the pipeline exists, since issuing a token itself goes through the pipeline.</summary>
        public void Bind(Func<CallContext, Task<AccessToken>> issue) => _issue = issue;

        public async Task<AccessToken> IssueAsync(CallContext call)
        {
            await _gate.WaitAsync(call.Cancellation).ConfigureAwait(false);
            try
            {
                _current = await _issue!(call).ConfigureAwait(false);
                return _current;
            }
            finally
            {
                _gate.Release();
            }
        }

        public async Task<string> ValueAsync(CallContext call)
        {
            var token = _current;
            if (token != null && token.ExpiresAt - DateTime.UtcNow > RenewBefore) return token.Value;
            return (await RenewAsync(token?.Value, call).ConfigureAwait(false)).Value;
        }

        /// <summary>Renews unless another request already replaced the stale token.</summary>
        public async Task<AccessToken> RenewAsync(string? staleValue, CallContext call)
        {
            await _gate.WaitAsync(call.Cancellation).ConfigureAwait(false);
            try
            {
                var token = _current;
                if (token != null && token.Value != staleValue && token.ExpiresAt - DateTime.UtcNow > RenewBefore) return token;
                _current = await _issue!(call).ConfigureAwait(false);
                return _current;
            }
            finally
            {
                _gate.Release();
            }
        }
    }
}
