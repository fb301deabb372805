using System.Net;
using System.Text.Json;
using Xunit;

namespace OpenStackSnapshot.Emulator.Tests.BlockStorage;

/// <summary>Cinder's volume reads: the summary list, the detail view with attachments naming their server, 404.</summary>
public sealed class EmulatorBlockStorageVolumeTests : BlockStorageTest
{
    [Fact]
    public async Task List_is_id_name_and_links()
    {
        var token = await TokenAsync();

        var list = await CinderGetAsync(Volume + "volumes", token);

        var first = list.GetProperty("volumes")[0];
        Assert.Equal(["id", "name", "links"], Keys(first));
        Assert.Equal(4, list.GetProperty("volumes").GetArrayLength());
        Assert.Equal(
            Emu.BaseUri + Volume + "volumes/" + first.GetProperty("id").GetString(),
            first.GetProperty("links")[0].GetProperty("href").GetString());
    }

    [Fact]
    public async Task An_attached_volume_names_its_server_and_device()
    {
        var token = await TokenAsync();

        var volume = (await CinderGetAsync(Volume + "volumes/" + Seed.VolumeDb01, token)).GetProperty("volume");

        Assert.Equal("in-use", volume.GetProperty("status").GetString());
        var attachment = Assert.Single(volume.GetProperty("attachments").EnumerateArray());
        Assert.Equal(["id", "attachment_id", "volume_id", "server_id", "host_name", "device", "attached_at"], Keys(attachment));
        Assert.Equal(Seed.Db01ServerId, attachment.GetProperty("server_id").GetString());
        Assert.Equal(Seed.Db01Device, attachment.GetProperty("device").GetString());
        Assert.Equal(JsonValueKind.Null, attachment.GetProperty("host_name").ValueKind);
        Assert.Equal(Seed.DemoProjectId, volume.GetProperty("os-vol-tenant-attr:tenant_id").GetString());
    }

    [Fact]
    public async Task Attachments_added_by_the_control_are_seen_through_Cinder_as_through_Nova()
    {
        var token = await TokenAsync();
        const string other = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
        using var attached = await ControlAsync(
            HttpMethod.Post, $"volumes/{Seed.VolumeData01}/attachments", $"{{\"serverId\":\"{other}\",\"device\":\"/dev/vdc\"}}");
        Assert.Equal(HttpStatusCode.NoContent, attached.StatusCode);

        var volume = (await CinderGetAsync(Volume + "volumes/" + Seed.VolumeData01, token)).GetProperty("volume");
        using var unforced = await PostAsync(Volume + "snapshots", token, CinderBody(), At(PinnedVersion));

        Assert.Equal("in-use", volume.GetProperty("status").GetString());
        var attachment = Assert.Single(volume.GetProperty("attachments").EnumerateArray());
        Assert.Equal(other, attachment.GetProperty("server_id").GetString());
        Assert.Equal("/dev/vdc", attachment.GetProperty("device").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, unforced.StatusCode); // in use: a snapshot needs force at 3.31
    }

    [Fact]
    public async Task Detail_lists_detached_volumes_without_attachments_and_filters_by_status()
    {
        var token = await TokenAsync();

        var available = await CinderGetAsync(Volume + "volumes/detail?status=available", token);

        Assert.Equal(3, available.GetProperty("volumes").GetArrayLength());
        Assert.All(available.GetProperty("volumes").EnumerateArray(), v => Assert.Equal("[]", v.GetProperty("attachments").GetRawText()));
    }

    [Fact]
    public async Task Detail_keys_grow_with_the_microversion()
    {
        var token = await TokenAsync();

        var at30 = (await CinderGetAsync(Volume + "volumes/" + Seed.VolumeData01, token, "3.0")).GetProperty("volume");
        var at370 = (await CinderGetAsync(Volume + "volumes/" + Seed.VolumeData01, token, "3.70")).GetProperty("volume");

        Assert.DoesNotContain("group_id", Keys(at30));
        Assert.Contains("group_id", Keys(at370));
        Assert.Contains("shared_targets", Keys(at370));
        Assert.Contains("volume_type_id", Keys(at370));
        Assert.Contains("consumes_quota", Keys(at370));
    }

    [Fact]
    public async Task Another_projects_volume_is_404_except_to_an_admin()
    {
        var token = await TokenAsync();
        var admin = await AdminTokenAsync();

        using var foreign = await GetAsync(Volume + "volumes/" + Seed.VolumeTiny01, token, Pinned);
        var all = await CinderGetAsync(AdminVolume + "volumes?all_tenants=1", admin);

        await AssertFaultAsync(foreign, 404, "itemNotFound", $"Volume {Seed.VolumeTiny01} could not be found.");
        Assert.Equal(5, all.GetProperty("volumes").GetArrayLength());
    }
}
