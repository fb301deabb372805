using System.Net;
using Xunit;

namespace OpenStackSnapshot.Emulator.Tests.BlockStorage;

/// <summary>Cinder's list filters (checked from 3.31, dropped before), all_tenants, sorting, marker paging and links.</summary>
public sealed class BlockStorageListingTests : BlockStorageTest
{
    private async Task<string> SeedThreeAsync()
    {
        var token = await TokenAsync();
        await CinderCreateAsync(
            token, CinderBody(Seed.VolumeData01, "\"name\": \"a\", \"metadata\": {\"managed-by\": \"nightly\", \"tier\": \"gold\"}"));
        Clock.Advance(TimeSpan.FromSeconds(1));
        await CinderCreateAsync(token, CinderBody(Seed.VolumeData02, "\"name\": \"b\", \"metadata\": {\"managed-by\": \"nightly\"}"));
        Clock.Advance(TimeSpan.FromSeconds(1));
        await CinderCreateAsync(token, CinderBody(Seed.VolumeData02, "\"name\": \"c\""));
        return token;
    }

    [Theory]
    [InlineData("name=b", "b")]
    [InlineData("volume_id=" + Seed.VolumeData02, "c,b")]
    [InlineData("status=available", "c,b,a")]
    [InlineData("status=error", "")]
    [InlineData("metadata=%7B%27managed-by%27%3A%20%27nightly%27%7D", "b,a")]
    [InlineData("metadata=%7B%22managed-by%22%3A%22nightly%22%2C%22tier%22%3A%22gold%22%7D", "a")]
    [InlineData("metadata=managed-by", "")]
    [InlineData("all_tenants=1", "c,b,a")]
    public async Task Filters_match_exactly(string query, string names)
    {
        var token = await SeedThreeAsync();

        var list = await CinderGetAsync(Volume + "snapshots/detail?" + query, token);

        Assert.Equal(names, Names(list));
    }

    [Theory]
    [InlineData("""{'team': 'R&D', 'note': 'é \' \\ 😀'}""", "d")] // the client's form: raw text, \\ and \' escaped
    [InlineData("""{"team": "\x52\u0026D", "note": "\u00e9 \u0027 \\ \U0001F600"}""", "d")] // escapes literal_eval decodes
    [InlineData("""{'note': '\u00e9 \u0027 \\ \ud83d\ude00'}""", "")] // a surrogate pair escape is two lone surrogates to Python
    public async Task A_metadata_filter_is_decoded_as_python_does(string filter, string names)
    {
        var token = await SeedThreeAsync();
        await CinderCreateAsync(token, CinderBody(Seed.VolumeData01, """
            "name": "d", "metadata": {"team": "R&D", "note": "é ' \\ 😀"}
            """));

        var list = await CinderGetAsync(Volume + "snapshots/detail?metadata=" + Uri.EscapeDataString(filter), token);

        Assert.Equal(names, Names(list));
    }

    [Fact]
    public async Task An_unknown_filter_is_400_from_331_and_dropped_before()
    {
        var token = await SeedThreeAsync();

        using var strict = await GetAsync(Volume + "snapshots?colour=blue&size=1", token, Pinned);
        var lax = await CinderGetAsync(Volume + "snapshots?colour=blue", token, "3.30");
        var noMetadataFilter = await CinderGetAsync(Volume + "snapshots?metadata=%7B%27tier%27%3A%27none%27%7D", token, "3.21");

        await AssertFaultAsync(strict, 400, "badRequest", "Invalid filters colour,size are found in query options.");
        Assert.Equal("c,b,a", Names(lax));
        Assert.Equal("c,b,a", Names(noMetadataFilter));
    }

    [Fact]
    public async Task All_tenants_shows_every_project_to_an_admin_only()
    {
        await SeedThreeAsync();
        var tiny = await TokenAsync("tiny", "tiny-secret", "tiny");
        var admin = await AdminTokenAsync();

        var tinyView = await CinderGetAsync("volume/v3/" + Seed.TinyProjectId + "/snapshots?all_tenants=true", tiny);
        var own = await CinderGetAsync(AdminVolume + "snapshots/detail", admin);
        var all = await CinderGetAsync(AdminVolume + "snapshots/detail?all_tenants=true&name=a", admin);

        Assert.Equal("", Names(tinyView));
        Assert.Equal("", Names(own));
        var only = Assert.Single(all.GetProperty("snapshots").EnumerateArray());
        Assert.Equal(Seed.DemoProjectId, only.GetProperty("os-extended-snapshot-attributes:project_id").GetString());
    }

    [Fact]
    public async Task Marker_paging_walks_newest_first_with_next_links_while_pages_are_full()
    {
        var token = await SeedThreeAsync();

        var first = await CinderGetAsync(Volume + "snapshots?limit=2", token);
        var marker = first.GetProperty("snapshots")[1].GetProperty("id").GetString();
        var second = await CinderGetAsync(Volume + "snapshots?limit=2&marker=" + marker, token);

        Assert.Equal("c,b", Names(first));
        var next = Assert.Single(first.GetProperty("snapshots_links").EnumerateArray());
        Assert.Equal("next", next.GetProperty("rel").GetString());
        Assert.Equal(Emu.BaseUri + Volume + "snapshots?limit=2&marker=" + marker, next.GetProperty("href").GetString());
        Assert.Equal("a", Names(second));
        Assert.False(second.TryGetProperty("snapshots_links", out _));
    }

    [Fact]
    public async Task The_page_limit_caps_limit_and_offset_skips()
    {
        var token = await SeedThreeAsync();
        Emu.UpdateSettings(pageLimit: 2);

        var capped = await CinderGetAsync(Volume + "snapshots/detail?limit=50", token);
        var skipped = await CinderGetAsync(Volume + "snapshots/detail?offset=2", token);

        Assert.Equal("c,b", Names(capped));
        Assert.Contains("/snapshots/detail?limit=50&marker=", capped.GetProperty("snapshots_links")[0].GetProperty("href").GetString());
        Assert.Equal("a", Names(skipped));
    }

    [Theory]
    [InlineData("sort=name:asc", "a,b,c")]
    [InlineData("sort=name", "c,b,a")]
    [InlineData("sort_key=created_at&sort_dir=asc", "a,b,c")]
    [InlineData("sort=volume_id:asc,name:asc", "a,b,c")]
    public async Task Sorting_follows_the_keys_given(string query, string names)
    {
        var token = await SeedThreeAsync();

        Assert.Equal(names, Names(await CinderGetAsync(Volume + "snapshots?" + query, token)));
    }

    [Theory]
    [InlineData("limit=-1", "limit param must be positive")]
    [InlineData("limit=abc", "limit param must be an integer")]
    [InlineData("offset=abc", "offset must be an integer")]
    [InlineData("offset=-1", "offset must be >= 0")]
    [InlineData("sort_key=bogus", "Invalid input received: Invalid sort key")]
    [InlineData("sort_dir=sideways", "Invalid input received: Unknown sort direction, must be 'desc' or 'asc'.")]
    [InlineData("sort=name&sort_key=id", "The 'sort_key' and 'sort_dir' parameters are deprecated and cannot be used with the 'sort' parameter.")]
    public async Task Bad_paging_and_sorting_are_400(string query, string message)
    {
        var token = await TokenAsync();

        using var response = await GetAsync(Volume + "snapshots?" + query, token, Pinned);

        await AssertFaultAsync(response, 400, "badRequest", message);
    }

    [Fact]
    public async Task Name_is_a_sort_key_only_from_330_and_an_unknown_marker_is_404()
    {
        var token = await TokenAsync();

        using var early = await GetAsync(Volume + "snapshots?sort=name", token, At("3.29"));
        using var marker = await GetAsync(Volume + "snapshots?marker=00000000-0000-4000-8000-000000000000", token, Pinned);

        await AssertFaultAsync(early, 400, "badRequest", "Invalid input received: Invalid sort key");
        await AssertFaultAsync(marker, 404, "itemNotFound", "Snapshot 00000000-0000-4000-8000-000000000000 could not be found.");
    }

    [Fact]
    public async Task With_count_from_345_counts_every_match()
    {
        var token = await SeedThreeAsync();

        var counted = await CinderGetAsync(Volume + "snapshots?with_count=true&limit=1", token, "3.45");
        var ignored = await CinderGetAsync(Volume + "snapshots?with_count=true&limit=1", token, "3.44");

        Assert.Equal(3, counted.GetProperty("count").GetInt32());
        Assert.False(ignored.TryGetProperty("count", out _));
    }
}
