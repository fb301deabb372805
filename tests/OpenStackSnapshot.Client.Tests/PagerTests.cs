using OpenStackSnapshot.Client.Compute;
using OpenStackSnapshot.Client.Http;
using OpenStackSnapshot.Client.Paging;
using Xunit;

namespace OpenStackSnapshot.Client.Tests;

/// <summary>Nova's offset paging: a server-side page cap we cannot know, and listings that shift under deletes.</summary>
public class PagerTests
{
    /// <summary>A listing served like Nova: items in order, at most <paramref name="cap"/> per page.</summary>
    private sealed class FakeListing(IEnumerable<string> items, int cap)
    {
        public List<string> Items { get; } = items.ToList();
        public List<(int Limit, int Offset)> Requests { get; } = new();
        public Action<int>? BeforeRequest { get; set; }

        public Task<IReadOnlyList<string>> Fetch(int limit, int offset, CallContext call)
        {
            BeforeRequest?.Invoke(Requests.Count);
            Requests.Add((limit, offset));
            IReadOnlyList<string> page = Items.Skip(offset).Take(Math.Min(limit, cap)).ToList();
            return Task.FromResult(page);
        }
    }

    private static async Task<List<string>> ReadAll(Pager<string> pager)
    {
        var all = new List<string>();
        IReadOnlyList<string>? page;
        while ((page = await pager.NextAsync(CallContext.None)) != null) all.AddRange(page);
        return all;
    }

    [Theory]
    [InlineData(0, 3)]
    [InlineData(2, 3)]
    [InlineData(3, 3)]
    [InlineData(10, 3)]
    [InlineData(12, 3)]
    [InlineData(5, 1000)]
    [InlineData(7, 1)]
    public async Task ReturnsEveryItemOnceInOrder(int count, int cap)
    {
        var items = Enumerable.Range(1, count).Select(i => $"s{i:d2}").ToList();
        var listing = new FakeListing(items, cap);

        var all = await ReadAll(OffsetWalk<string>.Pager(listing.Fetch, s => s));

        Assert.Equal(items, all);
        Assert.All(listing.Requests, r => Assert.Equal(Pager<string>.RequestedPageSize, r.Limit));
    }

    [Fact]
    public async Task AnEmptyListingTakesOneRequest()
    {
        var listing = new FakeListing(Array.Empty<string>(), 3);
        Assert.Empty(await ReadAll(OffsetWalk<string>.Pager(listing.Fetch, s => s)));
        Assert.Single(listing.Requests);
    }

    [Fact]
    public async Task StartsEachPageOneItemEarly()
    {
        var listing = new FakeListing(Enumerable.Range(1, 10).Select(i => $"s{i:d2}"), 3);
        await ReadAll(OffsetWalk<string>.Pager(listing.Fetch, s => s));
        Assert.Equal(new[] { 0, 2, 4, 6, 8 }, listing.Requests.Select(r => r.Offset));
    }

    [Fact]
    public async Task NoticesItemsDeletedBetweenPagesAndMissesNone()
    {
        // As in Get-OSSnapshot | Remove-OSSnapshot: every item returned is deleted before the next page is read.
        var items = Enumerable.Range(1, 10).Select(i => $"s{i:d2}").ToList();
        var listing = new FakeListing(items, 3);
        var pager = OffsetWalk<string>.Pager(listing.Fetch, s => s);
        var all = new List<string>();
        IReadOnlyList<string>? page;
        while ((page = await pager.NextAsync(CallContext.None)) != null)
        {
            all.AddRange(page);
            foreach (var gone in page) listing.Items.Remove(gone);
        }

        Assert.Equal(items, all);
    }

    [Fact]
    public async Task ItemsAddedMeanwhileAreReturnedOnceToo()
    {
        var listing = new FakeListing(Enumerable.Range(1, 5).Select(i => $"s{i:d2}"), 3);
        listing.BeforeRequest = n => { if (n == 1) listing.Items.Add("s06"); };
        var all = await ReadAll(OffsetWalk<string>.Pager(listing.Fetch, s => s));
        Assert.Equal(new[] { "s01", "s02", "s03", "s04", "s05", "s06" }, all);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(7)]
    public async Task ItemsCreatedAtTheFrontWhilePaging_MissNoneAndEndTheListing(int createdPerPage)
    {
        // Nova lists newest first: a pipeline of creates running beside a lookup pushes every item further back,
        // by more than a page between two reads when the cap is small (seen on the real stack with max_limit 3).
        var items = Enumerable.Range(1, 20).Select(i => $"s{i:d2}").ToList();
        var listing = new FakeListing(items, 3);
        var made = 0;
        listing.BeforeRequest = n =>
        {
            if (n == 0 || made >= 40) return;
            for (var i = 0; i < createdPerPage; i++) listing.Items.Insert(0, $"new{++made:d2}");
        };

        var all = await ReadAll(OffsetWalk<string>.Pager(listing.Fetch, s => s));

        Assert.Equal(items, all.Where(s => s.StartsWith("s")));
        Assert.Equal(all.Count, all.Distinct().Count());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public async Task ACloudThatIgnoresTheOffset_EndsTheListingAsInvalidResponse(int size)
    {
        // The same page at every offset: before, the pager asked for ever.
        var page = Enumerable.Range(1, size).Select(i => $"s{i:d2}").ToList();
        var requests = 0;
        var pager = OffsetWalk<string>.Pager((_, _, _) => { requests++; return Task.FromResult<IReadOnlyList<string>>(page); }, s => s);
        var error = await Assert.ThrowsAsync<OpenStackSnapshot.Client.Errors.OpenStackException>(() => ReadAll(pager));
        Assert.Equal(OpenStackSnapshot.Client.Errors.OpenStackErrorKind.InvalidResponse, error.Kind);
        Assert.Contains("ignores the offset", error.Message);
        Assert.InRange(requests, 2, 10);
    }

    [Fact]
    public async Task ACloudThatIgnoresTheOffsetAndShufflesItsPage_EndsTheListingToo()
    {
        // The same items at every offset, in another order each time: no two pages are alike, and none holds anything new.
        var items = Enumerable.Range(1, 3).Select(i => $"s{i:d2}").ToList();
        var requests = 0;
        var pager = OffsetWalk<string>.Pager((_, _, _) =>
        {
            requests++;
            return Task.FromResult<IReadOnlyList<string>>(items.Skip(requests % 3).Concat(items.Take(requests % 3)).ToList());
        }, s => s);
        var error = await Assert.ThrowsAsync<OpenStackSnapshot.Client.Errors.OpenStackException>(() => ReadAll(pager));
        Assert.Equal(OpenStackSnapshot.Client.Errors.OpenStackErrorKind.InvalidResponse, error.Kind);
        Assert.InRange(requests, 2, 12);
    }
}
