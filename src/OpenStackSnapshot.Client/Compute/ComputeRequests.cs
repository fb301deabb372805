using System;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using OpenStackSnapshot.Client.Errors;
using OpenStackSnapshot.Client.Http;

namespace OpenStackSnapshot.Client.Compute
{
    /// <summary>What every Nova request shares: the catalog's compute URL and the pinned microversion.</summary>
    internal sealed class ComputeRequests
    {
        private readonly ApiSender _sender;
        private readonly string _base;

        public ComputeRequests(ApiSender sender, Uri computeUrl)
        {
            _sender = sender;
            _base = computeUrl.ToString().TrimEnd('/') + "/";
        }

        public HttpRequestMessage Request(HttpMethod method, string relative)
        {
            var request = new HttpRequestMessage(method, new Uri(_base + relative));
            request.Headers.TryAddWithoutValidation(OpenStackHeaders.NovaMicroversion, ComputeApi.Microversion);
            request.Headers.TryAddWithoutValidation(OpenStackHeaders.Microversion, "compute " + ComputeApi.Microversion);
            return request;
        }

        public async Task<ApiResponse> SendAsync(HttpRequestMessage request, ErrorTranslator.Subject subject, CallContext call)
        {
            var response = await _sender.SendAsync(request, subject, call).ConfigureAwait(false);
            response.Message.Dispose();
            return response;
        }

        public async Task<T> ReadAsync<T>(HttpRequestMessage request, ErrorTranslator.Subject subject, CallContext call, Func<JsonElement, T> read)
        {
            var response = await SendAsync(request, subject, call).ConfigureAwait(false);
            return ApiSender.Read(response, request, read);
        }
    }
}
