using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using OpenStackSnapshot.Client.Errors;
using OpenStackSnapshot.Client.Http;
using OpenStackSnapshot.Client.Services;

namespace OpenStackSnapshot.Client.Compute
{
    /// <summary>What every Nova request shares: the catalog's compute URL and the pinned microversion.</summary>
    internal sealed class ComputeRequests : ServiceRequests
    {
        private readonly string _microversion;
        private readonly ComputeVersionProbe _versions;
        private readonly bool _blockStorageOffered;

        /// <param name="blockStorageOffered">The catalog has a block-storage endpoint, so errors the proxy alone causes can name that API.</param>
        public ComputeRequests(ApiSender sender, Uri computeUrl, ComputeMicroversion microversion, bool blockStorageOffered = false)
            : base(sender, computeUrl)
        {
            _microversion = microversion.ToString();
            _versions = new ComputeVersionProbe(sender, computeUrl, microversion);
            _blockStorageOffered = blockStorageOffered;
        }

        public override ApiFaults Faults => ComputeFaults.Instance;

        protected override void AddVersion(HttpRequestMessage request)
        {
            request.Headers.TryAddWithoutValidation(OpenStackHeaders.NovaMicroversion, _microversion);
            request.Headers.TryAddWithoutValidation(OpenStackHeaders.Microversion, "compute " + _microversion);
        }

        /// <summary>One page of GET {collection}/detail; Nova has no marker, so pages go by offset.</summary>
        public async Task<IReadOnlyList<T>> GetPageAsync<T>(string collection, int limit, int offset, CallContext call, Func<JsonElement, IReadOnlyList<T>> read)
        {
            if (limit < 0 || offset < 0) throw new OpenStackException(OpenStackErrorKind.InvalidArgument, "The page limit and offset cannot be negative.");
            var query = string.Format(CultureInfo.InvariantCulture, "{0}/detail?limit={1}&offset={2}", collection, limit, offset);
            using var request = Request(HttpMethod.Get, query);
            return await ReadAsync(request, Subject(), call, read).ConfigureAwait(false);
        }

        public override async Task<ApiResponse> SendAsync(HttpRequestMessage request, ErrorTranslator.Subject subject, CallContext call)
        {
            try
            {
                return await base.SendAsync(request, subject, call).ConfigureAwait(false);
            }
            catch (OpenStackException e) when (e.Kind == OpenStackErrorKind.ApiNotAvailable)
            {
                throw Offer(await _versions.ExplainAsync(e, call).ConfigureAwait(false));
            }
            catch (OpenStackException e) when (e.Kind == OpenStackErrorKind.Forbidden && RefusedByTheProxy(e))
            {
                throw Offer(e); // the proxy's own policy may refuse what block storage allows
            }
        }

        // Only a refusal naming the proxy or its policy (os_compute_api:os-volumes:snapshots:*); a plain role or quota refusal would follow to Cinder.
        private static bool RefusedByTheProxy(OpenStackException e) =>
            e.ServerMessage is string message
            && (message.IndexOf("os-snapshots", StringComparison.OrdinalIgnoreCase) >= 0
                || message.IndexOf("os_compute_api:os-volumes:snapshots", StringComparison.OrdinalIgnoreCase) >= 0);

        private OpenStackException Offer(OpenStackException e) => _blockStorageOffered ? e.WithBetterApi(SnapshotApi.BlockStorage) : e;
    }
}
