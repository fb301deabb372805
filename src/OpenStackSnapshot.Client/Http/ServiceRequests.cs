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

        public HttpRequestMessage Request(HttpMethod method, string relative)
        {
            var request = new HttpRequestMessage(method, new Uri(_base + relative));
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

        /// <summary>What a request of this API is about, for its error messages.</summary>
        public ErrorTranslator.Subject Subject(string? itemName = null) => new ErrorTranslator.Subject(Faults) { ItemName = itemName };

        public virtual async Task<ApiResponse> SendAsync(HttpRequestMessage request, ErrorTranslator.Subject subject, CallContext call)
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

        /// <summary>GET {collection}/{id}; a 404 names the item ("Snapshot", "Volume").</summary>
        public async Task<T> GetItemAsync<T>(string collection, string itemName, string id, CallContext call, Func<JsonElement, T> read)
        {
            using var request = Request(HttpMethod.Get, ItemPath(collection, id, itemName));
            return await ReadAsync(request, Subject(itemName), call, read).ConfigureAwait(false);
        }

        /// <summary>
        /// DELETE answers 202 and deletes asynchronously. It is retried like a read when its answer was lost (502,
        /// 504, a timeout, a reset); a 404 after such a retry means the first attempt did delete it, so it is done.
        /// </summary>
        public Task DeleteItemAsync(string collection, string itemName, string id, CallContext call)
        {
            var subject = Subject(itemName);
            subject.ItemId = id;
            subject.Deletes = true;
            return DeleteAsync(ItemPath(collection, id, itemName), subject, call);
        }

        /// <summary>DELETE of any path, with the same reading of a 404 after a retry.</summary>
        private async Task DeleteAsync(string relative, ErrorTranslator.Subject subject, CallContext call)
        {
            using var request = Request(HttpMethod.Delete, relative);
            try
            {
                await SendAsync(request, subject, call).ConfigureAwait(false);
            }
            catch (OpenStackException e) when (e.Kind == OpenStackErrorKind.NotFound && RequestTags.Find(request)?.Retries?.Total > 0)
            {
                // deleted by an attempt whose answer was lost
            }
        }
    }
}
