using System;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using OpenStackSnapshot.Client.Errors;

namespace OpenStackSnapshot.Client.Http
{
    /// <summary>
    /// One API's endpoint, whichever API it is: the catalog URL, the microversion headers, its fault classifier,
    /// sending through the session's pipeline (retries, renewal, breaker, logging) and reading the answer.
    /// Paths come from the API's urls; what the answer means, from its result readers.
    /// </summary>
    internal abstract class ApiEndpoint
    {
        private readonly ApiSender _sender;
        private readonly string _base;

        protected ApiEndpoint(ApiSender sender, Uri endpoint)
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

        public virtual async Task<ApiResponse> SendAsync(ApiRequest request, CallContext call)
        {
            var response = await _sender.SendAsync(request, call).ConfigureAwait(false);
            response.Message.Dispose();
            return response;
        }

        /// <summary>Sends the request (and disposes it) and reads its answer.</summary>
        public async Task<T> ReadAsync<T>(ApiRequest request, CallContext call, Func<JsonElement, T> read)
        {
            using (request)
            {
                var response = await SendAsync(request, call).ConfigureAwait(false);
                return ApiSender.Read(response, request, read);
            }
        }

        /// <summary>GET one item; a 404 names it ("Snapshot", "Volume").</summary>
        public Task<T> GetAsync<T>(string path, string itemName, CallContext call, Func<JsonElement, T> read) =>
            ReadAsync(Request(HttpMethod.Get, path, RequestTarget.Item(itemName)), call, read);

        /// <summary>
        /// DELETE answers 202 and deletes asynchronously. It is retried like a read when its answer was lost (502,
        /// 504, a timeout, a reset); a 404 after such a retry means the first attempt did delete it, so it is done.
        /// </summary>
        public async Task DeleteAsync(string path, string itemName, string id, CallContext call)
        {
            using var request = Request(HttpMethod.Delete, path, RequestTarget.Deletion(itemName, id));
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

    /// <summary>
    /// One request to an OpenStack API that knows what its error answers mean: its API's faults and what it acts on,
    /// so the sender reads an error once, where it arrives, and nothing passes that knowledge along beside it.
    /// </summary>
    internal sealed class ApiRequest : HttpRequestMessage
    {
        public ApiRequest(HttpMethod method, Uri uri, ApiFaults faults, RequestTarget? target = null)
            : base(method, uri)
        {
            Faults = faults;
            Target = target ?? RequestTarget.None;
        }

        public ApiFaults Faults { get; }
        public RequestTarget Target { get; }

        /// <summary>The failure an error answer to this request means.</summary>
        public OpenStackException Refused(Exchange answer) => Faults.Read(answer, Target).Exception(answer);
    }
}
