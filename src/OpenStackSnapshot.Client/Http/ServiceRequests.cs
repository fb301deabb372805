using System;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using OpenStackSnapshot.Client.Errors;
using OpenStackSnapshot.Client.Snapshots;

namespace OpenStackSnapshot.Client.Http
{
    /// <summary>
    /// What every request to one API endpoint shares, whichever API it is: the catalog URL, the microversion headers,
    /// sending through the session's pipeline (retries, renewal, breaker, logging) and reading the answer.
    /// </summary>
    internal abstract class ServiceRequests
    {
        private readonly ApiSender _sender;
        private readonly string _base;

        protected ServiceRequests(ApiSender sender, Uri endpoint)
        {
            _sender = sender;
            _base = endpoint.ToString().TrimEnd('/') + "/";
        }

        /// <summary>What this API's error answers mean (and how errors name it).</summary>
        public abstract ApiFaults Faults { get; }

        /// <summary>Puts the pinned microversion on a request.</summary>
        protected abstract void AddVersion(HttpRequestMessage request);

        /// <param name="target">What the request acts on, for its error messages; none for a listing.</param>
        public ApiRequest Request(HttpMethod method, string relative, RequestTarget? target = null)
        {
            var request = new ApiRequest(method, new Uri(_base + relative), Faults, target);
            AddVersion(request);
            return request;
        }

        /// <summary>{collection}/{id}, with the id checked and escaped.</summary>
        public static string ItemPath(string collection, string id, string itemName)
        {
            var problem = SnapshotInput.IdProblem(id, itemName.ToLowerInvariant() + " id");
            if (problem != null) throw new OpenStackException(OpenStackErrorKind.InvalidArgument, problem);
            return collection + "/" + Uri.EscapeDataString(id.Trim());
        }

        public virtual async Task<ApiResponse> SendAsync(ApiRequest request, CallContext call)
        {
            var response = await _sender.SendAsync(request, call).ConfigureAwait(false);
            response.Message.Dispose();
            return response;
        }

        public async Task<T> ReadAsync<T>(ApiRequest request, CallContext call, Func<JsonElement, T> read)
        {
            var response = await SendAsync(request, call).ConfigureAwait(false);
            return ApiSender.Read(response, request, read);
        }

        /// <summary>GET {collection}/{id}; a 404 names the item ("Snapshot", "Volume").</summary>
        public async Task<T> GetItemAsync<T>(string collection, string itemName, string id, CallContext call, Func<JsonElement, T> read)
        {
            using var request = Request(HttpMethod.Get, ItemPath(collection, id, itemName), RequestTarget.Item(itemName));
            return await ReadAsync(request, call, read).ConfigureAwait(false);
        }

        /// <summary>
        /// DELETE answers 202 and deletes asynchronously. It is retried like a read when its answer was lost (502,
        /// 504, a timeout, a reset); a 404 after such a retry means the first attempt did delete it, so it is done.
        /// </summary>
        public async Task DeleteItemAsync(string collection, string itemName, string id, CallContext call)
        {
            using var request = Request(HttpMethod.Delete, ItemPath(collection, id, itemName), RequestTarget.Deletion(itemName, id));
            try
            {
                await SendAsync(request, call).ConfigureAwait(false);
            }
            catch (OpenStackException e) when (e.Kind == OpenStackErrorKind.NotFound && e.Retries > 0)
            {
                // deleted by an attempt whose answer was lost
            }
        }
    }
}
