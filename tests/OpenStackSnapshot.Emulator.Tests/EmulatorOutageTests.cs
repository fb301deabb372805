using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Xunit;

namespace OpenStackSnapshot.Emulator.Tests;

/// <summary>A dead cloud: HAProxy's 503 for a while, or a port that refuses connections and then comes back.</summary>
public sealed class EmulatorOutageTests : EmulatorTest
{
    private const string HaproxyPage =
        "<html><body><h1>503 Service Unavailable</h1>\nNo server is available to handle this request.\n</body></html>\n";

    [Fact]
    public async Task Unavailable_outage_answers_haproxys_503_to_everything_but_the_controls_then_ends_by_itself()
    {
        var token = await TokenAsync();
        using var started = await ControlAsync(HttpMethod.Post, "outage", "{\"seconds\":1,\"mode\":\"unavailable\",\"retryAfter\":\"2\"}");
        var outage = (await JsonAsync(started)).GetProperty("outage");
        Assert.Equal(HttpStatusCode.OK, started.StatusCode);
        Assert.Equal("unavailable", outage.GetProperty("mode").GetString());
        Assert.Equal(1, outage.GetProperty("seconds").GetDouble());
        Assert.Equal("2", outage.GetProperty("retryAfter").GetString());
        var endsAt = outage.GetProperty("endsAt").GetDateTimeOffset();

        using var compute = await GetAsync(Compute + "os-snapshots", token);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, compute.StatusCode);
        Assert.Equal("text/html", compute.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HaproxyPage, await compute.Content.ReadAsStringAsync());
        Assert.Equal("2", compute.Headers.RetryAfter?.ToString());
        Assert.True(compute.Headers.ConnectionClose);
        Assert.False(compute.Headers.Contains("x-openstack-request-id"));
        using (var identity = await AuthAsync(PasswordAuth("demo", "demo-secret")))
            Assert.Equal(HttpStatusCode.ServiceUnavailable, identity.StatusCode);
        using (var unknown = await GetAsync("no/such/path", null)) Assert.Equal(HttpStatusCode.ServiceUnavailable, unknown.StatusCode);

        using (var shown = await ControlAsync(HttpMethod.Get, "outage"))
        {
            Assert.Equal("unavailable", (await JsonAsync(shown)).GetProperty("outage").GetProperty("mode").GetString());
        }

        using (var counts = await ControlAsync(HttpMethod.Get, "requests"))
        {
            var json = await JsonAsync(counts);
            Assert.Equal(3, json.GetProperty("outage").GetInt32());
            Assert.Equal(0, json.GetProperty("snapshots.list").GetInt32());
            Assert.Equal(1, json.GetProperty("identity.tokens").GetInt32());
        }

        await Task.Delay(endsAt - DateTimeOffset.UtcNow + TimeSpan.FromMilliseconds(50));
        using var after = await GetAsync(Compute + "os-snapshots", token);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        using var over = await ControlAsync(HttpMethod.Get, "outage");
        Assert.Equal("{\"outage\":null}", await over.Content.ReadAsStringAsync());
        Assert.Equal(3, Emu.RequestCount(RouteKeys.Outage));
    }

    [Fact]
    public async Task Delete_and_reset_end_an_unavailable_outage_early()
    {
        var token = await TokenAsync();
        var outage = await Emu.StartOutageAsync(TimeSpan.FromMinutes(5));
        Assert.Equal(outage, Emu.CurrentOutage);
        using (var during = await GetAsync(Compute + "os-snapshots", token)) Assert.Equal(HttpStatusCode.ServiceUnavailable, during.StatusCode);
        using (var noRetry = await GetAsync(Compute + "os-snapshots", token)) Assert.False(noRetry.Headers.Contains("Retry-After"));

        using (var deleted = await ControlAsync(HttpMethod.Delete, "outage")) Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        using (var after = await GetAsync(Compute + "os-snapshots", token)) Assert.Equal(HttpStatusCode.OK, after.StatusCode);

        using (await ControlAsync(HttpMethod.Post, "outage", "{\"seconds\":300}")) { }
        using (var again = await GetAsync(Compute + "os-snapshots", token)) Assert.Equal(HttpStatusCode.ServiceUnavailable, again.StatusCode);
        using (var reset = await ControlAsync(HttpMethod.Post, "reset")) Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        using (var back = await GetAsync(Compute + "os-snapshots", token)) Assert.Equal(HttpStatusCode.OK, back.StatusCode);
        Assert.Null(Emu.CurrentOutage);
        Assert.Equal(0, Emu.RequestCount(RouteKeys.Outage));
    }

    [Theory]
    [InlineData("{\"mode\":\"unavailable\"}", "seconds is required")]
    [InlineData("{\"seconds\":0}", "seconds must be more than 0 and at most 3600")]
    [InlineData("{\"seconds\":3601}", "seconds must be more than 0 and at most 3600")]
    [InlineData("{\"seconds\":\"5\"}", "seconds must be a number")]
    [InlineData("{\"seconds\":1,\"mode\":\"off\"}", "mode: 'off' is none of unavailable, refuse")]
    [InlineData("{\"seconds\":1,\"mode\":\"refuse\",\"retryAfter\":\"1\"}", "retryAfter goes with mode unavailable")]
    public async Task Bad_outage_requests_are_400_and_start_nothing(string body, string error)
    {
        await AssertControlRefusesAsync("outage", body, error);

        Assert.Null(Emu.CurrentOutage);
    }

    [Fact]
    public async Task Refuse_outage_closes_the_port_and_then_listens_on_it_again_with_the_same_state()
    {
        Emu.UpdateSettings(pageLimit: 3);
        var token = await TokenAsync();
        var id = (await CreateSnapshotAsync(token)).GetProperty("id").GetString();
        using var keepAlive = await KeptAliveConnectionAsync();

        // 5 s: room for a loaded machine to see the port refused, and the kept-alive and a new connection fail, before it ends.
        var clock = Stopwatch.StartNew();
        using (var started = await ControlAsync(HttpMethod.Post, "outage", "{\"seconds\":5,\"mode\":\"refuse\"}"))
        {
            Assert.Equal(HttpStatusCode.OK, started.StatusCode);
            Assert.Equal("refuse", (await JsonAsync(started)).GetProperty("outage").GetProperty("mode").GetString());
        }

        Assert.True(await TcpProbe.WaitForAsync(Emu.Port, SocketError.ConnectionRefused, TimeSpan.FromSeconds(5)));
        Assert.Equal(0, await ReadOrZeroAsync(keepAlive.GetStream()));
        // A new client (no pooled connection: one that was open may be cut instead) is refused.
        using var fresh = new HttpClient { BaseAddress = Emu.BaseUri };
        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => fresh.GetAsync(Compute + "os-snapshots"));
        Assert.Equal(SocketError.ConnectionRefused, Assert.IsType<SocketException>(refused.InnerException).SocketErrorCode);

        Assert.True(await TcpProbe.WaitForAsync(Emu.Port, SocketError.Success, TimeSpan.FromSeconds(30)));
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(4900), $"listening again after {clock.Elapsed}");
        using var show = await GetAsync(Compute + "os-snapshots/" + id, token);
        Assert.Equal(HttpStatusCode.OK, show.StatusCode);
        Assert.Equal(3, Emu.Settings.PageLimit);
        Assert.Equal(1, Emu.RequestCount(RouteKeys.SnapshotsCreate));
        Assert.Null(Emu.CurrentOutage);
    }

    [Fact]
    public async Task Refuse_outage_from_csharp_refuses_at_once_and_ends_early_on_request()
    {
        var token = await TokenAsync();

        var outage = await Emu.StartOutageAsync(TimeSpan.FromSeconds(30), OutageMode.Refuse);

        Assert.Equal(OutageMode.Refuse, outage.Mode);
        Assert.Equal(SocketError.ConnectionRefused, await TcpProbe.ConnectAsync(Emu.Port));
        Assert.Equal(outage, Emu.CurrentOutage);
        await Emu.EndOutageAsync();
        Assert.Equal(SocketError.Success, await TcpProbe.ConnectAsync(Emu.Port));
        using var list = await GetAsync(Compute + "os-snapshots", token);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
    }

    [Fact]
    public async Task Dispose_during_a_refuse_outage_is_prompt_and_a_second_dispose_is_harmless()
    {
        var host = await EmulatorHost.StartAsync(new EmulatorOptions());
        await host.StartOutageAsync(TimeSpan.FromMinutes(10), OutageMode.Refuse);
        var clock = Stopwatch.StartNew();

        await host.DisposeAsync();
        await host.DisposeAsync();

        // Proves the dispose did not wait the outage out, not how fast it was: the outage lasts 10 minutes.
        Assert.True(clock.Elapsed < TimeSpan.FromMinutes(9), $"disposed in {clock.Elapsed}: it waited for the 10-minute outage to end");
        await Task.Delay(100);
        Assert.Equal(SocketError.ConnectionRefused, await TcpProbe.ConnectAsync(host.Port));
    }

    // A raw connection that has had one answer and stays open (HTTP/1.1 keep-alive).
    private async Task<TcpClient> KeptAliveConnectionAsync()
    {
        var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, Emu.Port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes("GET /compute/ HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"));
        Assert.True(await ReadOrZeroAsync(stream) > 0);
        return client;
    }

    // Bytes read, 0 at end of stream; a reset connection counts as ended too.
    private static async Task<int> ReadOrZeroAsync(NetworkStream stream)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            return await stream.ReadAsync(new byte[64 * 1024], timeout.Token);
        }
        catch (IOException)
        {
            return 0;
        }
    }
}
