using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace OpenStackSnapshot.Client.Http
{
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
