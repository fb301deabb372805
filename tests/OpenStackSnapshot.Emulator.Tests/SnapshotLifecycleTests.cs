using System.Net;
using Xunit;

namespace OpenStackSnapshot.Emulator.Tests;

/// <summary>Show, delete and the status life cycle (creating → available, deleting → gone), with and without delay.</summary>
public sealed class SnapshotLifecycleTests : EmulatorTest
{
    private const string InvalidInput =
        "Unexpected API Error. Please report this at http://bugs.launchpad.net/nova/ and attach the Nova API log if possible.\n"
        + "<class 'nova.exception.InvalidInput'>";

    [Fact]
    public async Task With_no_delay_a_snapshot_is_available_on_the_next_read_and_gone_right_after_delete()
    {
        var token = await TokenAsync();
        var id = (await CreateSnapshotAsync(token)).GetProperty("id").GetString();

        using var show = await GetAsync(Compute + "os-snapshots/" + id, token);
        Assert.Equal(HttpStatusCode.OK, show.StatusCode);
        Assert.Equal("available", (await JsonAsync(show)).GetProperty("snapshot").GetProperty("status").GetString());

        using var delete = await DeleteAsync(Compute + "os-snapshots/" + id, token);
        Assert.Equal(HttpStatusCode.Accepted, delete.StatusCode);
        Assert.Empty(await delete.Content.ReadAsByteArrayAsync());
        AssertVersionHeaders(delete, "2.1");

        using var gone = await GetAsync(Compute + "os-snapshots/" + id, token);
        await AssertFaultAsync(gone, 404, "itemNotFound", $"Snapshot {id} could not be found.");
    }

    [Fact]
    public async Task Tempest_flow_with_delay_create_show_list_wait_delete_wait_for_404()
    {
        Emu.UpdateSettings(snapshotDelayMs: 2000);
        var token = await TokenAsync();
        var id = (await CreateSnapshotAsync(token)).GetProperty("id").GetString();

        using (var creating = await GetAsync(Compute + "os-snapshots/" + id, token))
        {
            Assert.Equal("creating", (await JsonAsync(creating)).GetProperty("snapshot").GetProperty("status").GetString());
        }

        using (var list = await GetAsync(Compute + "os-snapshots", token))
        {
            Assert.Equal(id, (await JsonAsync(list)).GetProperty("snapshots")[0].GetProperty("id").GetString());
        }

        // Cinder refuses to delete a snapshot that is still being made; Nova shows that as a 500.
        using (var early = await DeleteAsync(Compute + "os-snapshots/" + id, token))
        {
            await AssertFaultAsync(early, 500, "computeFault", InvalidInput);
        }

        Clock.Advance(TimeSpan.FromMilliseconds(2000));
        using (var available = await GetAsync(Compute + "os-snapshots/" + id, token))
        {
            Assert.Equal("available", (await JsonAsync(available)).GetProperty("snapshot").GetProperty("status").GetString());
        }

        using (var delete = await DeleteAsync(Compute + "os-snapshots/" + id, token))
        {
            Assert.Equal(HttpStatusCode.Accepted, delete.StatusCode);
        }

        using (var deleting = await GetAsync(Compute + "os-snapshots/detail", token))
        {
            Assert.Equal("deleting", (await JsonAsync(deleting)).GetProperty("snapshots")[0].GetProperty("status").GetString());
        }

        using (var again = await DeleteAsync(Compute + "os-snapshots/" + id, token))
        {
            Assert.Equal(HttpStatusCode.InternalServerError, again.StatusCode);
        }

        Clock.Advance(TimeSpan.FromMilliseconds(1999));
        using (var stillThere = await GetAsync(Compute + "os-snapshots/" + id, token))
        {
            Assert.Equal(HttpStatusCode.OK, stillThere.StatusCode);
        }

        Clock.Advance(TimeSpan.FromMilliseconds(1));
        using var gone = await GetAsync(Compute + "os-snapshots/" + id, token);
        await AssertFaultAsync(gone, 404, "itemNotFound", $"Snapshot {id} could not be found.");
    }

    [Fact]
    public async Task Forced_error_status_sticks_and_error_snapshots_can_be_deleted()
    {
        Emu.UpdateSettings(snapshotDelayMs: 1000);
        var token = await TokenAsync();
        var id = (await CreateSnapshotAsync(token)).GetProperty("id").GetString()!;

        Assert.True(Emu.SetSnapshotStatus(id, "error"));
        Clock.Advance(TimeSpan.FromSeconds(5));
        using (var show = await GetAsync(Compute + "os-snapshots/" + id, token))
        {
            Assert.Equal("error", (await JsonAsync(show)).GetProperty("snapshot").GetProperty("status").GetString());
        }

        using var delete = await DeleteAsync(Compute + "os-snapshots/" + id, token);
        Assert.Equal(HttpStatusCode.Accepted, delete.StatusCode);
        Assert.False(Emu.SetSnapshotStatus("no-such-id", "error"));
    }

    [Theory]
    [InlineData("fe06e9f2-e6b0-47d1-a63e-c0a15ad51994")]
    [InlineData("100")]
    public async Task Show_and_delete_of_unknown_ids_are_404(string id)
    {
        var token = await TokenAsync();

        using var show = await GetAsync(Compute + "os-snapshots/" + id, token);
        await AssertFaultAsync(show, 404, "itemNotFound", $"Snapshot {id} could not be found.");

        using var delete = await DeleteAsync(Compute + "os-snapshots/" + id, token);
        await AssertFaultAsync(delete, 404, "itemNotFound", $"Snapshot {id} could not be found.");
    }

    [Fact]
    public async Task Delete_of_detail_reaches_delete_with_that_id()
    {
        var token = await TokenAsync();

        using var response = await DeleteAsync(Compute + "os-snapshots/detail", token);

        await AssertFaultAsync(response, 404, "itemNotFound", "Snapshot detail could not be found.");
    }

    [Fact]
    public async Task Another_projects_snapshot_is_invisible()
    {
        var demo = await TokenAsync();
        var tiny = await TokenAsync("tiny", "tiny-secret", "tiny");
        var id = (await CreateSnapshotAsync(demo)).GetProperty("id").GetString();

        using var show = await GetAsync(Compute + "os-snapshots/" + id, tiny);
        Assert.Equal(HttpStatusCode.NotFound, show.StatusCode);
        using var delete = await DeleteAsync(Compute + "os-snapshots/" + id, tiny);
        Assert.Equal(HttpStatusCode.NotFound, delete.StatusCode);
        using var list = await GetAsync(Compute + "os-snapshots", tiny);
        Assert.Equal(0, (await JsonAsync(list)).GetProperty("snapshots").GetArrayLength());
    }

    [Fact]
    public async Task Reader_may_read_but_not_delete()
    {
        var demo = await TokenAsync();
        var reader = await TokenAsync("reader", "reader-secret");
        var id = (await CreateSnapshotAsync(demo)).GetProperty("id").GetString();

        using var show = await GetAsync(Compute + "os-snapshots/" + id, reader);
        Assert.Equal(HttpStatusCode.OK, show.StatusCode);
        using var detail = await GetAsync(Compute + "os-snapshots/detail", reader);
        Assert.Equal(HttpStatusCode.OK, detail.StatusCode);

        using var delete = await DeleteAsync(Compute + "os-snapshots/" + id, reader);
        await AssertFaultAsync(delete, 403, "forbidden", "Policy doesn't allow os_compute_api:os-volumes:snapshots:delete to be performed.");
    }

    [Fact]
    public async Task Unscoped_token_is_refused_by_policy()
    {
        using var auth = await AuthAsync("{\"auth\": {\"identity\": {\"methods\": [\"password\"], \"password\": {\"user\": {\"name\": \"demo\", " +
                                         "\"domain\": {\"id\": \"default\"}, \"password\": \"demo-secret\"}}}, \"scope\": \"unscoped\"}}");
        Assert.Equal(HttpStatusCode.Created, auth.StatusCode);
        Assert.False((await JsonAsync(auth)).GetProperty("token").TryGetProperty("catalog", out _));
        var token = auth.Headers.GetValues("X-Subject-Token").Single();

        using var list = await GetAsync(Compute + "os-snapshots", token);

        await AssertFaultAsync(list, 403, "forbidden", "Policy doesn't allow os_compute_api:os-volumes:snapshots:list to be performed.");
    }
}
