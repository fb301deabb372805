using System;
using System.Collections.Generic;
using System.Linq;
using OpenStackSnapshot.Client.Errors;

namespace OpenStackSnapshot.Client.Auth
{
    /// <summary>Picks an endpoint the way the openstack CLI does: by service type, then interface, then region.</summary>
    internal static class ServiceCatalog
    {
        public static CatalogEndpoint Find(IReadOnlyList<CatalogEndpoint> catalog, string serviceType, string @interface, string? region)
        {
            var match = catalog.FirstOrDefault(e =>
                string.Equals(e.ServiceType, serviceType, StringComparison.OrdinalIgnoreCase) &&
                string.Equals(e.Interface, @interface, StringComparison.OrdinalIgnoreCase) &&
                (region == null || string.Equals(e.Region, region, StringComparison.Ordinal)));
            if (match != null && Uri.TryCreate(match.Url.TrimEnd('/'), UriKind.Absolute, out _)) return match;

            var offered = catalog.Where(e => string.Equals(e.ServiceType, serviceType, StringComparison.OrdinalIgnoreCase))
                .Select(e => $"{e.Interface} in {e.Region ?? "(no region)"}").Distinct().ToList();
            var wanted = $"'{serviceType}' endpoint with interface '{@interface}'{(region != null ? $" in region '{region}'" : string.Empty)}";
            var message = offered.Count == 0
                ? $"The service catalog has no '{serviceType}' service, so no {wanted} can be used."
                : $"The service catalog has no {wanted}; it offers: {string.Join(", ", offered)}.";
            return Throw(message);
        }

        private static CatalogEndpoint Throw(string message) =>
            throw new OpenStackException(OpenStackErrorKind.EndpointNotFound, message)
            {
                RecommendedAction = "Choose a region and an interface that the catalog offers (region_name, interface), or ask the cloud's operator which to use.",
            };
    }
}
