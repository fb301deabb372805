using System.Text.Json.Nodes;
using OpenStackSnapshot.Emulator.Http;
using OpenStackSnapshot.Emulator.State;

namespace OpenStackSnapshot.Emulator.Nova;

/// <summary>Compute version discovery (no token): <c>GET {prefix}/</c> lists versions, <c>GET {prefix}/v2.1/</c> shows one.</summary>
internal sealed class VersionEndpoints(EmulatorState state)
{
    public Reply Handle(ComputeAction action, PathString path)
    {
        // Links point back at the prefix the client used (compute, compute-internal, ...).
        var prefix = path.Value!.TrimStart('/').Split('/')[0];
        var root = new Uri(state.BaseUri, prefix + "/").ToString();
        return action == ComputeAction.VersionList
            ? Reply.Json(200, new JsonObject { ["versions"] = new JsonArray(V20(root, summary: true), V21(root, summary: true)) })
            : Reply.Json(200, new JsonObject { ["version"] = V21(root, summary: false) });
    }

    private static JsonObject V20(string root, bool summary) =>
        Version(root, "v2.0", "v2", "SUPPORTED", "", "", "2011-01-21T11:33:21Z", "2", summary);

    private static JsonObject V21(string root, bool summary) =>
        Version(root, "v2.1", "v2.1", "CURRENT", Microversion.Max.ToString(), Microversion.Min.ToString(), "2013-07-23T11:33:21Z", "2.1", summary);

    // The list shows id, status, versions, updated and a self link; the single document adds describedby and media-types.
    private static JsonObject Version(
        string root, string id, string path, string status, string version, string minVersion, string updated, string mediaVersion, bool summary)
    {
        var links = new JsonArray(new JsonObject { ["rel"] = "self", ["href"] = root + path + "/" });
        var doc = new JsonObject
        {
            ["id"] = id,
            ["status"] = status,
            ["version"] = version,
            ["min_version"] = minVersion,
            ["updated"] = updated,
            ["links"] = links,
        };
        if (summary) return doc;

        links.Add(new JsonObject { ["rel"] = "describedby", ["type"] = "text/html", ["href"] = "http://docs.openstack.org/" });
        doc["media-types"] = new JsonArray(new JsonObject
        {
            ["base"] = "application/json",
            ["type"] = "application/vnd.openstack.compute+json;version=" + mediaVersion,
        });
        return doc;
    }
}
