using System.Net;
using System.Text.Json;
using OpenStackSnapshot.Emulator.Cinder;
using OpenStackSnapshot.Emulator.Control;
using Xunit;

namespace OpenStackSnapshot.Emulator.Tests.BlockStorage;

/// <summary>
/// Volumes that opt in (issue 23): Cinder's volume metadata routes (GET, POST merge, PUT replace, validated by
/// schemas/volume_metadata.py), its metadata filter and all_tenants on volumes, and the metadata in Nova's os-volumes view.
/// </summary>
public sealed class EmulatorVolumeMetadataTests : BlockStorageTest
{
    private const string Data01 = Volume + "volumes/" + Seed.VolumeData01;
    private const string Metadata01 = Data01 + "/metadata";

    private async Task<JsonElement> SetAsync(string token, string volumeId, string pairs, bool replace = false, string prefix = Volume)
    {
        using var response = await SendAsync(
            replace ? HttpMethod.Put : HttpMethod.Post, prefix + "volumes/" + volumeId + "/metadata", token, "{\"metadata\": " + pairs + "}", Pinned);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertVolumeVersion(response, PinnedVersion);
        return (await JsonAsync(response)).GetProperty("metadata");
    }

    [Fact]
    public async Task Post_merges_and_answers_the_whole_set_Put_replaces_and_answers_the_set_given()
    {
        var token = await TokenAsync();

        var first = await SetAsync(token, Seed.VolumeData01, "{\"backup\": \"nightly\", \"owner\": \"dba\"}");
        var merged = await SetAsync(token, Seed.VolumeData01, "{\"backup\": \"weekly\", \"tier\": \"gold\"}");
        var replaced = await SetAsync(token, Seed.VolumeData01, "{\"keep\": \"z\"}", replace: true);
        var listed = await CinderGetAsync(Metadata01, token);

        Assert.Equal("{\"backup\":\"nightly\",\"owner\":\"dba\"}", first.GetRawText());
        Assert.Equal("{\"backup\":\"weekly\",\"owner\":\"dba\",\"tier\":\"gold\"}", merged.GetRawText());
        Assert.Equal("{\"keep\":\"z\"}", replaced.GetRawText());
        Assert.Equal(["metadata"], Keys(listed));
        Assert.Equal("{\"keep\":\"z\"}", listed.GetProperty("metadata").GetRawText());
        Assert.Equal(1, Emu.RequestCount(BlockStorageRouteKeys.VolumeMetadataReplace));
        Assert.Equal(2, Emu.RequestCount(BlockStorageRouteKeys.VolumeMetadataCreate));
        Assert.Equal(1, Emu.RequestCount(BlockStorageRouteKeys.VolumeMetadataList));
    }

    [Fact]
    public async Task The_metadata_shows_in_both_apis_volume_views_and_a_reset_drops_it()
    {
        var token = await TokenAsync();
        await SetAsync(token, Seed.VolumeData01, "{\"backup\": \"nightly\"}");

        var cinder = (await CinderGetAsync(Data01, token)).GetProperty("volume").GetProperty("metadata");
        var detail = await CinderGetAsync(Volume + "volumes/detail", token);
        using var novaShow = await GetAsync(Compute + "os-volumes/" + Seed.VolumeData01, token);
        using var novaList = await GetAsync(Compute + "os-volumes/detail", token);
        var nova = (await JsonAsync(novaShow)).GetProperty("volume").GetProperty("metadata");
        var novaOthers = (await JsonAsync(novaList)).GetProperty("volumes").EnumerateArray()
            .Where(v => v.GetProperty("id").GetString() != Seed.VolumeData01).Select(v => v.GetProperty("metadata").GetRawText());
        using var reset = await ControlAsync(HttpMethod.Post, "reset");
        var after = (await CinderGetAsync(Data01, token)).GetProperty("volume").GetProperty("metadata");

        Assert.Equal("{\"backup\":\"nightly\"}", cinder.GetRawText());
        Assert.Equal("{\"backup\":\"nightly\"}", detail.GetProperty("volumes").EnumerateArray()
            .Single(v => v.GetProperty("id").GetString() == Seed.VolumeData01).GetProperty("metadata").GetRawText());
        Assert.Equal("{\"backup\":\"nightly\"}", nova.GetRawText());
        Assert.All(novaOthers, m => Assert.Equal("{}", m));
        Assert.Equal("{}", after.GetRawText());
    }

    [Fact]
    public async Task The_listing_filters_by_metadata_as_Cinders_database_compares()
    {
        var token = await TokenAsync();
        await SetAsync(token, Seed.VolumeData01, "{\"backup\": \"nightly\", \"owner\": \"dba\"}");
        await SetAsync(token, Seed.VolumeData02, "{\"backup\": \"Nightly\"}");
        await SetAsync(token, Seed.VolumeLogs, "{\"backup\": \"weekly\"}");

        var both = await CinderGetAsync(Volume + "volumes/detail?metadata=" + Uri.EscapeDataString("{'backup': 'nightly'}"), token);
        var one = await CinderGetAsync(Volume + "volumes?metadata=" + Uri.EscapeDataString("{\"backup\": \"nightly\", \"owner\": \"dba\"}"), token);
        var none = await CinderGetAsync(Volume + "volumes/detail?metadata=" + Uri.EscapeDataString("{'backup': 'night'}"), token);
        var garbage = await CinderGetAsync(Volume + "volumes/detail?metadata=backup", token);

        Assert.Equal(
            new[] { Seed.VolumeData02, Seed.VolumeData01 }.Order(),
            both.GetProperty("volumes").EnumerateArray().Select(v => v.GetProperty("id").GetString()!).Order());
        Assert.Equal(Seed.VolumeData01, Assert.Single(one.GetProperty("volumes").EnumerateArray()).GetProperty("id").GetString());
        Assert.Equal(0, none.GetProperty("volumes").GetArrayLength());
        Assert.Equal(0, garbage.GetProperty("volumes").GetArrayLength()); // not a dict: Cinder's query matches nothing
    }

    [Fact]
    public async Task All_tenants_gives_an_admin_every_projects_volumes_filtered_by_metadata_and_a_member_only_their_own()
    {
        var member = await TokenAsync();
        var tiny = await TokenAsync("tiny", "tiny-secret", "tiny");
        var admin = await AdminTokenAsync();
        await SetAsync(member, Seed.VolumeData01, "{\"backup\": \"nightly\"}");
        using var tinyTag = await PostAsync("volume/v3/" + Seed.TinyProjectId + "/volumes/" + Seed.VolumeTiny01 + "/metadata", tiny,
            "{\"metadata\": {\"backup\": \"nightly\"}}", Pinned);
        var filter = "metadata=" + Uri.EscapeDataString("{'backup': 'nightly'}");

        var adminAll = await CinderGetAsync(AdminVolume + "volumes/detail?all_tenants=1&" + filter, admin);
        var memberAll = await CinderGetAsync(Volume + "volumes/detail?all_tenants=1&" + filter, member);

        Assert.Equal(HttpStatusCode.OK, tinyTag.StatusCode);
        Assert.Equal(
            new[] { Seed.VolumeData01, Seed.VolumeTiny01 }.Order(),
            adminAll.GetProperty("volumes").EnumerateArray().Select(v => v.GetProperty("id").GetString()!).Order());
        Assert.Equal(
            new[] { Seed.DemoProjectId, Seed.TinyProjectId }.Order(),
            adminAll.GetProperty("volumes").EnumerateArray().Select(v => v.GetProperty("os-vol-tenant-attr:tenant_id").GetString()!).Order());
        Assert.Equal(Seed.VolumeData01, Assert.Single(memberAll.GetProperty("volumes").EnumerateArray()).GetProperty("id").GetString());
    }

    [Fact]
    public async Task An_admin_changes_another_projects_volume_a_member_gets_404()
    {
        var member = await TokenAsync();
        var admin = await AdminTokenAsync();

        var byAdmin = await SetAsync(admin, Seed.VolumeData01, "{\"backup\": \"nightly\"}", prefix: AdminVolume);
        using var foreign = await PostAsync(Volume + "volumes/" + Seed.VolumeTiny01 + "/metadata", member, "{\"metadata\": {\"k\": \"v\"}}", Pinned);
        using var unknown = await PostAsync(
            Volume + "volumes/00000000-0000-4000-8000-000000000000/metadata", member, "{\"metadata\": {\"k\": \"v\"}}", Pinned);
        using var unknownList = await GetAsync(Volume + "volumes/00000000-0000-4000-8000-000000000000/metadata", member, Pinned);

        Assert.Equal("{\"backup\":\"nightly\"}", byAdmin.GetRawText());
        await AssertFaultAsync(foreign, 404, "itemNotFound", $"Volume {Seed.VolumeTiny01} could not be found.");
        await AssertFaultAsync(unknown, 404, "itemNotFound", "Volume 00000000-0000-4000-8000-000000000000 could not be found.");
        await AssertFaultAsync(unknownList, 404, "itemNotFound", "Volume 00000000-0000-4000-8000-000000000000 could not be found.");
    }

    [Theory]
    [InlineData("[]", "[] is not of type 'object'")]
    [InlineData("{}", "'metadata' is a required property")]
    [InlineData("{\"meta\": {\"k\": \"v\"}}", "'metadata' is a required property")]
    [InlineData("{\"metadata\": {\"k\": \"v\"}, \"x\": 1}", "Additional properties are not allowed ('x' was unexpected)")]
    [InlineData("{\"metadata\": null}", "Invalid input for field/attribute metadata. Value: None. None is not of type 'object'")]
    [InlineData("{\"metadata\": \"k=v\"}", "Invalid input for field/attribute metadata. Value: k=v. 'k=v' is not of type 'object'")]
    [InlineData("{\"metadata\": {\"k\": 1}}", "Invalid input for field/attribute k. Value: 1. 1 is not of type 'string'")]
    [InlineData("{\"metadata\": {\"k\": null}}", "Invalid input for field/attribute k. Value: None. None is not of type 'string'")]
    [InlineData("{\"metadata\": {\"a@b\": \"v\"}}",
        "Invalid input for field/attribute metadata. Value: {'a@b': 'v'}. 'a@b' does not match any of the regexes: '^[a-zA-Z0-9-_:. /]{1,255}$'")]
    [InlineData("{\"metadata\": {\"\": \"v\"}}",
        "Invalid input for field/attribute metadata. Value: {'': 'v'}. '' does not match any of the regexes: '^[a-zA-Z0-9-_:. /]{1,255}$'")]
    public async Task Both_writes_are_validated_by_the_volume_metadata_schema(string body, string message)
    {
        var token = await TokenAsync();

        using var post = await PostAsync(Metadata01, token, body, Pinned);
        using var put = await SendAsync(HttpMethod.Put, Metadata01, token, body, Pinned);

        await AssertFaultAsync(post, 400, "badRequest", message);
        await AssertFaultAsync(put, 400, "badRequest", message);
        Assert.Equal("{}", (await CinderGetAsync(Metadata01, token)).GetProperty("metadata").GetRawText());
    }

    [Fact]
    public async Task A_value_over_255_characters_is_too_long()
    {
        var token = await TokenAsync();
        var value = new string('x', 256);

        using var response = await PostAsync(Metadata01, token, "{\"metadata\": {\"k\": \"" + value + "\"}}", Pinned);

        await AssertFaultAsync(response, 400, "badRequest", $"Invalid input for field/attribute k. Value: {value}. '{value}' is too long");
    }

    [Fact]
    public async Task Without_a_body_the_schema_wrapper_fails_as_Cinders_500()
    {
        var token = await TokenAsync();

        using var response = await SendAsync(HttpMethod.Post, Metadata01, token, null, Pinned);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
    }

    [Fact]
    public async Task The_one_key_routes_and_delete_are_not_emulated()
    {
        var token = await TokenAsync();

        using var delete = await SendAsync(HttpMethod.Delete, Metadata01, token, null, Pinned);

        Assert.Equal(HttpStatusCode.NotFound, delete.StatusCode);
    }

    [Fact]
    public async Task Faults_are_injected_on_the_new_routes_like_on_any_other()
    {
        var token = await TokenAsync();
        Emu.InjectFault(new FaultSpec { Route = BlockStorageRouteKeys.VolumeMetadataCreate, Status = 503 });

        using var faulted = await PostAsync(Metadata01, token, "{\"metadata\": {\"k\": \"v\"}}", Pinned);
        using var next = await PostAsync(Metadata01, token, "{\"metadata\": {\"k\": \"v\"}}", Pinned);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, faulted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        Assert.Contains(BlockStorageRouteKeys.VolumeMetadataList, AllKeys);
        Assert.Contains(BlockStorageRouteKeys.VolumeMetadataReplace, RouteKeys.All);
    }
}

/// <summary>The volume metadata routes under enforce_new_defaults: a reader reads, only a member writes.</summary>
public sealed class VolumeMetadataNewPolicyTests : BlockStorageTest
{
    protected override EmulatorOptions Options() => new() { CinderNewPolicyDefaults = true };

    [Theory]
    [InlineData("POST", "volume:create_volume_metadata")]
    [InlineData("PUT", "volume:update_volume_metadata")]
    public async Task A_reader_may_not_write(string method, string rule)
    {
        var reader = await TokenAsync("reader", "reader-secret");

        using var response = await SendAsync(new HttpMethod(method), Volume + "volumes/" + Seed.VolumeData01 + "/metadata", reader,
            "{\"metadata\": {\"k\": \"v\"}}", Pinned);
        using var listed = await GetAsync(Volume + "volumes/" + Seed.VolumeData01 + "/metadata", reader, Pinned);

        await AssertFaultAsync(response, 403, "forbidden", $"Policy doesn't allow {rule} to be performed.");
        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
    }
}
