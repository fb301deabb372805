using System.Net;
using System.Text.Json;
using OpenStackSnapshot.Emulator.Cinder;
using Xunit;

namespace OpenStackSnapshot.Emulator.Tests.BlockStorage;

/// <summary>Helpers for Cinder's v3 routes: the demo project's catalog URL and the pinned version header.</summary>
public abstract class BlockStorageTest : EmulatorTest
{
    public const string Volume = "volume/v3/" + Seed.DemoProjectId + "/";
    public const string AdminVolume = "volume/v3/" + Seed.AdminProjectId + "/";

    /// <summary>The microversion the client pins (BlockStorageMicroversion.Pinned; docs/cinder.md says why).</summary>
    public const string PinnedVersion = "3.31";

    public static readonly (string, string) Pinned = At(PinnedVersion);

    public static (string Name, string Value) At(string version) => ("OpenStack-API-Version", "volume " + version);

    public static string CinderBody(string volumeId = Seed.VolumeData01, string extra = "\"name\": \"bs-1\"") =>
        "{\"snapshot\": {\"volume_id\": \"" + volumeId + "\"" + (extra.Length > 0 ? ", " + extra : "") + "}}";

    protected Task<string> AdminTokenAsync() => TokenAsync("admin", "admin-secret", "admin");

    /// <summary>Creates a snapshot through Cinder that must be accepted; returns its view.</summary>
    protected async Task<JsonElement> CinderCreateAsync(string token, string body, string version = PinnedVersion)
    {
        using var response = await PostAsync(Volume + "snapshots", token, body, At(version));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await JsonAsync(response)).GetProperty("snapshot");
    }

    /// <summary>A snapshot of data-01 made through Cinder for the demo member, with the metadata given (a JSON object).</summary>
    protected async Task<(string Token, string Id)> CinderSnapshotAsync(string metadata)
    {
        var token = await TokenAsync();
        var id = (await CinderCreateAsync(token, CinderBody(extra: "\"metadata\": " + metadata))).GetProperty("id").GetString()!;
        return (token, id);
    }

    protected async Task<JsonElement> CinderGetAsync(string path, string token, string version = PinnedVersion)
    {
        using var response = await GetAsync(path, token, At(version));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await JsonAsync(response);
    }

    public static string[] Keys(JsonElement obj) => obj.EnumerateObject().Select(p => p.Name).ToArray();

    public static string Names(JsonElement list) =>
        string.Join(",", list.GetProperty("snapshots").EnumerateArray().Select(s => s.GetProperty("name").GetString()));

    public static void AssertVolumeVersion(HttpResponseMessage response, string version)
    {
        Assert.Equal("volume " + version, Header(response, "OpenStack-API-Version"));
        Assert.Equal(["OpenStack-API-Version"], response.Headers.Vary);
    }

    public static string[] DetailKeysAtPinned =>
    [
        "id", "created_at", "updated_at", "name", "description", "volume_id", "status", "size", "metadata",
        "group_snapshot_id",
    ];

    internal static IReadOnlyList<string> AllKeys => BlockStorageRouteKeys.All;
}
