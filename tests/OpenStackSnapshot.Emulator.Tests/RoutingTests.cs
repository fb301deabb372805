using System.Net;
using System.Text;
using Xunit;

namespace OpenStackSnapshot.Emulator.Tests;

/// <summary>URL forms, the project id in the path, unknown routes, auth and request ids, version discovery.</summary>
public sealed class RoutingTests : EmulatorTest
{
    [Fact]
    public async Task Every_route_works_with_and_without_the_project_id()
    {
        var token = await TokenAsync();
        var withProject = Compute + Seed.DemoProjectId + "/";

        using var create = await PostAsync(withProject + "os-snapshots", token, CreateBody());
        Assert.Equal(HttpStatusCode.OK, create.StatusCode);
        var id = (await JsonAsync(create)).GetProperty("snapshot").GetProperty("id").GetString();

        foreach (var prefix in new[] { Compute, withProject })
        {
            var paths = new[]
            {
                "os-snapshots", "os-snapshots/detail", "os-snapshots/" + id, "os-volumes", "os-volumes/detail", "os-volumes/" + Seed.VolumeData01,
            };
            foreach (var path in paths)
            {
                using var response = await GetAsync(prefix + path, token);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }
        }

        using var delete = await DeleteAsync(withProject + "os-snapshots/" + id, token);
        Assert.Equal(HttpStatusCode.Accepted, delete.StatusCode);
    }

    [Fact]
    public async Task A_project_id_that_is_not_the_tokens_is_400()
    {
        var token = await TokenAsync();

        using var response = await GetAsync(Compute + Seed.TinyProjectId + "/os-snapshots", token);

        await AssertFaultAsync(response, 400, "badRequest",
            $"Malformed request URL: URL's project_id '{Seed.TinyProjectId}' doesn't match Context's project_id '{Seed.DemoProjectId}'");
        AssertVersionHeaders(response, "2.1");
    }

    [Theory]
    [InlineData("GET", "compute/v2.1/os-snapshotz")]
    [InlineData("PUT", "compute/v2.1/os-snapshots/fe06e9f2-e6b0-47d1-a63e-c0a15ad51994")]
    [InlineData("PATCH", "compute/v2.1/os-snapshots")]
    [InlineData("DELETE", "compute/v2.1/os-snapshots")]
    [InlineData("POST", "compute/v2.1/os-snapshots/detail")]
    [InlineData("GET", "compute/v2.1/NOT-HEX/os-snapshots")]
    [InlineData("GET", "compute/v2.1/os-snapshots/")]
    [InlineData("GET", "nowhere")]
    public async Task Unknown_paths_and_methods_are_the_frameworks_404(string method, string path)
    {
        var token = await TokenAsync();

        using var json = await SendAsync(new HttpMethod(method), path, token, null, ("Accept", "application/json"));
        Assert.Equal(HttpStatusCode.NotFound, json.StatusCode);
        Assert.Equal("{\"message\":\"The resource could not be found.<br /><br />\\n\\n\\n\",\"code\":\"404 Not Found\",\"title\":\"Not Found\"}",
            await json.Content.ReadAsStringAsync());
        Assert.False(json.Headers.Contains("OpenStack-API-Version"));

        using var html = await SendAsync(new HttpMethod(method), path, token);
        Assert.Equal("text/html", html.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<h1>404 Not Found</h1>", await html.Content.ReadAsStringAsync());

        using var text = await SendAsync(new HttpMethod(method), path, token, null, ("Accept", "text/plain"));
        Assert.Equal("404 Not Found\n\nThe resource could not be found.\n\n   ", await text.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not-a-token")]
    public async Task Missing_or_invalid_token_is_the_middlewares_401(string? token)
    {
        using var response = await GetAsync(Compute + "os-snapshots", token, ("X-OpenStack-Nova-API-Version", "2.35"));

        await AssertUnauthorizedAsync(response);
        Assert.Equal($"Keystone uri=\"{Emu.BaseUri}identity\"", response.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task Every_compute_response_has_the_same_request_id_in_both_headers()
    {
        var token = await TokenAsync();
        var responses = new List<HttpResponseMessage>
        {
            await GetAsync(Compute + "os-snapshots", token),
            await GetAsync(Compute + "os-snapshots", null),
            await GetAsync(Compute + "os-snapshots/nope", token),
            await PostAsync(Compute + "os-snapshots", token, "{}"),
            await GetAsync(Compute + "os-snapshots", token, ("X-OpenStack-Nova-API-Version", "9.9")),
            await GetAsync("compute/v2.1/unknown", token),
            await GetAsync("compute/", null),
        };

        var ids = new HashSet<string>();
        foreach (var response in responses)
        {
            var id = Header(response, "x-openstack-request-id");
            Assert.Matches("^req-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", id);
            Assert.Equal(id, Header(response, "x-compute-request-id"));
            Assert.True(ids.Add(id));
            response.Dispose();
        }
    }

    [Fact]
    public async Task A_chunked_body_is_read_like_any_other()
    {
        var token = await TokenAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, Compute + "os-snapshots");
        request.Headers.Add("X-Auth-Token", token);
        request.Headers.TransferEncodingChunked = true;
        request.Content = new StringContent(CreateBody(), Encoding.UTF8, "application/json");

        using var response = await Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("snap-001", (await JsonAsync(response)).GetProperty("snapshot").GetProperty("displayName").GetString());
    }

    [Fact]
    public async Task Version_discovery_needs_no_token()
    {
        using var list = await GetAsync("compute/", null);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        var versions = (await JsonAsync(list)).GetProperty("versions");
        Assert.Equal(["v2.0", "v2.1"], versions.EnumerateArray().Select(v => v.GetProperty("id").GetString()));

        using var show = await GetAsync("compute/v2.1/", null);
        var version = (await JsonAsync(show)).GetProperty("version");
        Assert.Equal("CURRENT", version.GetProperty("status").GetString());
        Assert.Equal("2.93", version.GetProperty("version").GetString());
        Assert.Equal("2.1", version.GetProperty("min_version").GetString());
        Assert.Equal($"{Emu.BaseUri}compute/v2.1/", version.GetProperty("links")[0].GetProperty("href").GetString());
        Assert.Equal(2, Emu.RequestCount(RouteKeys.ComputeVersions));
    }

    [Theory]
    [InlineData("compute-internal")]
    [InlineData("compute-admin")]
    [InlineData("compute-r2")]
    public async Task Every_catalog_prefix_serves_the_same_nova(string prefix)
    {
        var token = await TokenAsync();
        await CreateSnapshotAsync(token, name: "shared");

        using var response = await GetAsync(prefix + "/v2.1/os-snapshots", token);

        Assert.Equal("shared", Ids(await JsonAsync(response), "snapshots"));
    }
}

/// <summary>With <c>--compute-url-with-project true</c> the catalog URLs carry the token's project id.</summary>
public sealed class ProjectUrlCatalogTests : EmulatorTest
{
    protected override EmulatorOptions Options() => new() { ComputeUrlWithProject = true };

    [Fact]
    public async Task Catalog_compute_urls_end_in_the_project_id()
    {
        using var response = await AuthAsync(PasswordAuth("tiny", "tiny-secret", "tiny"));
        var compute = (await JsonAsync(response)).GetProperty("token").GetProperty("catalog").EnumerateArray()
            .Single(s => s.GetProperty("type").GetString() == "compute");

        Assert.All(compute.GetProperty("endpoints").EnumerateArray(),
            e => Assert.EndsWith("/v2.1/" + Seed.TinyProjectId, e.GetProperty("url").GetString()));
        Assert.Equal($"{Emu.BaseUri}compute/v2.1/{Seed.DemoProjectId}", Emu.ComputeUrl);

        var token = response.Headers.GetValues("X-Subject-Token").Single();
        using var list = await GetAsync(Emu.ComputeUrlFor(Seed.TinyProjectId) + "/os-snapshots", token);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
    }
}
