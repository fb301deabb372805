using System.Net;
using System.Text.Json;
using Xunit;

namespace OpenStackSnapshot.Emulator.Tests.BlockStorage;

/// <summary>Cinder's snapshot routes: create, show, list, detail, update, delete, in Cinder's shapes and codes.</summary>
public sealed class EmulatorBlockStorageSnapshotTests : BlockStorageTest
{
    [Fact]
    public async Task Create_is_202_with_the_detail_view_creating_and_the_metadata_given()
    {
        var token = await TokenAsync();

        using var response = await PostAsync(Volume + "snapshots", token,
            CinderBody(extra: "\"name\": \" bs-1 \", \"description\": \"d\", \"metadata\": {\"managed-by\": \"runbook\"}"), Pinned);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        AssertVolumeVersion(response, PinnedVersion);
        var snapshot = (await JsonAsync(response)).GetProperty("snapshot");
        Assert.Equal(DetailKeysAtPinned, Keys(snapshot));
        Assert.Equal("creating", snapshot.GetProperty("status").GetString());
        Assert.Equal("bs-1", snapshot.GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Null, snapshot.GetProperty("updated_at").ValueKind);
        Assert.Equal("{\"managed-by\":\"runbook\"}", snapshot.GetProperty("metadata").GetRawText());
    }

    [Fact]
    public async Task Show_adds_project_and_progress_and_becomes_available()
    {
        var token = await TokenAsync();
        var created = await CinderCreateAsync(token, CinderBody());

        var snapshot = (await CinderGetAsync(Volume + "snapshots/" + created.GetProperty("id").GetString(), token)).GetProperty("snapshot");

        Assert.Equal(
            [.. DetailKeysAtPinned, "os-extended-snapshot-attributes:project_id", "os-extended-snapshot-attributes:progress"],
            Keys(snapshot));
        Assert.Equal("available", snapshot.GetProperty("status").GetString());
        Assert.Equal("100%", snapshot.GetProperty("os-extended-snapshot-attributes:progress").GetString());
        Assert.Equal(Seed.DemoProjectId, snapshot.GetProperty("os-extended-snapshot-attributes:project_id").GetString());
        Assert.Equal("2025-06-12T14:56:30.000000", snapshot.GetProperty("updated_at").GetString());
    }

    [Fact]
    public async Task List_is_the_summary_and_detail_the_detail_newest_first()
    {
        var token = await TokenAsync();
        await CinderCreateAsync(token, CinderBody(extra: "\"name\": \"older\""));
        Clock.Advance(TimeSpan.FromSeconds(1));
        await CinderCreateAsync(token, CinderBody(extra: "\"name\": \"newer\""));

        var list = await CinderGetAsync(Volume + "snapshots", token);
        var detail = await CinderGetAsync(Volume + "snapshots/detail", token);

        Assert.Equal("newer,older", Names(list));
        Assert.Equal(["snapshots"], Keys(list));
        Assert.Equal(
            ["id", "created_at", "updated_at", "name", "description", "volume_id", "status", "size", "metadata"],
            Keys(list.GetProperty("snapshots")[0]));
        Assert.Equal("newer,older", Names(detail));
        Assert.Contains("os-extended-snapshot-attributes:progress", Keys(detail.GetProperty("snapshots")[0]));
    }

    [Fact]
    public async Task Update_renames_and_describes_and_stamps_updated_at_after_answering()
    {
        var token = await TokenAsync();
        var id = (await CinderCreateAsync(token, CinderBody())).GetProperty("id").GetString();
        Clock.Advance(TimeSpan.FromSeconds(5));

        using var response = await SendAsync(HttpMethod.Put, Volume + "snapshots/" + id, token,
            "{\"snapshot\": {\"name\": \"renamed\", \"display_description\": \"old\", \"description\": \"new\"}}", Pinned);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var snapshot = (await JsonAsync(response)).GetProperty("snapshot");
        Assert.Equal(DetailKeysAtPinned, Keys(snapshot));
        Assert.Equal("renamed", snapshot.GetProperty("name").GetString());
        Assert.Equal("new", snapshot.GetProperty("description").GetString());
        Assert.Equal("2025-06-12T14:56:30.000000", snapshot.GetProperty("updated_at").GetString());
        var shown = (await CinderGetAsync(Volume + "snapshots/" + id, token)).GetProperty("snapshot");
        Assert.Equal("2025-06-12T14:56:35.000000", shown.GetProperty("updated_at").GetString());
    }

    [Theory]
    [InlineData("{\"snapshot\": {}}", "Invalid input for field/attribute snapshot. Value: {}. {} is not valid under any of the given schemas")]
    [InlineData("{\"snapshot\": {\"size\": 2}}",
        "Invalid input for field/attribute snapshot. Value: {'size': 2}. Additional properties are not allowed ('size' was unexpected)")]
    [InlineData("{\"snapshot\": {\"name\": 5}}", "Invalid input for field/attribute name. Value: 5. 5 is not of type 'string', 'null'")]
    public async Task Update_checks_the_body_first(string body, string message)
    {
        var token = await TokenAsync();

        using var response = await SendAsync(HttpMethod.Put, Volume + "snapshots/00000000-0000-4000-8000-000000000000", token, body, Pinned);

        await AssertFaultAsync(response, 400, "badRequest", message);
    }

    [Fact]
    public async Task Update_of_an_unknown_snapshot_is_404()
    {
        var token = await TokenAsync();

        using var unknown = await SendAsync(
            HttpMethod.Put, Volume + "snapshots/00000000-0000-4000-8000-000000000000", token, "{\"snapshot\": {\"name\": \"x\"}}", Pinned);

        await AssertFaultAsync(unknown, 404, "itemNotFound", "Snapshot 00000000-0000-4000-8000-000000000000 could not be found.");
    }

    [Fact]
    public async Task Delete_is_202_and_the_snapshot_is_gone_from_both_apis()
    {
        var token = await TokenAsync();
        var id = (await CinderCreateAsync(token, CinderBody())).GetProperty("id").GetString();
        await CinderGetAsync(Volume + "snapshots/" + id, token);

        using var deleted = await SendAsync(HttpMethod.Delete, Volume + "snapshots/" + id, token, null, Pinned);
        using var cinder = await GetAsync(Volume + "snapshots/" + id, token, Pinned);
        using var nova = await GetAsync(Compute + "os-snapshots/" + id, token);

        Assert.Equal(HttpStatusCode.Accepted, deleted.StatusCode);
        Assert.Equal(0, deleted.Content.Headers.ContentLength);
        Assert.StartsWith("req-", Header(deleted, "x-openstack-request-id"));
        Assert.False(deleted.Headers.Contains("x-compute-request-id"));
        Assert.Equal(Header(cinder, "x-openstack-request-id"), Header(cinder, "x-compute-request-id"));
        await AssertFaultAsync(cinder, 404, "itemNotFound", $"Snapshot {id} could not be found.");
        Assert.Equal(HttpStatusCode.NotFound, nova.StatusCode);
    }

    [Fact]
    public async Task Delete_while_creating_is_400_invalid_snapshot()
    {
        Emu.UpdateSettings(snapshotDelayMs: 60_000);
        var token = await TokenAsync();
        var id = (await CinderCreateAsync(token, CinderBody())).GetProperty("id").GetString();

        using var response = await SendAsync(HttpMethod.Delete, Volume + "snapshots/" + id, token, null, Pinned);

        await AssertFaultAsync(response, 400, "badRequest",
            "Invalid snapshot: Snapshot status must be available or error and must not be part of a group.");
    }

    [Fact]
    public async Task Another_projects_snapshot_is_404_but_an_admin_sees_and_deletes_it()
    {
        var token = await TokenAsync();
        var id = (await CinderCreateAsync(token, CinderBody())).GetProperty("id").GetString();
        var tiny = await TokenAsync("tiny", "tiny-secret", "tiny");
        var admin = await AdminTokenAsync();

        using var foreign = await GetAsync("volume/v3/" + Seed.TinyProjectId + "/snapshots/" + id, tiny, Pinned);
        var seen = (await CinderGetAsync(AdminVolume + "snapshots/" + id, admin)).GetProperty("snapshot");
        using var deleted = await SendAsync(HttpMethod.Delete, AdminVolume + "snapshots/" + id, admin, null, Pinned);

        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(Seed.DemoProjectId, seen.GetProperty("os-extended-snapshot-attributes:project_id").GetString());
        Assert.Equal(HttpStatusCode.Accepted, deleted.StatusCode);
    }
}
