using System;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using OpenStackSnapshot.Client.Errors;
using OpenStackSnapshot.Client.Http;
using OpenStackSnapshot.Client.Wire;

namespace OpenStackSnapshot.Client.Compute
{
    /// <summary>
    /// When os-snapshots answers 404, reads Nova's v2.1 version document once per session to say why: the chosen
    /// microversion is above what the endpoint serves, the proxy API is switched off, or the endpoint is not Nova.
    /// </summary>
    internal sealed class ComputeVersionProbe
    {
        private readonly ApiSender _sender;
        private readonly Uri _versionUrl;
        private readonly ComputeMicroversion _microversion;
        private readonly ApiFaults _faults;
        // Only a finished finding is kept: a probe cancelled by its caller's Ctrl+C must not spoil later 404s.
        private volatile string? _finding;

        public ComputeVersionProbe(ApiSender sender, Uri computeUrl, ComputeMicroversion microversion, ApiFaults faults)
        {
            _sender = sender;
            _microversion = microversion;
            _faults = faults;
            _versionUrl = VersionUrl(computeUrl);
        }

        /// <summary>{.../v2.1}/, dropping a project id that the catalog URL may end in.</summary>
        internal static Uri VersionUrl(Uri computeUrl)
        {
            var text = computeUrl.GetLeftPart(UriPartial.Path).TrimEnd('/');
            var at = text.LastIndexOf("/v2.1", StringComparison.OrdinalIgnoreCase);
            return new Uri((at >= 0 ? text.Substring(0, at + 5) : text) + "/");
        }

        public async Task<OpenStackException> ExplainAsync(OpenStackException notFound, CallContext call)
        {
            var finding = _finding ??= await FindAsync(call).ConfigureAwait(false);
            var message = Sentences.Join($"{notFound.Message} (microversion {_microversion})", finding);
            return notFound.WithMessage(message, notFound.RecommendedAction);
        }

        private async Task<string> FindAsync(CallContext call)
        {
            using var request = new ApiRequest(HttpMethod.Get, _versionUrl, _faults);
            try
            {
                var response = await _sender.SendAsync(request, call).ConfigureAwait(false);
                using (response.Message)
                {
                    var (min, max, maxMinor) = ApiSender.Read(response, request, Range);
                    if (maxMinor < _microversion.Minor)
                        return $"The endpoint's version document ({_versionUrl.AbsoluteUri}) says it serves microversions {min} to {max}: "
                            + "choose a compute API version in that range.";
                    return $"The endpoint's version document ({_versionUrl.AbsoluteUri}) says it is Nova's v2.1 API "
                        + $"with microversions {min} to {max}, so it lacks the os-snapshots proxy API: "
                        + "the cloud has switched it off or removed it.";
                }
            }
            catch (Exception e) when (!call.Cancellation.IsCancellationRequested)
            {
                // The probe only explains the 404: whatever it meets, the 404 is what the caller gets.
                var why = e is OpenStackException o ? o.StatusCode?.ToString() ?? o.Kind.ToString() : e.GetType().Name;
                return $"Its version document {_versionUrl.AbsoluteUri} could not be read ({why}), "
                    + "so the catalog's compute endpoint may not be Nova's v2.1 API.";
            }
        }

        private static (string Min, string Max, int? MaxMinor) Range(JsonElement root)
        {
            var version = ResponseShape.Member(root, "version", JsonValueKind.Object);
            var max = JsonRead.Text(version, "version") ?? "2.1";
            var min = JsonRead.Text(version, "min_version") ?? "2.1";
            var parts = max.Split('.');
            return (min, max, parts.Length == 2 && int.TryParse(parts[1], out var minor) ? minor : (int?)null);
        }
    }
}
