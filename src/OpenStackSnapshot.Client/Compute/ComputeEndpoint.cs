using System;
using System.Net.Http;
using System.Threading.Tasks;
using OpenStackSnapshot.Client.Errors;
using OpenStackSnapshot.Client.Http;

namespace OpenStackSnapshot.Client.Compute
{
    /// <summary>Nova's endpoint: the catalog's compute URL, the pinned microversion, and a missing route explained.</summary>
    internal sealed class ComputeEndpoint : ApiEndpoint
    {
        private readonly string _microversion;
        private readonly ComputeVersionProbe _versions;

        /// <param name="blockStorageOffered">The catalog has a block-storage endpoint, so errors the proxy alone causes can name that API.</param>
        public ComputeEndpoint(ApiSender sender, Uri computeUrl, ComputeMicroversion microversion, bool blockStorageOffered = false)
            : base(sender, computeUrl)
        {
            _microversion = microversion.ToString();
            Faults = new ComputeFaults(blockStorageOffered);
            _versions = new ComputeVersionProbe(sender, computeUrl, microversion, Faults);
        }

        public override ApiFaults Faults { get; }

        protected override void AddVersion(HttpRequestMessage request)
        {
            request.Headers.TryAddWithoutValidation(OpenStackHeaders.NovaMicroversion, _microversion);
            request.Headers.TryAddWithoutValidation(OpenStackHeaders.Microversion, "compute " + _microversion);
        }

        /// <summary>A 404 for the route (or a microversion refused) is said with what Nova's version document tells.</summary>
        public override async Task<ApiResponse> SendAsync(ApiRequest request, CallContext call)
        {
            try
            {
                return await base.SendAsync(request, call).ConfigureAwait(false);
            }
            catch (OpenStackException e) when (e.Kind == OpenStackErrorKind.ApiNotAvailable)
            {
                throw await _versions.ExplainAsync(e, call).ConfigureAwait(false);
            }
        }
    }
}
