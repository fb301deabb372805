using System;
using System.Collections.Generic;
using System.Linq;
using OpenStackSnapshot.Client.Errors;

namespace OpenStackSnapshot.Client.Auth
{
    /// <summary>Picks an endpoint the way the openstack CLI does: by service type, then interface, then region.</summary>
    internal static class ServiceCatalog
    {
        /// <summary>Cinder registers its v3 API as block-storage, and on older clouds as volumev3: tried in that order.</summary>
        public static readonly string[] BlockStorageTypes = { "block-storage", "volumev3" };

        public static CatalogEndpoint Find(IReadOnlyList<CatalogEndpoint> catalog, string serviceType, string @interface, string? region) =>
            Find(catalog, new[] { serviceType }, @interface, region);

        /// <summary>The first of the service types with an endpoint of this interface (and region); the error lists what each offers.</summary>
        public static CatalogEndpoint Find(IReadOnlyList<CatalogEndpoint> catalog, IReadOnlyList<string> serviceTypes, string @interface,
            string? region)
        {
            var match = serviceTypes.Select(type => Match(catalog, type, @interface, region)).FirstOrDefault(e => e != null);
            if (match != null) return match;

            var offered = catalog.Where(e => serviceTypes.Contains(e.ServiceType, StringComparer.OrdinalIgnoreCase))
                .Select(e => $"{e.Interface} in {e.Region ?? "(no region)"}{(serviceTypes.Count > 1 ? $" ({e.ServiceType})" : string.Empty)}")
                .Distinct().ToList();
            var types = string.Join("' or '", serviceTypes);
            var wanted = $"'{types}' endpoint with interface '{@interface}'{(region != null ? $" in region '{region}'" : string.Empty)}";
            var message = offered.Count == 0
                ? $"The service catalog has no '{types}' service, so no {wanted} can be used."
                : $"The service catalog has no {wanted}; it offers: {string.Join(", ", offered)}.";
            return Throw(message);
        }

        /// <summary>Whether any of the service types has a usable endpoint of this interface (and region).</summary>
        public static bool Offers(IReadOnlyList<CatalogEndpoint> catalog, IReadOnlyList<string> serviceTypes, string @interface, string? region) =>
            serviceTypes.Any(type => Match(catalog, type, @interface, region) != null);

        private static CatalogEndpoint? Match(IReadOnlyList<CatalogEndpoint> catalog, string serviceType, string @interface, string? region)
        {
            var match = catalog.FirstOrDefault(e =>
                string.Equals(e.ServiceType, serviceType, StringComparison.OrdinalIgnoreCase) &&
                string.Equals(e.Interface, @interface, StringComparison.OrdinalIgnoreCase) &&
                (region == null || string.Equals(e.Region, region, StringComparison.Ordinal)));
            return match != null && Uri.TryCreate(match.Url.TrimEnd('/'), UriKind.Absolute, out _) ? match : null;
        }

        private static CatalogEndpoint Throw(string message) =>
            throw new OpenStackException(OpenStackErrorKind.EndpointNotFound, message,
                "Choose a region and an interface that the catalog offers (region_name, interface), or ask the cloud's operator which to use.");
    }
}
