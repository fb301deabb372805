using System.Net;
using System.Text.Json;
using Xunit;

namespace OpenStackSnapshot.Emulator.Tests;

/// <summary>Chaos mode over HTTP (<c>/_emulator/chaos</c>) and as EmulatorHost methods.</summary>
public sealed class ChaosTests : EmulatorTest
{
    private async Task<JsonElement> StartChaosAsync(string json)
    {
        using var response = await ControlAsync(HttpMethod.Post, "chaos", json);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await JsonAsync(response);
    }

    private async Task<JsonElement> ChaosAsync()
    {
        using var response = await ControlAsync(HttpMethod.Get, "chaos");
        return await JsonAsync(response);
    }

    // The status, or 0 when the connection was cut.
    private async Task<int> TryCreateAsync(string token)
    {
        try
        {
            using var response = await PostAsync(Compute + "os-snapshots", token, CreateBody());
            await response.Content.ReadAsByteArrayAsync();
            return (int)response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return 0;
        }
    }

    [Theory]
    [InlineData("unavailable503", 503, false)]
    [InlineData("unavailable503NoRetryAfter", 503, false)]
    [InlineData("rateLimited429", 429, false)]
    [InlineData("rateLimited429Date", 429, false)]
    [InlineData("latency", 200, true)]
    [InlineData("heldBack", 200, true)]
    [InlineData("resetBefore", 0, false)]
    [InlineData("resetAfter", 0, true)]
    [InlineData("truncatedBody", 200, true)]
    [InlineData("truncatedConnection", 0, true)]
    [InlineData("nonJson200", 200, true)]
    [InlineData("gatewayTimeout504After", 504, true)]
    public async Task Each_kind_answers_its_way_and_carried_out_tells_whether_the_snapshot_was_made(string kind, int status, bool carriedOut)
    {
        var token = await TokenAsync();
        await StartChaosAsync(
            $"{{\"rate\":1,\"seed\":1,\"kinds\":[\"{kind}\"],\"routes\":[\"snapshots.create\"],\"heldBackMs\":50,\"latencyMs\":50}}");

        Assert.Equal(status, await TryCreateAsync(token));

        var report = await ChaosAsync();
        Assert.Equal(1, report.GetProperty("requests").GetInt32());
        Assert.Equal(1, report.GetProperty("injected").GetProperty(kind).GetInt32());
        Assert.Equal(carriedOut ? 1 : 0, report.GetProperty("carriedOut").GetProperty(kind).GetInt32());
        Assert.Equal(carriedOut ? 1 : 0, await SnapshotCountAsync(token));
    }

    [Theory]
    [InlineData("unavailable503", "1")]
    [InlineData("unavailable503NoRetryAfter", null)]
    [InlineData("rateLimited429", "1")]
    public async Task Unavailable_and_rate_limited_kinds_carry_novas_body_and_their_retry_after(string kind, string? retryAfter)
    {
        var token = await TokenAsync();
        await StartChaosAsync($"{{\"rate\":1,\"kinds\":[\"{kind}\"]}}");

        using var response = await GetAsync(Compute + "os-snapshots", token);

        Assert.Equal(retryAfter, response.Headers.RetryAfter?.ToString());
        var fault = Assert.Single((await JsonAsync(response)).EnumerateObject());
        Assert.Equal((int)response.StatusCode, fault.Value.GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task Dated_429_carries_an_http_date_just_ahead()
    {
        var token = await TokenAsync();
        await StartChaosAsync("{\"rate\":1,\"kinds\":[\"rateLimited429Date\"]}");

        var sent = DateTimeOffset.UtcNow;
        using var response = await GetAsync(Compute + "os-snapshots", token);
        var answered = DateTimeOffset.UtcNow;

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        var date = response.Headers.RetryAfter?.Date;
        Assert.NotNull(date);
        // Ahead of when the answer was made, which lies between sent and answered however slow the machine.
        Assert.InRange(date!.Value, sent + TimeSpan.FromSeconds(0.5), answered + TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task Non_json_200_and_the_gateway_timeout_are_not_json()
    {
        var token = await TokenAsync();
        await StartChaosAsync("{\"rate\":1,\"kinds\":[\"nonJson200\"],\"routes\":[\"snapshots.list\"]}");
        using (var ok = await GetAsync(Compute + "os-snapshots", token))
        {
            Assert.Equal(("text/plain", "OK"), (ok.Content.Headers.ContentType?.MediaType, await ok.Content.ReadAsStringAsync()));
        }

        await StartChaosAsync("{\"rate\":1,\"kinds\":[\"gatewayTimeout504After\"],\"routes\":[\"snapshots.list\"]}");
        using var timedOut = await GetAsync(Compute + "os-snapshots", token);
        Assert.Equal("text/html", timedOut.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<title>504 Gateway Time-out</title>", await timedOut.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Proxy_pages_come_before_or_after_processing_and_the_report_says_how_many_after()
    {
        var token = await TokenAsync();
        await StartChaosAsync("{\"rate\":1,\"seed\":7,\"kinds\":[\"proxyPage502\"],\"routes\":[\"snapshots.create\"]}");

        for (var i = 0; i < 8; i++) Assert.Equal(502, await TryCreateAsync(token));

        var report = await ChaosAsync();
        var after = report.GetProperty("proxyPage502AfterProcessing").GetInt32();
        Assert.InRange(after, 1, 7);
        Assert.Equal(8, report.GetProperty("injected").GetProperty("proxyPage502").GetInt32());
        Assert.Equal(after, report.GetProperty("carriedOut").GetProperty("proxyPage502").GetInt32());
        Assert.Equal(after, await SnapshotCountAsync(token));
    }

    [Fact]
    public async Task Post_answers_the_spec_with_defaults_and_rate_0_injects_nothing()
    {
        var token = await TokenAsync();

        var started = await StartChaosAsync("{\"rate\":0}");
        using (await GetAsync(Compute + "os-snapshots", token)) { }

        Assert.True(started.GetProperty("active").GetBoolean());
        Assert.Equal(JsonValueKind.Number, started.GetProperty("seed").ValueKind);
        Assert.Equal(13, started.GetProperty("kinds").GetArrayLength());
        Assert.Equal(RouteKeys.All, started.GetProperty("routes").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal((3000, 200), (started.GetProperty("heldBackMs").GetInt32(), started.GetProperty("latencyMs").GetInt32()));
        var report = await ChaosAsync();
        Assert.Equal(1, report.GetProperty("requests").GetInt32());
        Assert.All(report.GetProperty("injected").EnumerateObject(), k => Assert.Equal(0, k.Value.GetInt32()));
        Assert.Equal(13, report.GetProperty("carriedOut").EnumerateObject().Count());
    }

    [Fact]
    public async Task Queued_faults_and_outages_come_before_chaos()
    {
        var token = await TokenAsync();
        Emu.InjectFault(new FaultSpec { Route = RouteKeys.SnapshotsList, Status = 500 });
        await StartChaosAsync("{\"rate\":1,\"kinds\":[\"nonJson200\"],\"routes\":[\"snapshots.list\"]}");

        using (var queued = await GetAsync(Compute + "os-snapshots", token)) Assert.Equal(HttpStatusCode.InternalServerError, queued.StatusCode);
        using (var chaos = await GetAsync(Compute + "os-snapshots", token)) Assert.Equal("OK", await chaos.Content.ReadAsStringAsync());
        await Emu.StartOutageAsync(TimeSpan.FromMinutes(1));
        using (var outage = await GetAsync(Compute + "os-snapshots", token)) Assert.Equal("text/html", outage.Content.Headers.ContentType?.MediaType);

        var report = await ChaosAsync();
        Assert.Equal(1, report.GetProperty("requests").GetInt32());
        Assert.Equal(1, report.GetProperty("injected").GetProperty("nonJson200").GetInt32());
    }

    [Fact]
    public async Task Delete_turns_chaos_off_but_keeps_the_counts_and_reset_clears_them()
    {
        var token = await TokenAsync();
        await StartChaosAsync("{\"rate\":1,\"kinds\":[\"nonJson200\"],\"routes\":[\"volumes.list\"]}");
        using (var chaotic = await GetAsync(Compute + "os-volumes", token)) Assert.Equal("OK", await chaotic.Content.ReadAsStringAsync());

        using (var deleted = await ControlAsync(HttpMethod.Delete, "chaos")) Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        using (var calm = await GetAsync(Compute + "os-volumes", token))
            Assert.Equal("application/json", calm.Content.Headers.ContentType?.MediaType);
        var stopped = await ChaosAsync();
        Assert.False(stopped.GetProperty("active").GetBoolean());
        Assert.Equal(1, stopped.GetProperty("injected").GetProperty("nonJson200").GetInt32());
        Assert.Equal(1.0, stopped.GetProperty("rate").GetDouble());

        using (await ControlAsync(HttpMethod.Post, "reset")) { }
        var reset = await ChaosAsync();
        Assert.Equal(JsonValueKind.Null, reset.GetProperty("rate").ValueKind);
        Assert.Equal(0, reset.GetProperty("requests").GetInt32());
    }

    [Fact]
    public async Task Csharp_methods_start_read_and_stop_chaos()
    {
        var token = await TokenAsync();
        var spec = Emu.StartChaos(new ChaosSpec { Rate = 1, Seed = 5, Kinds = [ChaosKind.ResetBefore], Routes = [RouteKeys.SnapshotsList] });

        await Assert.ThrowsAsync<HttpRequestException>(() => GetAsync(Compute + "os-snapshots", token));

        Assert.Equal(5, spec.Seed);
        Assert.True(Emu.Chaos.Active);
        Assert.Equal(1, Emu.Chaos.Injected[ChaosKind.ResetBefore]);
        Assert.Equal(0, Emu.Chaos.CarriedOut[ChaosKind.ResetBefore]);
        Emu.StopChaos();
        using var calm = await GetAsync(Compute + "os-snapshots", token);
        Assert.Equal(HttpStatusCode.OK, calm.StatusCode);
        Assert.False(Emu.Chaos.Active);
    }

    [Theory]
    [InlineData("{\"seed\":1}", "rate (0 to 1) is required")]
    [InlineData("{\"rate\":1.5}", "rate must be a number from 0 to 1")]
    [InlineData("{\"rate\":-0.1}", "rate must be a number from 0 to 1")]
    [InlineData("{\"rate\":\"0.5\"}", "rate must be a number")]
    [InlineData("{\"rate\":0.5,\"kinds\":[\"gremlins\"]}", "kinds: 'gremlins' is none of unavailable503,")]
    [InlineData("{\"rate\":0.5,\"kinds\":[]}", "kinds must not be empty")]
    [InlineData("{\"rate\":0.5,\"kinds\":\"latency\"}", "kinds must be an array of strings")]
    [InlineData("{\"rate\":0.5,\"routes\":[\"snapshots.nope\"]}", "unknown route 'snapshots.nope'")]
    [InlineData("{\"rate\":0.5,\"heldBackMs\":-1}", "heldBackMs must not be negative")]
    [InlineData("{\"rate\":0.5,\"latencyMs\":-1}", "latencyMs must not be negative")]
    [InlineData("{\"rate\":0.5,\"seed\":1.5}", "seed must be an integer")]
    public async Task Bad_chaos_requests_are_400_and_leave_chaos_off(string body, string error)
    {
        await AssertControlRefusesAsync("chaos", body, error);

        Assert.False((await ChaosAsync()).GetProperty("active").GetBoolean());
    }
}
