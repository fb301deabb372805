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
            compute.Add(Endpoint(StableId("compute", prefix), iface, region,
                ComputeUrl(baseUri, prefix, computeWithProject, projectId)));
        }

        var identity = new JsonArray();
        foreach (var iface in new[] { "public", "internal", "admin" })
        {
            identity.Add(Endpoint(StableId("identity", iface), iface, Seed.RegionOne, IdentityUrl(baseUri)));
        }

        return
        [
            new JsonObject
            {
                ["endpoints"] = compute,
                ["id"] = StableId("service", "compute"),
                ["type"] = "compute",
                ["name"] = "nova",
            },
            new JsonObject
            {
                ["endpoints"] = identity,
                ["id"] = StableId("service", "identity"),
                ["type"] = "identity",
                ["name"] = "keystone",
            },
        ];
    }

    private static JsonObject Endpoint(string id, string iface, string region, string url) => new()
    {
        ["id"] = id,
        ["interface"] = iface,
        ["region_id"] = region,
        ["url"] = url,
        ["region"] = region,
    };

    // Keystone ids are 32 hex digits; derive them from names so they stay the same run after run.
    private static string StableId(string kind, string name) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(kind + "/" + name)).AsSpan(0, 16));
}
