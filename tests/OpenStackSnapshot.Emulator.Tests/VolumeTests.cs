using System.Net;
using System.Text.Json;
using Xunit;

namespace OpenStackSnapshot.Emulator.Tests;

/// <summary>os-volumes reads: Nova's volume view, attachments, paging and 404.</summary>
public sealed class VolumeTests : EmulatorTest
{
    [Fact]
    public async Task List_shows_the_projects_seeded_volumes_in_order()
    {
        var token = await TokenAsync();

        using var response = await GetAsync(Compute + "os-volumes", token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var volumes = (await JsonAsync(response)).GetProperty("volumes");
        Assert.Equal([Seed.VolumeData01, Seed.VolumeData02, Seed.VolumeLogs, Seed.VolumeDb01],
            volumes.EnumerateArray().Select(v => v.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task Detached_volume_has_novas_keys_and_one_empty_attachment()
    {
        var token = await TokenAsync();

        using var response = await GetAsync(Compute + "os-volumes/" + Seed.VolumeData01, token);

        var volume = (await JsonAsync(response)).GetProperty("volume");
        Assert.Equal(
            [
                "id", "status", "size", "availabilityZone", "createdAt", "attachments", "displayName", "displayDescription",
                "volumeType", "snapshotId", "metadata",
            ],
            volume.EnumerateObject().Select(p => p.Name));
        Assert.Equal("available", volume.GetProperty("status").GetString());
        Assert.Equal(100, volume.GetProperty("size").GetInt32());
        Assert.Equal("data-01", volume.GetProperty("displayName").GetString());
        Assert.Equal("[{}]", volume.GetProperty("attachments").GetRawText());
        Assert.Equal(JsonValueKind.Null, volume.GetProperty("snapshotId").ValueKind);
        Assert.Equal("{}", volume.GetProperty("metadata").GetRawText());
    }

    [Fact]
    public async Task Attached_volume_names_server_and_device()
    {
        var token = await TokenAsync();

        using var response = await GetAsync(Compute + "os-volumes/detail?offset=3", token);

        var volume = Assert.Single((await JsonAsync(response)).GetProperty("volumes").EnumerateArray());
        Assert.Equal("in-use", volume.GetProperty("status").GetString());
        var attachment = Assert.Single(volume.GetProperty("attachments").EnumerateArray());
        Assert.Equal(Seed.VolumeDb01, attachment.GetProperty("id").GetString());
        Assert.Equal(Seed.VolumeDb01, attachment.GetProperty("volumeId").GetString());
        Assert.Equal(Seed.Db01ServerId, attachment.GetProperty("serverId").GetString());
        Assert.Equal("/dev/vdb", attachment.GetProperty("device").GetString());
    }

    [Fact]
    public async Task Attachments_added_by_the_control_show_one_entry_per_server_until_a_reset()
    {
        var token = await TokenAsync();
        const string other = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";

        using var attached = await ControlAsync(
            HttpMethod.Post, $"volumes/{Seed.VolumeData01}/attachments", $"{{\"serverId\":\"{other}\",\"device\":\"/dev/vdc\"}}");
        Assert.Equal(HttpStatusCode.NoContent, attached.StatusCode);
        Assert.True(Emu.AttachVolume(Seed.VolumeDb01, other));

        using var data = await GetAsync(Compute + "os-volumes/" + Seed.VolumeData01, token);
        var volume = (await JsonAsync(data)).GetProperty("volume");
        Assert.Equal("in-use", volume.GetProperty("status").GetString());
        Assert.Equal($"[{{\"id\":\"{Seed.VolumeData01}\",\"volumeId\":\"{Seed.VolumeData01}\",\"serverId\":\"{other}\",\"device\":\"/dev/vdc\"}}]",
            volume.GetProperty("attachments").GetRawText());

        // Multi-attach: the seeded server first, then the one added (no device given: no device key, as Nova).
        using var db = await GetAsync(Compute + "os-volumes/" + Seed.VolumeDb01, token);
        var servers = (await JsonAsync(db)).GetProperty("volume").GetProperty("attachments").EnumerateArray().ToList();
        Assert.Equal([Seed.Db01ServerId, other], servers.Select(a => a.GetProperty("serverId").GetString()));
        Assert.False(servers[1].TryGetProperty("device", out _));

        using var unknown = await ControlAsync(HttpMethod.Post, "volumes/nope/attachments", $"{{\"serverId\":\"{other}\"}}");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        using var noServer = await ControlAsync(HttpMethod.Post, $"volumes/{Seed.VolumeData01}/attachments", "{}");
        Assert.Equal(HttpStatusCode.BadRequest, noServer.StatusCode);

        Emu.Reset();
        using var after = await GetAsync(Compute + "os-volumes/" + Seed.VolumeData01, token);
        Assert.Equal("[{}]", (await JsonAsync(after)).GetProperty("volume").GetProperty("attachments").GetRawText());
    }

    [Fact]
    public async Task Unknown_or_foreign_volume_is_404()
    {
        var token = await TokenAsync();

        using var response = await GetAsync(Compute + "os-volumes/" + Seed.VolumeTiny01, token);

        await AssertFaultAsync(response, 404, "itemNotFound", $"Volume {Seed.VolumeTiny01} could not be found.");
    }

    [Fact]
    public async Task Volume_list_validates_paging_like_snapshots()
    {
        var token = await TokenAsync();

        using var response = await GetAsync(Compute + "os-volumes?limit=-1", token);

        await AssertFaultAsync(response, 400, "badRequest", "Invalid input for query parameters limit. Value: -1. '-1' does not match '^[0-9]*$'");
    }
}
