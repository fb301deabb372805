using System.Net;
using OpenStackSnapshot.Emulator.Cinder;
using Xunit;

namespace OpenStackSnapshot.Emulator.Tests.BlockStorage;

/// <summary>One cloud behind both APIs: the catalog lists Cinder, snapshots cross over, faults and counts apply alike.</summary>
public sealed class BlockStorageSharedStoreTests : BlockStorageTest
{
    [Fact]
    public async Task The_catalog_lists_block_storage_and_volumev3_with_project_urls_per_interface_and_region()
    {
        using var response = await AuthAsync(PasswordAuth("demo", "demo-secret"));
        var catalog = (await JsonAsync(response)).GetProperty("token").GetProperty("catalog");

        foreach (var type in new[] { "block-storage", "volumev3" })
        {
            var service = catalog.EnumerateArray().Single(s => s.GetProperty("type").GetString() == type);
            var endpoints = service.GetProperty("endpoints").EnumerateArray()
                .Select(e => $"{e.GetProperty("interface").GetString()} {e.GetProperty("region_id").GetString()} {e.GetProperty("url").GetString()}");
            Assert.Equal(
            [
                $"public RegionOne {Emu.BaseUri}volume/v3/{Seed.DemoProjectId}",
                $"internal RegionOne {Emu.BaseUri}volume-internal/v3/{Seed.DemoProjectId}",
                $"admin RegionOne {Emu.BaseUri}volume-admin/v3/{Seed.DemoProjectId}",
                $"public RegionTwo {Emu.BaseUri}volume-r2/v3/{Seed.DemoProjectId}",
            ], endpoints);
        }

        Assert.Equal($"{Emu.BaseUri}volume/v3/{Seed.DemoProjectId}", Emu.BlockStorageUrl);
    }

    [Theory]
    [InlineData("volume-internal")]
    [InlineData("volume-admin")]
    [InlineData("volume-r2")]
    public async Task Every_block_storage_prefix_serves_the_same_store(string prefix)
    {
        var token = await TokenAsync();
        var id = (await CinderCreateAsync(token, CinderBody())).GetProperty("id").GetString();

        var snapshot = await CinderGetAsync($"{prefix}/v3/{Seed.DemoProjectId}/snapshots/{id}", token);

        Assert.Equal(id, snapshot.GetProperty("snapshot").GetProperty("id").GetString());
    }

    [Fact]
    public async Task A_snapshot_made_through_nova_is_seen_through_cinder_and_the_other_way()
    {
        var token = await TokenAsync();
        var viaNova = await CreateSnapshotAsync(token, name: "from-nova");
        var viaCinder = await CinderCreateAsync(
            token, CinderBody(extra: "\"name\": \"from-cinder\", \"description\": \"d\", \"metadata\": {\"k\": \"v\"}"));

        var cinderView = (await CinderGetAsync(Volume + "snapshots/" + viaNova.GetProperty("id").GetString(), token)).GetProperty("snapshot");
        using var novaShow = await GetAsync(Compute + "os-snapshots/" + viaCinder.GetProperty("id").GetString(), token);
        var novaView = (await JsonAsync(novaShow)).GetProperty("snapshot");

        Assert.Equal("from-nova", cinderView.GetProperty("name").GetString());
        Assert.Equal("{}", cinderView.GetProperty("metadata").GetRawText());
        Assert.Equal("from-cinder", novaView.GetProperty("displayName").GetString());
        Assert.Equal("d", novaView.GetProperty("displayDescription").GetString());
        Assert.Equal(["id", "volumeId", "status", "size", "createdAt", "displayName", "displayDescription"], Keys(novaView));
    }

    [Fact]
    public async Task A_forced_status_shows_through_cinder_too()
    {
        var token = await TokenAsync();
        var id = (await CinderCreateAsync(token, CinderBody())).GetProperty("id").GetString()!;

        Assert.True(Emu.SetSnapshotStatus(id, "error"));
        var errored = await CinderGetAsync(Volume + "snapshots/detail?status=error", token);

        Assert.Equal(id, Assert.Single(errored.GetProperty("snapshots").EnumerateArray()).GetProperty("id").GetString());
    }

    [Fact]
    public async Task Injected_faults_and_counts_apply_to_cinder_routes()
    {
        var token = await TokenAsync();
        Emu.InjectFault(new FaultSpec { Route = BlockStorageRouteKeys.SnapshotsCreate, Status = 503, RetryAfter = "2" });

        using var faulted = await PostAsync(Volume + "snapshots", token, CinderBody(), Pinned);
        using var retried = await PostAsync(Volume + "snapshots", token, CinderBody(), Pinned);

        await AssertFaultAsync(faulted, 503, "serviceUnavailable", "The server is currently unavailable. Please try again at a later time.");
        Assert.Equal("2", Header(faulted, "Retry-After"));
        Assert.Equal(HttpStatusCode.Accepted, retried.StatusCode);
        Assert.Equal(2, Emu.RequestCount(BlockStorageRouteKeys.SnapshotsCreate));
        Assert.Equal(0, Emu.RequestCount(RouteKeys.SnapshotsCreate));
    }

    [Fact]
    public async Task Chaos_draws_on_cinder_routes_when_they_are_listed()
    {
        var token = await TokenAsync();
        Emu.StartChaos(new ChaosSpec { Rate = 1, Seed = 7, Kinds = [ChaosKind.RateLimited429], Routes = [BlockStorageRouteKeys.VolumesList] });

        using var chaotic = await GetAsync(Volume + "volumes", token, Pinned);
        using var calm = await GetAsync(Volume + "snapshots", token, Pinned);

        Assert.Equal((HttpStatusCode)429, chaotic.StatusCode);
        Assert.Equal(HttpStatusCode.OK, calm.StatusCode);
        Assert.Equal(1, Emu.Chaos.Requests);
    }

    [Fact]
    public async Task The_controls_list_the_cinder_route_keys()
    {
        using var response = await ControlAsync(HttpMethod.Get, "requests");

        var counts = await JsonAsync(response);
        Assert.All(AllKeys, key => Assert.Equal(0, counts.GetProperty(key).GetInt32()));
    }
}
