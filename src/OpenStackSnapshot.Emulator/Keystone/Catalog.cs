using System.Text.Json.Nodes;

namespace OpenStackSnapshot.Emulator.Keystone;

/// <summary>
/// The service catalog in tokens. Each compute endpoint has its own path prefix (all served by the same Nova)
/// so a client test can tell which interface and region its catalog lookup picked.
/// </summary>
internal static class Catalog
{
    /// <summary>Path prefix per compute endpoint: (prefix, interface, region).</summary>
    public static IReadOnlyList<(string Prefix, string Interface, string Region)> ComputeEndpoints { get; } =
    [
        ("compute", "public", Seed.RegionOne),
        ("compute-internal", "internal", Seed.RegionOne),
        ("compute-admin", "admin", Seed.RegionOne),
        ("compute-r2", "public", Seed.RegionTwo),
    ];

    public static bool IsComputePrefix(string segment) => ComputeEndpoints.Any(e => e.Prefix == segment);

    /// <summary>Path prefix per block-storage endpoint, as for compute: one Cinder behind them all.</summary>
    public static IReadOnlyList<(string Prefix, string Interface, string Region)> BlockStorageEndpoints { get; } =
    [
        ("volume", "public", Seed.RegionOne),
        ("volume-internal", "internal", Seed.RegionOne),
        ("volume-admin", "admin", Seed.RegionOne),
        ("volume-r2", "public", Seed.RegionTwo),
    ];

    /// <summary>The service types Cinder registers for its v3 API, each with the same endpoints (as devstack does).</summary>
    public static IReadOnlyList<(string Type, string Name)> BlockStorageServices { get; } = [("block-storage", "cinder"), ("volumev3", "cinderv3")];

    public static bool IsBlockStoragePrefix(string segment) => BlockStorageEndpoints.Any(e => e.Prefix == segment);

    /// <summary>Cinder's catalog URL always carries the project: <c>{base}{prefix}/v3/{project_id}</c>.</summary>
    public static string BlockStorageUrl(Uri baseUri, string prefix, string projectId) =>
        new Uri(baseUri, prefix + "/v3/" + projectId).ToString();

    /// <summary>The compute URL for a prefix: <c>{base}{prefix}/v2.1</c>, plus the project id when configured.</summary>
    public static string ComputeUrl(Uri baseUri, string prefix, bool withProject, string? projectId)
    {
        var url = new Uri(baseUri, prefix + "/v2.1").ToString();
        return withProject && projectId is not null ? url + "/" + projectId : url;
    }

    public static string IdentityUrl(Uri baseUri) => new Uri(baseUri, "identity/v3").ToString();

    public static JsonArray Build(Uri baseUri, bool computeWithProject, string projectId)
    {
        var compute = new JsonArray();
        foreach (var (prefix, iface, region) in ComputeEndpoints)
        {
            compute.Add(Endpoint(StableIds.Hex("compute", prefix), iface, region,
                ComputeUrl(baseUri, prefix, computeWithProject, projectId)));
        }

        var identity = new JsonArray();
        foreach (var iface in new[] { "public", "internal", "admin" })
        {
            identity.Add(Endpoint(StableIds.Hex("identity", iface), iface, Seed.RegionOne, IdentityUrl(baseUri)));
        }

        JsonArray catalog =
        [
            new JsonObject
            {
                ["endpoints"] = compute,
                ["id"] = StableIds.Hex("service", "compute"),
                ["type"] = "compute",
                ["name"] = "nova",
            },
            new JsonObject
            {
                ["endpoints"] = identity,
                ["id"] = StableIds.Hex("service", "identity"),
                ["type"] = "identity",
                ["name"] = "keystone",
            },
        ];
        foreach (var (type, name) in BlockStorageServices) catalog.Add(BlockStorageService(baseUri, type, name, projectId));
        return catalog;
    }

    private static JsonObject BlockStorageService(Uri baseUri, string type, string name, string projectId)
    {
        var endpoints = new JsonArray();
        foreach (var (prefix, iface, region) in BlockStorageEndpoints)
        {
            endpoints.Add(Endpoint(StableIds.Hex(type, prefix), iface, region, BlockStorageUrl(baseUri, prefix, projectId)));
        }

        return new JsonObject { ["endpoints"] = endpoints, ["id"] = StableIds.Hex("service", type), ["type"] = type, ["name"] = name };
    }

    private static JsonObject Endpoint(string id, string iface, string region, string url) => new()
    {
        ["id"] = id,
        ["interface"] = iface,
        ["region_id"] = region,
        ["url"] = url,
        ["region"] = region,
    };
}
