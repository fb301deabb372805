using System.Net;
using Xunit;

namespace OpenStackSnapshot.Emulator.Tests;

/// <summary>
/// Nova's os-volumes create (from a snapshot) and delete (issue 24), as the real Nova 26 answered them: 200 with a Location,
/// its schema first, and block storage's refusals passed on in Nova's shape (400 "Invalid input received", 403 quota, 500).
/// </summary>
public sealed class VolumeCreateDeleteTests : EmulatorTest
{
    private async Task<(string Token, string SnapshotId)> SnapshotAsync()
    {
        var token = await TokenAsync();
        var id = (await CreateSnapshotAsync(token, Seed.VolumeData02)).GetProperty("id").GetString()!;
        return (token, id);
    }

    private static string Body(string snapshotId, string extra = "\"size\": 10") =>
        "{\"volume\": {\"snapshot_id\": \"" + snapshotId + "\"" + (extra.Length > 0 ? ", " + extra : "") + "}}";

    [Fact]
    public async Task A_create_is_200_with_novas_view_and_a_location()
    {
        var (token, snapshotId) = await SnapshotAsync();

        using var response = await PostAsync(Compute + "os-volumes", token, Body(snapshotId, "\"size\": 12, \"display_name\": \"restored\""));
        var volume = (await JsonAsync(response)).GetProperty("volume");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("creating", volume.GetProperty("status").GetString());
        Assert.Equal(12, volume.GetProperty("size").GetInt32());
        Assert.Equal(snapshotId, volume.GetProperty("snapshotId").GetString());
        Assert.Equal("restored", volume.GetProperty("displayName").GetString());
        Assert.Equal(
            ["id", "status", "size", "availabilityZone", "createdAt", "attachments", "displayName", "displayDescription", "volumeType", "snapshotId",
                "metadata"],
            volume.EnumerateObject().Select(p => p.Name));
        Assert.EndsWith("/compute/v2.1/os-volumes/" + volume.GetProperty("id").GetString(), response.Headers.Location!.ToString());
    }

    [Theory]
    [InlineData("", "Invalid input for field/attribute volume. Value: {'snapshot_id': '%ID%'}. 'size' is a required property")]
    [InlineData("\"size\": 0", "Invalid input for field/attribute size. Value: 0. 0 is less than the minimum of 1")]
    [InlineData("\"size\": \"ten\"", "Invalid input for field/attribute size. Value: ten. 'ten' does not match '^[0-9]+$'")]
    [InlineData("\"size\": 10, \"name\": \"x\"",
        "Invalid input for field/attribute volume. Value: {'snapshot_id': '%ID%', 'size': 10, 'name': 'x'}. "
        + "Additional properties are not allowed ('name' was unexpected)")]
    public async Task Novas_schema_comes_first(string extra, string message)
    {
        var (token, snapshotId) = await SnapshotAsync();

        using var response = await PostAsync(Compute + "os-volumes", token, Body(snapshotId, extra));

        await AssertFaultAsync(response, 400, "badRequest", message.Replace("%ID%", snapshotId));
    }

    [Fact]
    public async Task Block_storages_refusals_reach_the_client_in_novas_shape()
    {
        var (token, snapshotId) = await SnapshotAsync();

        using var zone = await PostAsync(Compute + "os-volumes", token, Body(snapshotId, "\"size\": 10, \"availability_zone\": \"mars\""));
        using var type = await PostAsync(Compute + "os-volumes", token, Body(snapshotId, "\"size\": 10, \"volume_type\": \"gold\""));
        using var unknown = await PostAsync(Compute + "os-volumes", token, Body("00000000-0000-4000-8000-000000000000"));
        Emu.SetSnapshotStatus(snapshotId, "error");
        using var unavailable = await PostAsync(Compute + "os-volumes", token, Body(snapshotId));

        var zoneMessage = (await JsonAsync(zone)).GetProperty("badRequest").GetProperty("message").GetString();
        Assert.Matches(@"^Invalid input received: Availability zone 'mars' is invalid\. \(HTTP 400\) \(Request-ID: req-[0-9a-f-]{36}\)$",
            zoneMessage);
        await AssertFaultAsync(type, 500, "computeFault", Nova.Faults.UnexpectedPrefix + "<class 'nova.exception.NotFound'>");
        await AssertFaultAsync(unknown, 404, "itemNotFound", "Snapshot 00000000-0000-4000-8000-000000000000 could not be found.");
        Assert.StartsWith("Invalid input received: Invalid snapshot: Originating snapshot status must be one of 'available' values (HTTP 400)",
            (await JsonAsync(unavailable)).GetProperty("badRequest").GetProperty("message").GetString());
    }

    [Fact]
    public async Task Quota_is_nova_s_403_with_block_storages_message()
    {
        var token = await TokenAsync("tiny", "tiny-secret", "tiny");
        var snapshotId = (await CreateSnapshotAsync(token, Seed.VolumeTiny01)).GetProperty("id").GetString()!;

        using var response = await PostAsync(Compute + "os-volumes", token, Body(snapshotId, "\"size\": 2"));

        await AssertFaultAsync(response, 403, "forbidden", "VolumeSizeExceedsAvailableQuota: Requested volume or snapshot exceeds allowed "
            + "gigabytes quota. Requested 2G, quota is 3G and 2G has been consumed.");
    }

    [Fact]
    public async Task A_reader_may_not_create_or_delete()
    {
        var (_, snapshotId) = await SnapshotAsync();
        var reader = await TokenAsync("reader", "reader-secret");

        using var create = await PostAsync(Compute + "os-volumes", reader, Body(snapshotId));
        using var delete = await DeleteAsync(Compute + "os-volumes/" + Seed.VolumeData01, reader);

        await AssertFaultAsync(create, 403, "forbidden", "Policy doesn't allow os_compute_api:os-volumes:create to be performed.");
        await AssertFaultAsync(delete, 403, "forbidden", "Policy doesn't allow os_compute_api:os-volumes:delete to be performed.");
    }

    [Fact]
    public async Task A_delete_is_202_then_404_and_a_refused_one_is_novas_400()
    {
        var (token, snapshotId) = await SnapshotAsync();
        using var created = await PostAsync(Compute + "os-volumes", token, Body(snapshotId));
        var volumeId = (await JsonAsync(created)).GetProperty("volume").GetProperty("id").GetString()!;

        using var refused = await DeleteAsync(Compute + "os-volumes/" + Seed.VolumeData02, token);
        using var delete = await DeleteAsync(Compute + "os-volumes/" + volumeId, token);
        using var again = await DeleteAsync(Compute + "os-volumes/" + volumeId, token);

        Assert.StartsWith("Invalid input received: " + Cinder.VolumeCreation.DeleteRefused + " (HTTP 400) (Request-ID: req-",
            (await JsonAsync(refused)).GetProperty("badRequest").GetProperty("message").GetString());
        Assert.Equal(HttpStatusCode.Accepted, delete.StatusCode);
        await AssertFaultAsync(again, 404, "itemNotFound", $"Volume {volumeId} could not be found.");
    }

    [Fact]
    public async Task A_made_volume_is_listed_by_both_apis_and_a_reset_forgets_it()
    {
        var (token, snapshotId) = await SnapshotAsync();
        using var created = await PostAsync(Compute + "os-volumes", token, Body(snapshotId));
        var volumeId = (await JsonAsync(created)).GetProperty("volume").GetProperty("id").GetString()!;

        using var nova = await GetAsync(Compute + "os-volumes/" + volumeId, token);
        using var cinder = await GetAsync(
            "volume/v3/" + Seed.DemoProjectId + "/volumes/" + volumeId, token, ("OpenStack-API-Version", "volume 3.31"));
        Emu.Reset();
        using var gone = await GetAsync(Compute + "os-volumes/" + volumeId, token);
        using var seeded = await GetAsync(Compute + "os-volumes/" + Seed.VolumeData01, token);

        Assert.Equal("available", (await JsonAsync(nova)).GetProperty("volume").GetProperty("status").GetString());
        Assert.Equal(snapshotId, (await JsonAsync(cinder)).GetProperty("volume").GetProperty("snapshot_id").GetString());
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Equal(HttpStatusCode.OK, seeded.StatusCode);
    }

    [Fact]
    public async Task The_controls_force_a_volumes_status_and_size_and_attach_a_made_volume()
    {
        var (token, snapshotId) = await SnapshotAsync();
        using var created = await PostAsync(Compute + "os-volumes", token, Body(snapshotId));
        var volumeId = (await JsonAsync(created)).GetProperty("volume").GetProperty("id").GetString()!;

        using var status = await ControlAsync(HttpMethod.Post, "volumes/" + volumeId + "/status", "{\"status\": \"error\"}");
        using var size = await ControlAsync(HttpMethod.Post, "volumes/" + volumeId + "/size", "{\"size\": 30}");
        using var attach = await ControlAsync(HttpMethod.Post, "volumes/" + volumeId + "/attachments", "{\"serverId\": \"s-1\"}");
        using var shown = await GetAsync(Compute + "os-volumes/" + volumeId, token);
        var volume = (await JsonAsync(shown)).GetProperty("volume");

        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
        Assert.Equal(HttpStatusCode.OK, size.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, attach.StatusCode);
        Assert.Equal("in-use", volume.GetProperty("status").GetString());
        Assert.Equal(30, volume.GetProperty("size").GetInt32());
        Assert.Equal("s-1", volume.GetProperty("attachments")[0].GetProperty("serverId").GetString());
        await AssertControlRefusesAsync("volumes/" + volumeId + "/size", "{\"size\": 0}", "size (a whole number of GiB, at least 1) is required");
    }
}
