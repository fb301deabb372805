using System.Net;
using Xunit;

namespace OpenStackSnapshot.Emulator.Tests;

/// <summary>Microversion headers: default, echo, precedence, the 2.36 removal, 406 and 400.</summary>
public sealed class MicroversionTests : EmulatorTest
{
    private const string Legacy = "X-OpenStack-Nova-API-Version";
    private const string Standard = "OpenStack-API-Version";

    // Each route with what it answers at 2.35 (the unknown snapshot id gives its own 404 message).
    public static TheoryData<string, string, int> Routes() => new()
    {
        { "GET", "os-snapshots", 200 },
        { "GET", "os-snapshots/detail", 200 },
        { "GET", "os-snapshots/fe06e9f2-e6b0-47d1-a63e-c0a15ad51994", 404 },
        { "POST", "os-snapshots", 200 },
        { "DELETE", "os-snapshots/fe06e9f2-e6b0-47d1-a63e-c0a15ad51994", 404 },
        { "GET", "os-volumes", 200 },
        { "GET", "os-volumes/detail", 200 },
        { "GET", "os-volumes/" + Seed.VolumeData01, 200 },
    };

    [Theory]
    [InlineData(null, null, "2.1")]
    [InlineData("2.35", null, "2.35")]
    [InlineData(null, "compute 2.20", "2.20")]
    [InlineData("2.3", "compute 2.10", "2.10")]
    [InlineData("2.3", "volume 3.0", "2.3")]
    [InlineData(null, "volume 3.0, compute 2.5", "2.5")]
    public async Task Version_is_taken_from_the_headers_and_echoed(string? legacy, string? standard, string expected)
    {
        var token = await TokenAsync();
        var headers = new List<(string, string)>();
        if (legacy is not null) headers.Add((Legacy, legacy));
        if (standard is not null) headers.Add((Standard, standard));

        using var response = await GetAsync(Compute + "os-snapshots", token, [.. headers]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertVersionHeaders(response, expected);
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task From_236_every_route_is_404_item_not_found(string method, string path, int statusAt235)
    {
        var token = await TokenAsync();

        // Even an invalid create body gets the 404: the version is checked before the schema.
        using var response = await SendAsync(
            new HttpMethod(method), Compute + path, token, method == "POST" ? "{\"foo\": 1}" : null, (Legacy, "2.36"));

        await AssertFaultAsync(response, 404, "itemNotFound", "The resource could not be found.");
        AssertVersionHeaders(response, "2.36");
        Assert.InRange(statusAt235, 200, 404);
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task At_235_every_route_still_exists(string method, string path, int statusAt235)
    {
        var token = await TokenAsync();

        using var response = await SendAsync(new HttpMethod(method), Compute + path, token,
            method == "POST" ? CreateBody() : null, (Standard, "compute 2.35"));

        Assert.Equal(statusAt235, (int)response.StatusCode);
        Assert.NotEqual("The resource could not be found.", await FaultMessageOrEmpty(response));
        AssertVersionHeaders(response, "2.35");
    }

    [Fact]
    public async Task Latest_means_the_maximum_and_so_404()
    {
        var token = await TokenAsync();

        using var response = await GetAsync(Compute + "os-snapshots", token, (Standard, "compute latest"));

        await AssertFaultAsync(response, 404, "itemNotFound", "The resource could not be found.");
        AssertVersionHeaders(response, "2.93");
    }

    [Theory]
    [InlineData("2.200")]
    [InlineData("2.94")]
    [InlineData("2.0")]
    [InlineData("3.0")]
    public async Task Out_of_range_is_406_compute_fault(string version)
    {
        var token = await TokenAsync();

        using var response = await GetAsync(Compute + "os-snapshots", token, (Legacy, version));

        await AssertFaultAsync(response, 406, "computeFault",
            $"Version {version} is not supported by the API. Minimum is 2.1 and maximum is 2.93.");
        Assert.False(response.Headers.Contains(Standard));
    }

    [Theory]
    [InlineData("two")]
    [InlineData("2.035")]
    [InlineData("2")]
    [InlineData("v2.1")]
    public async Task Malformed_is_400(string version)
    {
        var token = await TokenAsync();

        using var response = await GetAsync(Compute + "os-snapshots", token, (Standard, "compute " + version));

        await AssertFaultAsync(response, 400, "badRequest",
            $"API Version String {version} is of invalid format. Must be of format MajorNum.MinorNum.");
    }

    [Fact]
    public async Task Versions_compare_numerically()
    {
        var token = await TokenAsync();

        using var v9 = await GetAsync(Compute + "os-snapshots", token, (Legacy, "2.9"));
        Assert.Equal(HttpStatusCode.OK, v9.StatusCode);
        using var v100 = await GetAsync(Compute + "os-snapshots", token, (Legacy, "2.100"));
        Assert.Equal(HttpStatusCode.NotAcceptable, v100.StatusCode);
    }

    private static async Task<string> FaultMessageOrEmpty(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (text.Length == 0) return "";
        var body = System.Text.Json.JsonDocument.Parse(text).RootElement;
        var first = body.EnumerateObject().First().Value;
        return first.ValueKind == System.Text.Json.JsonValueKind.Object && first.TryGetProperty("message", out var message)
            ? message.GetString() ?? ""
            : "";
    }
}
