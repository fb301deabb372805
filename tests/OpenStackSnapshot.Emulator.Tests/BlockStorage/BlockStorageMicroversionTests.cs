using System.Net;
using Xunit;

namespace OpenStackSnapshot.Emulator.Tests.BlockStorage;

/// <summary>Cinder's OpenStack-API-Version handling, keys added by version, auth and the project id in the path.</summary>
public sealed class BlockStorageMicroversionTests : BlockStorageTest
{
    [Theory]
    [InlineData(null, "3.0")]
    [InlineData("volume 3.41", "3.41")]
    [InlineData("volume latest", "3.70")]
    [InlineData("compute 2.1, volume 3.10", "3.10")]
    public async Task The_version_asked_for_is_echoed(string? header, string version)
    {
        var token = await TokenAsync();

        using var response = header is null
            ? await GetAsync(Volume + "snapshots", token)
            : await GetAsync(Volume + "snapshots", token, ("OpenStack-API-Version", header));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertVolumeVersion(response, version);
    }

    [Fact]
    public async Task Out_of_range_is_406_echoing_it_and_malformed_is_400_without_echo()
    {
        var token = await TokenAsync();

        using var high = await GetAsync(Volume + "snapshots", token, At("3.71"));
        using var low = await GetAsync(Volume + "snapshots", token, At("2.0"));
        using var bad = await GetAsync(Volume + "snapshots", token, At("3.abc"));
        using var computeOnly = await GetAsync(Volume + "snapshots", token, ("OpenStack-API-Version", "compute 2.1"));

        await AssertFaultAsync(high, 406, "computeFault", "Version 3.71 is not supported by the API. Minimum is 3.0 and maximum is 3.70.");
        AssertVolumeVersion(high, "3.71");
        await AssertFaultAsync(low, 406, "computeFault", "Version 2.0 is not supported by the API. Minimum is 3.0 and maximum is 3.70.");
        Assert.Equal("", Header(low, "OpenStack-API-Version")); // Cinder takes "2.0" for its retired v2 API
        await AssertFaultAsync(bad, 400, "badRequest", "API Version String 3.abc is of invalid format. Must be of format MajorNum.MinorNum.");
        Assert.Equal("", Header(bad, "OpenStack-API-Version"));
        Assert.Equal(HttpStatusCode.BadRequest, computeOnly.StatusCode);
    }

    [Theory]
    [InlineData("3.13", new string[0])]
    [InlineData("3.14", new[] { "group_snapshot_id" })]
    [InlineData("3.41", new[] { "group_snapshot_id", "user_id" })]
    [InlineData("3.65", new[] { "group_snapshot_id", "user_id", "consumes_quota" })]
    public async Task Snapshot_detail_keys_grow_with_the_version(string version, string[] added)
    {
        var token = await TokenAsync();

        var snapshot = await CinderCreateAsync(token, CinderBody(), version);

        Assert.Equal(["id", "created_at", "updated_at", "name", "description", "volume_id", "status", "size", "metadata", .. added], Keys(snapshot));
        if (added.Contains("user_id"))
            Assert.Equal(Seed.DemoUserId, snapshot.GetProperty("user_id").GetString());
    }

    [Fact]
    public async Task Without_a_token_the_auth_middleware_answers_401_without_a_version()
    {
        using var response = await GetAsync(Volume + "snapshots", null, Pinned);

        await AssertUnauthorizedAsync(response);
    }

    [Fact]
    public async Task The_path_may_omit_the_project_but_not_name_another()
    {
        var token = await TokenAsync();

        using var without = await GetAsync("volume/v3/snapshots", token, Pinned);
        using var other = await GetAsync("volume/v3/" + Seed.TinyProjectId + "/snapshots", token, Pinned);

        Assert.Equal(HttpStatusCode.OK, without.StatusCode);
        await AssertFaultAsync(other, 400, "badRequest", "Malformed request url");
    }

    [Theory]
    [InlineData("PATCH", "snapshots/x")]
    [InlineData("PATCH", "volumes")]
    [InlineData("GET", "backups")]
    [InlineData("DELETE", "snapshots/x/metadata")]
    public async Task A_method_or_path_cinder_lacks_is_the_routers_404(string method, string path)
    {
        var token = await TokenAsync();

        using var response = await SendAsync(new HttpMethod(method), Volume + path, token, null, ("Accept", "application/json"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("404 Not Found", (await JsonAsync(response)).GetProperty("code").GetString());
    }
}
