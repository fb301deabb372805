using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using OpenStackSnapshot.Client.Errors;
using OpenStackSnapshot.Client.Http;

namespace OpenStackSnapshot.Client.Compute
{
    /// <summary>What every Nova request shares: the catalog's compute URL and the pinned microversion.</summary>
    internal sealed class ComputeRequests : ServiceRequests
    {
        private readonly string _microversion;
        private readonly ComputeVersionProbe _versions;

        /// <param name="blockStorageOffered">The catalog has a block-storage endpoint, so errors the proxy alone causes can name that API.</param>
        public ComputeRequests(ApiSender sender, Uri computeUrl, ComputeMicroversion microversion, bool blockStorageOffered = false)
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

        /// <summary>One page of GET {collection}/detail; Nova has no marker, so pages go by offset.</summary>
        public async Task<IReadOnlyList<T>> GetPageAsync<T>(string collection, int limit, int offset, CallContext call,
            Func<JsonElement, IReadOnlyList<T>> read)
        {
            if (limit < 0 || offset < 0)
                throw new OpenStackException(OpenStackErrorKind.InvalidArgument, "The page limit and offset cannot be negative.");
            var query = string.Format(CultureInfo.InvariantCulture, "{0}/detail?limit={1}&offset={2}", collection, limit, offset);
            using var request = Request(HttpMethod.Get, query);
            return await ReadAsync(request, call, read).ConfigureAwait(false);
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
