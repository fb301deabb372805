using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using OpenStackSnapshot.Client.Errors;
using OpenStackSnapshot.Client.Http;
using OpenStackSnapshot.Client.Validation;

namespace OpenStackSnapshot.Client.Compute
{
    /// <summary>What every Nova request shares: the catalog's compute URL and the pinned microversion.</summary>
    internal sealed class ComputeRequests
    {
        private readonly ApiSender _sender;
        private readonly string _base;
        private readonly string _microversion;
        private readonly ComputeVersionProbe _versions;

        public ComputeRequests(ApiSender sender, Uri computeUrl, ComputeMicroversion microversion)
        {
            _sender = sender;
            _base = computeUrl.ToString().TrimEnd('/') + "/";
            _microversion = microversion.ToString();
            _versions = new ComputeVersionProbe(sender, computeUrl, microversion);
        }

        public HttpRequestMessage Request(HttpMethod method, string relative)
        {
            var request = new HttpRequestMessage(method, new Uri(_base + relative));
            request.Headers.TryAddWithoutValidation(OpenStackHeaders.NovaMicroversion, _microversion);
            request.Headers.TryAddWithoutValidation(OpenStackHeaders.Microversion, "compute " + _microversion);
            return request;
        }

        /// <summary>GET {collection}/{id}; a 404 names the item ("Snapshot", "Volume").</summary>
        public async Task<T> GetItemAsync<T>(string collection, string itemName, string id, CallContext call, Func<JsonElement, T> read)
        {
            using var request = Request(HttpMethod.Get, ItemPath(collection, id, itemName));
            return await ReadAsync(request, new ErrorTranslator.Subject { ItemName = itemName }, call, read).ConfigureAwait(false);
        }

        /// <summary>One page of GET {collection}/detail; Nova has no marker, so pages go by offset.</summary>
        public async Task<IReadOnlyList<T>> GetPageAsync<T>(string collection, int limit, int offset, CallContext call, Func<JsonElement, IReadOnlyList<T>> read)
        {
            if (limit < 0 || offset < 0) throw new OpenStackException(OpenStackErrorKind.InvalidArgument, "The page limit and offset cannot be negative.");
            var query = string.Format(CultureInfo.InvariantCulture, "{0}/detail?limit={1}&offset={2}", collection, limit, offset);
            using var request = Request(HttpMethod.Get, query);
            return await ReadAsync(request, new ErrorTranslator.Subject(), call, read).ConfigureAwait(false);
        }

        /// <summary>{collection}/{id}, with the id checked and escaped.</summary>
        public static string ItemPath(string collection, string id, string itemName)
        {
            var problem = SnapshotInput.IdProblem(id, itemName.ToLowerInvariant() + " id");
            if (problem != null) throw new OpenStackException(OpenStackErrorKind.InvalidArgument, problem);
            return collection + "/" + Uri.EscapeDataString(id.Trim());
        }

        public async Task<ApiResponse> SendAsync(HttpRequestMessage request, ErrorTranslator.Subject subject, CallContext call)
        {
            ApiResponse response;
            try
            {
                response = await _sender.SendAsync(request, subject, call).ConfigureAwait(false);
            }
            catch (OpenStackException e) when (e.Kind == OpenStackErrorKind.ApiNotAvailable)
            {
                throw await _versions.ExplainAsync(e, call).ConfigureAwait(false);
            }
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
