using System;
using System.Net.Http;
using OpenStackSnapshot.Client.Errors;
using OpenStackSnapshot.Client.Http;

namespace OpenStackSnapshot.Client.BlockStorage
{
    /// <summary>Cinder v3's endpoint: the catalog's block-storage URL and the pinned microversion.</summary>
    internal sealed class BlockStorageEndpoint : ApiEndpoint
    {
        public BlockStorageEndpoint(ApiSender sender, Uri blockStorageUrl) : base(sender, blockStorageUrl)
        {
        }

        public override ApiFaults Faults => BlockStorageFaults.Instance;

        protected override void AddVersion(HttpRequestMessage request) =>
            request.Headers.TryAddWithoutValidation(OpenStackHeaders.Microversion, "volume " + BlockStorageMicroversion.Pinned);

        /// <summary>A request at another microversion than the pinned one, on that request only (the revert action needs 3.40).</summary>
        public ApiRequest RequestAt(string microversion, HttpMethod method, string relative, RequestTarget target)
        {
            var request = Request(method, relative, target);
            request.Headers.Remove(OpenStackHeaders.Microversion);
            request.Headers.TryAddWithoutValidation(OpenStackHeaders.Microversion, "volume " + microversion);
            return request;
        }
    }
}
