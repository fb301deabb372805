using System.Net;
using System.Text.Json;
using Xunit;

namespace OpenStackSnapshot.Emulator.Tests.BlockStorage;

/// <summary>
/// Cinder's volume create from a snapshot, delete and revert action (issue 24), each in Cinder's order of checks and
/// words as the real Cinder 21 answered them, and its messages about a volume that failed.
/// </summary>
public sealed class BlockStorageVolumeRestoreTests : BlockStorageTest
{
    private static readonly (string, string) Revert = At("3.40");

    private async Task<(string Token, string SnapshotId)> SnapshotAsync(string volumeId = Seed.VolumeData02)
    {
        var token = await TokenAsync();
        var id = (await CinderCreateAsync(token, CinderBody(volumeId))).GetProperty("id").GetString()!;
        return (token, id);
    }

    private static string VolumeBody(string snapshotId, string extra = "\"name\": \"restored\"") =>
        "{\"volume\": {\"snapshot_id\": \"" + snapshotId + "\"" + (extra.Length > 0 ? ", " + extra : "") + "}}";

    private async Task<JsonElement> CreateVolumeAsync(string token, string snapshotId, string extra = "\"name\": \"restored\"")
    {
        using var response = await PostAsync(Volume + "volumes", token, VolumeBody(snapshotId, extra), Pinned);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await JsonAsync(response)).GetProperty("volume");
    }

    private static string RevertBody(string snapshotId) => "{\"revert\": {\"snapshot_id\": \"" + snapshotId + "\"}}";

    [Fact]
    public async Task A_volume_made_from_a_snapshot_is_creating_then_available_with_the_snapshots_size()
    {
        var (token, snapshotId) = await SnapshotAsync();

        var created = await CreateVolumeAsync(token, snapshotId, "\"name\": \" restored \", \"metadata\": {\"purpose\": \"drill\"}");
        var shown = await CinderGetAsync(Volume + "volumes/" + created.GetProperty("id").GetString(), token);

        Assert.Equal("creating", created.GetProperty("status").GetString());
        Assert.Equal("restored", created.GetProperty("name").GetString());
        Assert.Equal(snapshotId, created.GetProperty("snapshot_id").GetString());
        Assert.Equal(10, created.GetProperty("size").GetInt32());
        Assert.False(created.TryGetProperty("os-vol-tenant-attr:tenant_id", out _), "a create's answer has no tenant attribute");
        Assert.Equal("available", shown.GetProperty("volume").GetProperty("status").GetString());
        Assert.Equal("drill", shown.GetProperty("volume").GetProperty("metadata").GetProperty("purpose").GetString());
        Assert.Equal(Seed.DemoProjectId, shown.GetProperty("volume").GetProperty("os-vol-tenant-attr:tenant_id").GetString());
    }

    [Theory]
    [InlineData("\"volume_type\": \"gold\"", 404, "itemNotFound", "Volume type with name gold could not be found.")]
    [InlineData("\"size\": 0", 400, "badRequest", "Invalid input for field/attribute size. Value: 0. 0 is less than the minimum of 1")]
    [InlineData("\"size\": 5", 400, "badRequest",
        "Invalid input received: Volume size '5'GB cannot be smaller than the snapshot size 10GB. They must be >= original snapshot size.")]
    [InlineData("\"availability_zone\": \"mars\"", 400, "badRequest", "Availability zone 'mars' is invalid.")]
    public async Task A_create_is_refused_in_cinders_words(string extra, int status, string fault, string message)
    {
        var (token, snapshotId) = await SnapshotAsync();

        using var response = await PostAsync(Volume + "volumes", token, VolumeBody(snapshotId, extra), Pinned);

        await AssertFaultAsync(response, status, fault, message);
    }

    [Fact]
    public async Task A_create_from_an_unknown_or_unavailable_snapshot_is_refused()
    {
        var (token, snapshotId) = await SnapshotAsync();
        Emu.SetSnapshotStatus(snapshotId, "error");

        using var unknown = await PostAsync(Volume + "volumes", token, VolumeBody("00000000-0000-4000-8000-000000000000"), Pinned);
        using var unavailable = await PostAsync(Volume + "volumes", token, VolumeBody(snapshotId), Pinned);

        await AssertFaultAsync(unknown, 404, "itemNotFound", "Snapshot 00000000-0000-4000-8000-000000000000 could not be found.");
        await AssertFaultAsync(unavailable, 400, "badRequest", "Invalid snapshot: Originating snapshot status must be one of 'available' values");
    }

    [Fact]
    public async Task The_volumes_quota_then_the_gigabytes_quota_are_413_naming_them()
    {
        // tiny: 2 volumes, 3 GiB; tiny-01 and its snapshot use 2 GiB.
        var token = await TokenAsync("tiny", "tiny-secret", "tiny");
        using var snapshot = await PostAsync("volume/v3/" + Seed.TinyProjectId + "/snapshots", token, CinderBody(Seed.VolumeTiny01), Pinned);
        var snapshotId = (await JsonAsync(snapshot)).GetProperty("snapshot").GetProperty("id").GetString()!;
        var tiny = "volume/v3/" + Seed.TinyProjectId + "/volumes";

        using var gigabytes = await PostAsync(tiny, token, VolumeBody(snapshotId, "\"size\": 2"), Pinned);
        using var first = await PostAsync(tiny, token, VolumeBody(snapshotId), Pinned);
        using var volumes = await PostAsync(tiny, token, VolumeBody(snapshotId), Pinned);

        await AssertFaultAsync(gigabytes, 413, "overLimit", "VolumeSizeExceedsAvailableQuota: Requested volume or snapshot exceeds allowed "
            + "gigabytes quota. Requested 2G, quota is 3G and 2G has been consumed.");
        Assert.Equal("0", Header(gigabytes, "Retry-After"));
        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        await AssertFaultAsync(volumes, 413, "overLimit", "VolumeLimitExceeded: Maximum number of volumes allowed (2) exceeded for quota 'volumes'.");
    }

    [Fact]
    public async Task A_delete_is_accepted_and_the_volume_is_gone_after_the_delay()
    {
        Emu.UpdateSettings(snapshotDelayMs: 1000);
        var (token, snapshotId) = await SnapshotAsync();
        Clock.Advance(TimeSpan.FromSeconds(1));
        var volumeId = (await CreateVolumeAsync(token, snapshotId)).GetProperty("id").GetString()!;
        Clock.Advance(TimeSpan.FromSeconds(1));

        using var delete = await DeleteAsync(Volume + "volumes/" + volumeId, token, Pinned);
        var deleting = await CinderGetAsync(Volume + "volumes/" + volumeId, token);
        Clock.Advance(TimeSpan.FromSeconds(1));
        using var gone = await GetAsync(Volume + "volumes/" + volumeId, token, Pinned);

        Assert.Equal(HttpStatusCode.Accepted, delete.StatusCode);
        Assert.Equal("deleting", deleting.GetProperty("volume").GetProperty("status").GetString());
        await AssertFaultAsync(gone, 404, "itemNotFound", $"Volume {volumeId} could not be found.");
    }

    [Theory]
    [InlineData("attached")]
    [InlineData("snapshots")]
    [InlineData("creating")]
    public async Task A_delete_is_refused_with_one_message_for_attached_snapshots_and_status(string why)
    {
        Emu.UpdateSettings(snapshotDelayMs: 1000);
        var token = await TokenAsync();
        var volumeId = why switch
        {
            "attached" => Seed.VolumeDb01,
            "snapshots" => Seed.VolumeData02,
            _ => (await CreateVolumeAsync(token, await AvailableSnapshotAsync(token))).GetProperty("id").GetString()!,
        };
        if (why == "snapshots") await CinderCreateAsync(token, CinderBody(Seed.VolumeData02));

        using var refused = await DeleteAsync(Volume + "volumes/" + volumeId, token, Pinned);

        await AssertFaultAsync(refused, 400, "badRequest", Cinder.VolumeCreation.DeleteRefused);
    }

    private async Task<string> AvailableSnapshotAsync(string token)
    {
        var id = (await CinderCreateAsync(token, CinderBody(Seed.VolumeData02))).GetProperty("id").GetString()!;
        Clock.Advance(TimeSpan.FromSeconds(1));
        return id;
    }

    [Fact]
    public async Task A_revert_below_340_is_a_bare_404_as_a_method_the_version_lacks()
    {
        var (token, snapshotId) = await SnapshotAsync();

        using var response = await PostAsync(Volume + "volumes/" + Seed.VolumeData02 + "/action", token, RevertBody(snapshotId), Pinned);

        await AssertFaultAsync(response, 404, "itemNotFound", "The resource could not be found.");
    }

    [Fact]
    public async Task A_revert_to_the_newest_snapshot_is_202_then_the_volume_reverts_and_is_available_again()
    {
        Emu.UpdateSettings(snapshotDelayMs: 1000);
        var (token, snapshotId) = await SnapshotAsync();
        Clock.Advance(TimeSpan.FromSeconds(1));

        using var response = await PostAsync(Volume + "volumes/" + Seed.VolumeData02 + "/action", token, RevertBody(snapshotId), Revert);
        var reverting = await CinderGetAsync(Volume + "volumes/" + Seed.VolumeData02, token);
        var restoring = await CinderGetAsync(Volume + "snapshots/" + snapshotId, token);
        Clock.Advance(TimeSpan.FromSeconds(1));
        var after = await CinderGetAsync(Volume + "volumes/" + Seed.VolumeData02, token);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        Assert.Equal("reverting", reverting.GetProperty("volume").GetProperty("status").GetString());
        Assert.Equal("restoring", restoring.GetProperty("snapshot").GetProperty("status").GetString());
        Assert.Equal("available", after.GetProperty("volume").GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_revert_is_refused_in_cinders_order_and_words()
    {
        var token = await TokenAsync();
        var older = await AvailableSnapshotAsync(token);
        Clock.Advance(TimeSpan.FromSeconds(1));
        var newest = await AvailableSnapshotAsync(token);
        var action = Volume + "volumes/" + Seed.VolumeData02 + "/action";

        using var none = await PostAsync(Volume + "volumes/" + Seed.VolumeLogs + "/action", token, RevertBody(older), Revert);
        using var notLatest = await PostAsync(action, token, RevertBody(older), Revert);
        Emu.SetVolumeSize(Seed.VolumeData02, 30);
        using var size = await PostAsync(action, token, RevertBody(newest), Revert);
        Emu.SetVolumeSize(Seed.VolumeData02, 10);
        using var unknownAction = await PostAsync(action, token, "{\"frobnicate\": {}}", Revert);

        await AssertFaultAsync(none, 400, "badRequest", $"Volume {Seed.VolumeLogs} doesn't have any snapshots.");
        await AssertFaultAsync(notLatest, 400, "badRequest",
            $"Specified snapshot {older} is None or not the latest one of volume {Seed.VolumeData02}.");
        await AssertFaultAsync(size, 400, "badRequest",
            $"Can't revert volume {Seed.VolumeData02} to its latest snapshot {newest}. The volume size must be equal to the snapshot size.");
        await AssertFaultAsync(unknownAction, 400, "badRequest",
            "There is no such action: frobnicate. Verify the request body and Content-Type header and try again.");
    }

    [Fact]
    public async Task A_revert_of_an_attached_volume_is_409()
    {
        var token = await TokenAsync();
        var snapshot = (await CinderCreateAsync(token, CinderBody(Seed.VolumeDb01, "\"force\": true"))).GetProperty("id").GetString()!;

        using var response = await PostAsync(Volume + "volumes/" + Seed.VolumeDb01 + "/action", token, RevertBody(snapshot), Revert);

        await AssertFaultAsync(response, 409, "conflictingRequest",
            $"Invalid volume: Can't revert volume {Seed.VolumeDb01} to its latest snapshot {snapshot}. Volume's status must be 'available'.");
    }

    [Fact]
    public async Task A_revert_to_a_snapshot_that_is_not_available_is_409_and_leaves_the_volume_reverting_as_cinder_21_does()
    {
        var (token, snapshotId) = await SnapshotAsync();
        Emu.SetSnapshotStatus(snapshotId, "error");

        using var response = await PostAsync(Volume + "volumes/" + Seed.VolumeData02 + "/action", token, RevertBody(snapshotId), Revert);
        Clock.Advance(TimeSpan.FromMinutes(5));
        var volume = await CinderGetAsync(Volume + "volumes/" + Seed.VolumeData02, token);

        await AssertFaultAsync(response, 409, "conflictingRequest",
            $"Invalid snapshot: Can't revert volume {Seed.VolumeData02} to its latest snapshot {snapshotId}. Snapshot's status must be 'available'.");
        Assert.Equal("reverting", volume.GetProperty("volume").GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_volume_that_failed_leaves_a_user_message_the_messages_api_lists_from_33()
    {
        Emu.FailNextVolumeCreate("schedule allocate volume:Could not find any available weighted backend.");
        var (token, snapshotId) = await SnapshotAsync();
        var failed = (await CreateVolumeAsync(token, snapshotId)).GetProperty("id").GetString()!;
        var healthy = (await CreateVolumeAsync(token, snapshotId)).GetProperty("id").GetString()!;

        var shown = await CinderGetAsync(Volume + "volumes/" + failed, token);
        var messages = await CinderGetAsync(Volume + "messages?resource_uuid=" + failed, token);
        var none = await CinderGetAsync(Volume + "messages?resource_uuid=" + healthy, token);
        using var old = await GetAsync(Volume + "messages", token, At("3.0"));

        Assert.Equal("error", shown.GetProperty("volume").GetProperty("status").GetString());
        var message = Assert.Single(messages.GetProperty("messages").EnumerateArray());
        Assert.Equal("schedule allocate volume:Could not find any available weighted backend.", message.GetProperty("user_message").GetString());
        Assert.Equal(failed, message.GetProperty("resource_uuid").GetString());
        Assert.Empty(none.GetProperty("messages").EnumerateArray());
        await AssertFaultAsync(old, 404, "itemNotFound", "The resource could not be found.");
    }

    [Fact]
    public async Task The_new_routes_count_and_take_faults_like_the_others()
    {
        var (token, snapshotId) = await SnapshotAsync();
        Emu.InjectFault(new FaultSpec { Route = Cinder.BlockStorageRouteKeys.VolumesCreate, Status = 503 });

        using var faulted = await PostAsync(Volume + "volumes", token, VolumeBody(snapshotId), Pinned);
        await CreateVolumeAsync(token, snapshotId);

        Assert.Equal(503, (int)faulted.StatusCode);
        Assert.Equal(2, Emu.RequestCount(Cinder.BlockStorageRouteKeys.VolumesCreate));
    }
}
