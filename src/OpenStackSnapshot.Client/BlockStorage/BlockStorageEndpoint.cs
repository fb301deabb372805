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
    }
}
