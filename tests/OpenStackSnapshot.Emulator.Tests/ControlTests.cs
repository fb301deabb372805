using System.Net;
using System.Text.Json;
using Xunit;

namespace OpenStackSnapshot.Emulator.Tests;

/// <summary>The test controls over HTTP (<c>/_emulator/...</c>) and as EmulatorHost methods.</summary>
public sealed class ControlTests : EmulatorTest
{
    [Fact]
    public async Task Fault_answers_the_next_count_requests_with_novas_body_and_retry_after()
    {
        var token = await TokenAsync();
        using var queued = await ControlAsync(HttpMethod.Post, "faults",
            "{\"route\":\"snapshots.create\",\"count\":2,\"status\":503,\"body\":null,\"contentType\":null,\"retryAfter\":\"1\",\"delayMs\":0}");
        Assert.Equal(HttpStatusCode.OK, queued.StatusCode);

        for (var i = 0; i < 2; i++)
        {
            using var faulted = await PostAsync(Compute + "os-snapshots", token, CreateBody());
            await AssertFaultAsync(faulted, 503, "serviceUnavailable", "The server is currently unavailable. Please try again at a later time.");
            Assert.Equal("1", faulted.Headers.RetryAfter?.ToString());
            Assert.StartsWith("req-", Header(faulted, "x-openstack-request-id"));
        }

        using var third = await PostAsync(Compute + "os-snapshots", token, CreateBody());
        Assert.Equal(HttpStatusCode.OK, third.StatusCode);

        using var counts = await ControlAsync(HttpMethod.Get, "requests");
        var json = await JsonAsync(counts);
        Assert.Equal(3, json.GetProperty("snapshots.create").GetInt32());
        Assert.Equal(0, json.GetProperty("snapshots.delete").GetInt32());
        Assert.Equal(1, json.GetProperty("identity.tokens").GetInt32());
    }

    [Theory]
    [InlineData(429, "overLimit")]
    [InlineData(413, "overLimit")]
    public async Task Over_limit_faults_carry_retry_after_in_the_body(int status, string name)
    {
        var token = await TokenAsync();
        Emu.InjectFault(new FaultSpec { Route = RouteKeys.SnapshotsList, Status = status, RetryAfter = "7" });

        using var response = await GetAsync(Compute + "os-snapshots", token);

        Assert.Equal(status, (int)response.StatusCode);
        var fault = (await JsonAsync(response)).GetProperty(name);
        Assert.Equal("7", fault.GetProperty("retryAfter").GetString());
        Assert.Equal(status, fault.GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task Custom_body_and_content_type_are_sent_as_given()
    {
        var token = await TokenAsync();
        Emu.InjectFault(new FaultSpec
        {
            Route = RouteKeys.SnapshotsShow, Status = 502, Body = "<html>bad gateway</html>", ContentType = "text/html",
        });

        using var response = await GetAsync(Compute + "os-snapshots/x", token);

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("<html>bad gateway</html>", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Identity_faults_use_keystones_shape()
    {
        Emu.InjectFault(new FaultSpec { Route = RouteKeys.IdentityTokens, Status = 503 });

        using var response = await AuthAsync(PasswordAuth("demo", "demo-secret"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var error = (await JsonAsync(response)).GetProperty("error");
        Assert.Equal(503, error.GetProperty("code").GetInt32());
        Assert.Equal("Service Unavailable", error.GetProperty("title").GetString());
        Assert.Equal(1, Emu.RequestCount(RouteKeys.IdentityTokens));
    }

    [Fact]
    public async Task Injected_401_on_compute_looks_like_the_auth_middleware()
    {
        var token = await TokenAsync();
        Emu.InjectFault(new FaultSpec { Route = RouteKeys.SnapshotsDetail, Status = 401 });

        using var response = await GetAsync(Compute + "os-snapshots/detail", token);

        await AssertUnauthorizedAsync(response);
    }

    [Fact]
    public async Task Drop_closes_the_connection_without_an_answer()
    {
        var token = await TokenAsync();
        Emu.InjectFault(new FaultSpec { Route = RouteKeys.SnapshotsCreate, Drop = true });

        await Assert.ThrowsAsync<HttpRequestException>(() => PostAsync(Compute + "os-snapshots", token, CreateBody()));

        Assert.Equal(1, Emu.RequestCount(RouteKeys.SnapshotsCreate));
        using var list = await GetAsync(Compute + "os-snapshots", token);
        Assert.Equal(0, (await JsonAsync(list)).GetProperty("snapshots").GetArrayLength());
    }

    [Fact]
    public async Task Delay_holds_the_answer_long_enough_for_a_client_timeout()
    {
        var token = await TokenAsync();
        Emu.InjectFault(new FaultSpec { Route = RouteKeys.SnapshotsList, DelayMs = 10_000 });
        using var impatient = new HttpClient { BaseAddress = Emu.BaseUri, Timeout = TimeSpan.FromMilliseconds(200) };
        using var request = new HttpRequestMessage(HttpMethod.Get, Compute + "os-snapshots");
        request.Headers.Add("X-Auth-Token", token);

        await Assert.ThrowsAsync<TaskCanceledException>(() => impatient.SendAsync(request));

        // Status 0 without drop only delays: the next request is normal again.
        using var after = await GetAsync(Compute + "os-snapshots", token);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task Bad_fault_requests_are_400_and_faults_can_be_cleared()
    {
        using var unknown = await ControlAsync(HttpMethod.Post, "faults", "{\"route\":\"snapshots.nope\",\"status\":500}");
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("unknown route", (await JsonAsync(unknown)).GetProperty("error").GetString());

        using var queued = await ControlAsync(HttpMethod.Post, "faults", "{\"route\":\"snapshots.list\",\"status\":500,\"count\":5}");
        using (var pending = await ControlAsync(HttpMethod.Get, "faults"))
        {
            Assert.Equal(5, (await JsonAsync(pending)).GetProperty("faults")[0].GetProperty("count").GetInt32());
        }

        using var cleared = await ControlAsync(HttpMethod.Delete, "faults");
        Assert.Equal(HttpStatusCode.NoContent, cleared.StatusCode);
        var token = await TokenAsync();
        using var list = await GetAsync(Compute + "os-snapshots", token);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
    }

    [Fact]
    public async Task Settings_change_at_run_time_and_reset_restores_everything()
    {
        using var put = await ControlAsync(HttpMethod.Put, "settings", "{\"pageLimit\":5,\"snapshotDelayMs\":200}");
        var settings = await JsonAsync(put);
        Assert.Equal(5, settings.GetProperty("pageLimit").GetInt32());
        Assert.Equal(200, settings.GetProperty("snapshotDelayMs").GetInt32());
        Assert.Equal(3600, settings.GetProperty("tokenTtlSeconds").GetInt32());

        var token = await TokenAsync();
        var id = (await CreateSnapshotAsync(token)).GetProperty("id").GetString();
        using (var show = await GetAsync(Compute + "os-snapshots/" + id, token))
        {
            Assert.Equal("creating", (await JsonAsync(show)).GetProperty("snapshot").GetProperty("status").GetString());
        }

        Emu.InjectFault(new FaultSpec { Route = RouteKeys.SnapshotsList, Status = 500 });
        using var reset = await ControlAsync(HttpMethod.Post, "reset");
        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);

        Assert.Equal(new EmulatorSettings(1000, 0, 3600), Emu.Settings);
        Assert.All(Emu.RequestCounts().Values, c => Assert.Equal(0, c));
        using var list = await GetAsync(Compute + "os-snapshots", token);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal(0, (await JsonAsync(list)).GetProperty("snapshots").GetArrayLength());

        using var invalid = await ControlAsync(HttpMethod.Put, "settings", "{\"pageLimit\":0}");
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        using var negativeQuota = await ControlAsync(HttpMethod.Put, "settings", "{\"snapshotQuota\":-1}");
        Assert.Equal(HttpStatusCode.BadRequest, negativeQuota.StatusCode);
        using var quota = await ControlAsync(HttpMethod.Put, "settings", "{\"snapshotQuota\":6000}");
        Assert.Equal(6000, (await JsonAsync(quota)).GetProperty("snapshotQuota").GetInt32());
    }

    [Fact]
    public async Task Snapshot_status_can_be_forced_over_http()
    {
        var token = await TokenAsync();
        var id = (await CreateSnapshotAsync(token)).GetProperty("id").GetString();

        using var forced = await ControlAsync(HttpMethod.Post, $"snapshots/{id}/status", "{\"status\":\"error_deleting\"}");
        Assert.Equal(HttpStatusCode.OK, forced.StatusCode);
        Assert.Equal("error_deleting", (await JsonAsync(forced)).GetProperty("snapshot").GetProperty("status").GetString());

        using var show = await GetAsync(Compute + "os-snapshots/" + id, token);
        Assert.Equal("error_deleting", (await JsonAsync(show)).GetProperty("snapshot").GetProperty("status").GetString());

        using var missing = await ControlAsync(HttpMethod.Post, "snapshots/nope/status", "{\"status\":\"error\"}");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Snapshot_creation_time_can_be_moved_over_http_and_a_reset_keeps_nothing()
    {
        var token = await TokenAsync();
        var id = (await CreateSnapshotAsync(token)).GetProperty("id").GetString();

        using var moved = await ControlAsync(HttpMethod.Post, $"snapshots/{id}/createdAt", "{\"createdAt\":\"2026-12-01T22:00:00Z\"}");
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal("2026-12-01T22:00:00.000000", (await JsonAsync(moved)).GetProperty("snapshot").GetProperty("createdAt").GetString());

        // A time without a zone is UTC, as Cinder's own are.
        Assert.True(Emu.SetSnapshotCreatedAt(id!, DateTimeOffset.Parse("2026-11-30T08:30:00+01:00")));
        using var show = await GetAsync(Compute + "os-snapshots/" + id, token);
        Assert.Equal("2026-11-30T07:30:00.000000", (await JsonAsync(show)).GetProperty("snapshot").GetProperty("createdAt").GetString());
        using var bare = await ControlAsync(HttpMethod.Post, $"snapshots/{id}/createdAt", "{\"createdAt\":\"2026-11-29T01:02:03\"}");
        Assert.Equal("2026-11-29T01:02:03.000000", (await JsonAsync(bare)).GetProperty("snapshot").GetProperty("createdAt").GetString());

        using var missing = await ControlAsync(HttpMethod.Post, "snapshots/nope/createdAt", "{\"createdAt\":\"2026-12-01T22:00:00Z\"}");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        using var noTime = await ControlAsync(HttpMethod.Post, $"snapshots/{id}/createdAt", "{}");
        Assert.Equal(HttpStatusCode.BadRequest, noTime.StatusCode);
        using var badTime = await ControlAsync(HttpMethod.Post, $"snapshots/{id}/createdAt", "{\"createdAt\":\"yesterday\"}");
        Assert.Equal(HttpStatusCode.BadRequest, badTime.StatusCode);
        Assert.False(Emu.SetSnapshotCreatedAt("nope", DateTimeOffset.UtcNow));
    }

    [Fact]
    public async Task Counters_count_per_route_including_errors()
    {
        var token = await TokenAsync();
        using (await GetAsync(Compute + "os-snapshots/x", token)) { }
        using (await GetAsync(Compute + "os-snapshots/x", null)) { }
        using (await GetAsync(Compute + "os-snapshots/detail", token, ("X-OpenStack-Nova-API-Version", "2.36"))) { }
        using (await GetAsync(Compute + "os-volumes", token)) { }

        Assert.Equal(2, Emu.RequestCount(RouteKeys.SnapshotsShow));
        Assert.Equal(1, Emu.RequestCount(RouteKeys.SnapshotsDetail));
        Assert.Equal(1, Emu.RequestCount(RouteKeys.VolumesList));
        Assert.Equal(0, Emu.RequestCount(RouteKeys.VolumesShow));
        Assert.Equal(RouteKeys.All.Order(), Emu.RequestCounts().Keys.Order());
        Assert.Equal(JsonValueKind.Object, (await JsonAsync(await ControlAsync(HttpMethod.Get, "requests"))).ValueKind);
    }
}
