using System.Net;
using Xunit;

namespace OpenStackSnapshot.Emulator.Tests;

/// <summary>List and detail: creation order, limit/offset paging, the page limit, validation, no server-side filters.</summary>
public sealed class ListingTests : EmulatorTest
{
    private async Task<string> TokenWithSnapshotsAsync(params string[] names)
    {
        var token = await TokenAsync();
        foreach (var name in names) await CreateSnapshotAsync(token, name: name);
        return token;
    }

    [Theory]
    [InlineData("os-snapshots")]
    [InlineData("os-snapshots/detail")]
    public async Task List_and_detail_return_all_items_in_creation_order_with_the_same_keys(string path)
    {
        var token = await TokenWithSnapshotsAsync("a", "b", "c");

        using var response = await GetAsync(Compute + path, token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await JsonAsync(response);
        Assert.Equal("snapshots", Assert.Single(body.EnumerateObject()).Name);
        Assert.Equal("a,b,c", Ids(body, "snapshots"));
        Assert.All(body.GetProperty("snapshots").EnumerateArray(), s => Assert.Equal(7, s.EnumerateObject().Count()));
    }

    [Theory]
    [InlineData("?offset=1&limit=1", "b")]
    [InlineData("?limit=2", "a,b")]
    [InlineData("?offset=2", "c")]
    [InlineData("?offset=3", "")]
    [InlineData("?limit=0", "a,b,c")]
    [InlineData("?limit=1&limit=2", "a,b")]
    [InlineData("?limit=99999999999999999999", "a,b,c")]
    [InlineData("?name=b&status=error&volume_id=x", "a,b,c")]
    public async Task Limit_and_offset_page_and_unknown_parameters_are_ignored(string query, string expected)
    {
        var token = await TokenWithSnapshotsAsync("a", "b", "c");

        using var response = await GetAsync(Compute + "os-snapshots" + query, token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, Ids(await JsonAsync(response), "snapshots"));
    }

    [Fact]
    public async Task Page_limit_caps_limit_and_applies_when_it_is_missing()
    {
        var token = await TokenWithSnapshotsAsync("a", "b", "c", "d", "e");
        Emu.UpdateSettings(pageLimit: 2);

        using var missing = await GetAsync(Compute + "os-snapshots/detail", token);
        Assert.Equal("a,b", Ids(await JsonAsync(missing), "snapshots"));
        using var larger = await GetAsync(Compute + "os-snapshots?limit=10&offset=2", token);
        Assert.Equal("c,d", Ids(await JsonAsync(larger), "snapshots"));
        using var lastPage = await GetAsync(Compute + "os-snapshots?offset=4", token);
        Assert.Equal("e", Ids(await JsonAsync(lastPage), "snapshots"));
    }

    [Theory]
    [InlineData("?limit=-1", "Invalid input for query parameters limit. Value: -1. '-1' does not match '^[0-9]*$'")]
    [InlineData("?limit=abc", "Invalid input for query parameters limit. Value: abc. 'abc' does not match '^[0-9]*$'")]
    [InlineData("?offset=-1", "Invalid input for query parameters offset. Value: -1. '-1' does not match '^[0-9]*$'")]
    [InlineData("?offset=1.5", "Invalid input for query parameters offset. Value: 1.5. '1.5' does not match '^[0-9]*$'")]
    [InlineData("?limit=", "Invalid input for query parameters limit. Value: . '' is too short")]
    [InlineData("?offset=x&limit=y", "Invalid input for query parameters limit. Value: y. 'y' does not match '^[0-9]*$'")]
    public async Task Invalid_limit_or_offset_is_400(string query, string message)
    {
        var token = await TokenAsync();

        using var list = await GetAsync(Compute + "os-snapshots" + query, token);
        await AssertFaultAsync(list, 400, "badRequest", message);

        using var detail = await GetAsync(Compute + "os-snapshots/detail" + query, token);
        await AssertFaultAsync(detail, 400, "badRequest", message);
    }

    [Fact]
    public async Task Query_is_validated_before_policy()
    {
        var reader = await TokenAsync("reader", "reader-secret");

        using var response = await GetAsync(Compute + "os-snapshots?limit=-1", reader);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Listing_shows_only_the_tokens_project()
    {
        await TokenWithSnapshotsAsync("demo-snap");
        var tiny = await TokenAsync("tiny", "tiny-secret", "tiny");
        await CreateSnapshotAsync(tiny, Seed.VolumeTiny01, "tiny-snap");

        using var response = await GetAsync(Compute + "os-snapshots/detail", tiny);

        Assert.Equal("tiny-snap", Ids(await JsonAsync(response), "snapshots"));
    }

    [Fact]
    public async Task Many_concurrent_creates_all_land_once()
    {
        var token = await TokenAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 40).Select(i =>
            PostAsync(Compute + "os-snapshots", token, CreateBody(name: "c" + i))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        foreach (var r in responses) r.Dispose();
        using var list = await GetAsync(Compute + "os-snapshots", token);
        var names = (await JsonAsync(list)).GetProperty("snapshots").EnumerateArray().Select(s => s.GetProperty("displayName").GetString()).ToList();
        Assert.Equal(40, names.Distinct().Count());
        Assert.Equal(40, Emu.RequestCount(RouteKeys.SnapshotsCreate));
    }
}
