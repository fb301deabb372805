using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Xunit;

namespace OpenStackSnapshot.Emulator.Tests;

/// <summary>The fault options for broken answers: a body cut in half (truncate) and a proxy's HTML page.</summary>
public sealed class FaultModeTests : EmulatorTest
{
    private const string NginxBadGateway =
        "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n" +
        "<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";

    [Fact]
    public async Task Truncate_body_sends_the_real_answer_cut_in_half_with_a_matching_length()
    {
        var token = await TokenAsync();
        var id = (await CreateSnapshotAsync(token)).GetProperty("id").GetString();
        using var whole = await GetAsync(Compute + "os-snapshots/" + id, token);
        var full = await whole.Content.ReadAsByteArrayAsync();
        Emu.InjectFault(new FaultSpec { Route = RouteKeys.SnapshotsShow, Truncate = Truncation.Body });

        using var cut = await GetAsync(Compute + "os-snapshots/" + id, token);

        Assert.Equal(HttpStatusCode.OK, cut.StatusCode);
        AssertVersionHeaders(cut, "2.1");
        Assert.StartsWith("req-", Header(cut, "x-openstack-request-id"));
        var bytes = await cut.Content.ReadAsByteArrayAsync();
        Assert.Equal(full.Length / 2, bytes.Length);
        Assert.Equal(bytes.Length, cut.Content.Headers.ContentLength);
        Assert.Equal(full[..bytes.Length], bytes);
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(bytes));
    }

    [Fact]
    public async Task Truncate_body_over_http_carries_the_create_out()
    {
        var token = await TokenAsync();
        using var queued = await ControlAsync(HttpMethod.Post, "faults", "{\"route\":\"snapshots.create\",\"truncate\":\"body\"}");
        Assert.Equal("body", (await JsonAsync(queued)).GetProperty("queued").GetProperty("truncate").GetString());

        using var cut = await PostAsync(Compute + "os-snapshots", token, CreateBody());

        Assert.Equal(HttpStatusCode.OK, cut.StatusCode);
        Assert.StartsWith("{\"snapshot\":{\"id\":\"", await cut.Content.ReadAsStringAsync());
        Assert.Equal(1, await SnapshotCountAsync(token));
    }

    [Fact]
    public async Task Truncate_connection_announces_the_full_length_then_cuts_the_connection_mid_body()
    {
        var token = await TokenAsync();
        Emu.InjectFault(new FaultSpec { Route = RouteKeys.SnapshotsCreate, Truncate = Truncation.Connection });
        using var request = new HttpRequestMessage(HttpMethod.Post, Compute + "os-snapshots")
        {
            Content = new StringContent(CreateBody(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Auth-Token", token);

        using var response = await Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var announced = response.Content.Headers.ContentLength!.Value;
        var received = new MemoryStream();
        await using (var body = await response.Content.ReadAsStreamAsync())
        {
            await Assert.ThrowsAnyAsync<IOException>(() => body.CopyToAsync(received));
        }

        Assert.True(announced > 100, $"the whole answer is {announced} bytes");
        Assert.Equal(announced / 2, received.Length);
        Assert.Equal(1, await SnapshotCountAsync(token));
    }

    [Fact]
    public async Task Proxy_page_is_nginxs_502_without_request_ids_and_the_request_never_ran()
    {
        var token = await TokenAsync();
        using var queued = await ControlAsync(HttpMethod.Post, "faults", "{\"route\":\"snapshots.create\",\"proxyPage\":true}");
        Assert.Equal(502, (await JsonAsync(queued)).GetProperty("queued").GetProperty("status").GetInt32());

        using var response = await PostAsync(Compute + "os-snapshots", token, CreateBody());

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(NginxBadGateway, await response.Content.ReadAsStringAsync());
        Assert.Equal("nginx", Header(response, "Server"));
        Assert.False(response.Headers.Contains("x-openstack-request-id"));
        Assert.False(response.Headers.Contains("x-compute-request-id"));
        Assert.Equal(0, await SnapshotCountAsync(token));
    }

    [Fact]
    public async Task Proxy_page_after_processing_makes_the_snapshot_then_answers_the_page()
    {
        var token = await TokenAsync();
        Emu.InjectFault(new FaultSpec
        {
            Route = RouteKeys.SnapshotsCreate, ProxyPage = true, Status = 504, AfterProcessing = true, RetryAfter = "3",
        });

        using var response = await PostAsync(Compute + "os-snapshots", token, CreateBody());

        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
        Assert.Contains("<center><h1>504 Gateway Time-out</h1></center>", await response.Content.ReadAsStringAsync());
        Assert.Equal("3", response.Headers.RetryAfter?.ToString());
        Assert.Equal(1, await SnapshotCountAsync(token));
    }

    [Fact]
    public async Task Proxy_page_on_identity_is_html_too()
    {
        Emu.InjectFault(new FaultSpec { Route = RouteKeys.IdentityTokens, ProxyPage = true, Status = 503 });

        using var response = await AuthAsync(PasswordAuth("demo", "demo-secret"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(new MediaTypeHeaderValue("text/html"), response.Content.Headers.ContentType);
        Assert.Contains("<title>503 Service Temporarily Unavailable</title>", await response.Content.ReadAsStringAsync());
        Assert.False(response.Headers.Contains("X-Subject-Token"));
    }

    [Theory]
    [InlineData("{\"route\":\"snapshots.list\",\"truncate\":\"body\",\"status\":500}", "truncate cuts the real answer")]
    [InlineData("{\"route\":\"snapshots.list\",\"truncate\":\"connection\",\"drop\":true}", "truncate cuts the real answer")]
    [InlineData("{\"route\":\"snapshots.list\",\"truncate\":\"sideways\"}", "truncate: 'sideways' is none of")]
    [InlineData("{\"route\":\"snapshots.list\",\"truncate\":7}", "truncate must be a string")]
    [InlineData("{\"route\":\"snapshots.list\",\"proxyPage\":true,\"body\":\"<p>\"}", "proxyPage brings its own body")]
    [InlineData("{\"route\":\"snapshots.list\",\"proxyPage\":true,\"drop\":true}", "proxyPage brings its own body")]
    public async Task Conflicting_fault_options_are_400(string fault, string error)
    {
        await AssertControlRefusesAsync("faults", fault, error);

        using var pending = await ControlAsync(HttpMethod.Get, "faults");
        Assert.Equal(0, (await JsonAsync(pending)).GetProperty("faults").GetArrayLength());
    }
}
