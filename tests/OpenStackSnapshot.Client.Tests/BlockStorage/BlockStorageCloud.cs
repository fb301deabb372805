using System.Text.Json.Nodes;
using OpenStackSnapshot.Client.Models;
using OpenStackSnapshot.Client.Paging;

namespace OpenStackSnapshot.Client.Tests.BlockStorage;

/// <summary>Sessions on Cinder's block-storage API over a <see cref="FakeTransport"/>, and Cinder's bodies.</summary>
internal static class BlockStorageCloud
{
    public const string SnapshotId = "fe06e9f2-e6b0-47d1-a63e-c0a15ad51994";
    public const string SnapshotsUrl = FakeTransport.BlockStorageUrl + "/snapshots";

    public static JsonArray Catalog(string blockStorageType = "block-storage") => FakeTransport.Catalog(
        ("identity", "public", "RegionOne", FakeTransport.AuthUrl),
        ("compute", "public", "RegionOne", FakeTransport.ComputeUrl),
        (blockStorageType, "public", "RegionOne", FakeTransport.BlockStorageUrl));

    /// <summary>Signs in (the token answer is scripted here) with Api = BlockStorage.</summary>
    public static Task<OpenStackSession> ConnectAsync(FakeTransport fake, Action<ConnectionOptions>? configure = null)
    {
        fake.ThenToken(catalog: Catalog());
        return TestCloud.ConnectAsync(fake, o => { o.Api = SnapshotApi.BlockStorage; configure?.Invoke(o); });
    }

    /// <summary>One snapshot as Cinder v3 shows it (the owner's view: the extended attributes included).</summary>
    public static string Snapshot(
        string id = SnapshotId, string status = "available", string name = "nightly", string metadata = """{"managed-by": "nightly-runbook"}""") =>
        $$$"""{"id": "{{{id}}}", "created_at": "2025-06-12T14:56:30.000000", "updated_at": null, "name": "{{{name}}}","""
        + $$$""" "description": "Daily backup", "volume_id": "{{{TestCloud.VolumeId}}}", "status": "{{{status}}}", "size": 10,"""
        + $$$""" "metadata": {{{metadata}}}, "os-extended-snapshot-attributes:project_id": "p-123","""
        + """ "os-extended-snapshot-attributes:progress": "100%"}""";

    public static string One(string snapshot) => $$"""{"snapshot": {{snapshot}}}""";

    /// <summary>{"snapshots": [...]} with a next link when <paramref name="next"/> is given (Cinder links only a full page).</summary>
    public static string Page(IEnumerable<string> snapshots, string? next = null) =>
        $$"""{"snapshots": [{{string.Join(", ", snapshots)}}]{{(next == null ? "" : NextLink(next))}}}""";

    private static string NextLink(string marker) =>
        $$$""", "snapshots_links": [{"href": "{{{SnapshotsUrl}}}/detail?limit=1000&marker={{{marker}}}", "rel": "next"}]""";

    /// <summary>The query of a recorded URL as name → decoded value.</summary>
    public static Dictionary<string, string> Query(string url) =>
        new Uri(url).Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => Uri.UnescapeDataString(p[1]));
}
