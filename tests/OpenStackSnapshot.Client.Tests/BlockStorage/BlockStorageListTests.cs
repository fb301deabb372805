using OpenStackSnapshot.Client.Errors;
using OpenStackSnapshot.Client.Models;
using OpenStackSnapshot.Client.Snapshots;
using Xunit;

namespace OpenStackSnapshot.Client.Tests.BlockStorage;

/// <summary>Cinder's snapshot listing: server-side filters, marker paging, all_tenants, and the checks made here.</summary>
public class BlockStorageListTests
{
    private static string Id(int n) => $"00000000-0000-0000-0000-{n:D12}";

    [Fact]
    public async Task Filters_AreSentToCinder_MetadataAsAPythonDict()
    {
        var fake = new FakeTransport();
        using var session = await BlockStorageCloud.ConnectAsync(fake);
        fake.ThenJson(200, BlockStorageCloud.Page(new[] { BlockStorageCloud.Snapshot(status: "error") }));

        var found = await TestCloud.ReadAll(session.Snapshots.List(new SnapshotQuery
        {
            Name = "nightly", Status = "error", VolumeId = TestCloud.VolumeId, AllProjects = true,
            Metadata = new Dictionary<string, string> { ["managed-by"] = "nightly-runbook" },
        }));

        var request = fake.Nova.Single();
        Assert.StartsWith(BlockStorageCloud.SnapshotsUrl + "/detail?", request.Url);
        var query = BlockStorageCloud.Query(request.Url);
        Assert.Equal("1000", query["limit"]);
        Assert.False(query.ContainsKey("marker"));
        Assert.Equal("nightly", query["name"]);
        Assert.Equal("error", query["status"]);
        Assert.Equal(TestCloud.VolumeId, query["volume_id"]);
        Assert.Equal("1", query["all_tenants"]);
        Assert.Equal("{'managed-by': 'nightly-runbook'}", query["metadata"]);
        Assert.Single(found);
    }

    [Fact]
    public async Task MetadataFilter_IsAPythonDict_EscapingOnlyBackslashAndQuote_NonAsciiRawInUtf8()
    {
        var fake = new FakeTransport();
        using var session = await BlockStorageCloud.ConnectAsync(fake);
        fake.ThenJson(200, BlockStorageCloud.Page(Array.Empty<string>()));

        var log = new RecordingLog(debug: false);

        await session.Snapshots.List(new SnapshotQuery
        {
            Metadata = new Dictionary<string, string> { ["team"] = "R&D", ["it's"] = "é \\ \"x\" 😀\n" },
        }).NextAsync(TestCloud.Call(log));

        // {'team': 'R&D', 'it\'s': 'é \\ "x" 😀\x0a'} in UTF-8, percent-encoded.
        Assert.EndsWith("&metadata=%7B%27team%27%3A%20%27R%26D%27%2C%20%27it%5C%27s%27%3A%20%27%C3%A9%20%5C%5C%20%22x%22%20%F0%9F%98%80%5Cx0a%27%7D",
            fake.Nova.Single().SentUrl);
        // -Verbose shows the URL as sent, escapes kept, so it can be pasted into curl.
        Assert.StartsWith($"GET {fake.Nova.Single().SentUrl} -> 200", Assert.Single(log.VerboseLines));
    }

    [Fact]
    public async Task NoQuery_SendsNoFilter()
    {
        var fake = new FakeTransport();
        using var session = await BlockStorageCloud.ConnectAsync(fake);
        fake.ThenJson(200, BlockStorageCloud.Page(new[] { BlockStorageCloud.Snapshot() }));

        await TestCloud.ReadAll(session.Snapshots.List());

        Assert.Equal(new[] { "limit" }, BlockStorageCloud.Query(fake.Nova.Single().Url).Keys);
    }

    [Fact]
    public async Task Pages_FollowTheMarker_WhileCinderLinksANextPage()
    {
        var fake = new FakeTransport();
        using var session = await BlockStorageCloud.ConnectAsync(fake);
        fake.ThenJson(200, BlockStorageCloud.Page(new[] { BlockStorageCloud.Snapshot(Id(1)), BlockStorageCloud.Snapshot(Id(2)) }, next: Id(2)))
            .ThenJson(200, BlockStorageCloud.Page(new[] { BlockStorageCloud.Snapshot(Id(3)) }));

        var all = await TestCloud.ReadAll(session.Snapshots.List(new SnapshotQuery { Status = "available" }));

        Assert.Equal(new[] { Id(1), Id(2), Id(3) }, all.Select(s => s.Id));
        Assert.Equal(2, fake.Nova.Count);
        var second = BlockStorageCloud.Query(fake.Nova[1].Url);
        Assert.Equal(Id(2), second["marker"]);
        Assert.Equal("available", second["status"]); // the filters go with every page
    }

    [Fact]
    public async Task DeletedMarker_StepsBackToTheItemBefore()
    {
        var fake = new FakeTransport();
        using var session = await BlockStorageCloud.ConnectAsync(fake);
        fake.ThenJson(200, BlockStorageCloud.Page(new[] { BlockStorageCloud.Snapshot(Id(1)), BlockStorageCloud.Snapshot(Id(2)) }, next: Id(2)))
            .ThenJson(404, $$$"""{"itemNotFound": {"code": 404, "message": "Snapshot {{{Id(2)}}} could not be found."}}""")
            .ThenJson(200, BlockStorageCloud.Page(new[] { BlockStorageCloud.Snapshot(Id(3)) }));

        var all = await TestCloud.ReadAll(session.Snapshots.List());

        Assert.Equal(new[] { Id(1), Id(2), Id(3) }, all.Select(s => s.Id));
        Assert.Equal(new[] { null, Id(2), Id(1) }, fake.Nova.Select(r => BlockStorageCloud.Query(r.Url).GetValueOrDefault("marker")));
    }

    [Fact]
    public async Task EveryMarkerDeleted_StartsOver_WithoutRepeatingItems()
    {
        var fake = new FakeTransport();
        using var session = await BlockStorageCloud.ConnectAsync(fake);
        var gone = (int n) => $$$"""{"itemNotFound": {"code": 404, "message": "Snapshot {{{Id(n)}}} could not be found."}}""";
        fake.ThenJson(200, BlockStorageCloud.Page(new[] { BlockStorageCloud.Snapshot(Id(1)), BlockStorageCloud.Snapshot(Id(2)) }, next: Id(2)))
            .ThenJson(404, gone(2)).ThenJson(404, gone(1))
            .ThenJson(200, BlockStorageCloud.Page(new[] { BlockStorageCloud.Snapshot(Id(3)) }));

        var all = await TestCloud.ReadAll(session.Snapshots.List());

        Assert.Equal(new[] { Id(1), Id(2), Id(3) }, all.Select(s => s.Id));
        Assert.False(BlockStorageCloud.Query(fake.Nova[3].Url).ContainsKey("marker"));
    }

    [Fact]
    public async Task MarkerIgnored_EndsAsInvalidResponse()
    {
        var fake = new FakeTransport();
        using var session = await BlockStorageCloud.ConnectAsync(fake);
        var same = BlockStorageCloud.Page(new[] { BlockStorageCloud.Snapshot(Id(1)) }, next: Id(1));
        for (var i = 0; i < 5; i++) fake.ThenJson(200, same);

        var e = await Assert.ThrowsAsync<OpenStackException>(() => TestCloud.ReadAll(session.Snapshots.List()));

        Assert.Equal(OpenStackErrorKind.InvalidResponse, e.Kind);
        Assert.Equal(4, fake.Nova.Count);
    }

    [Fact]
    public async Task FilterTheCloudIgnored_CannotWidenTheListing()
    {
        var fake = new FakeTransport();
        using var session = await BlockStorageCloud.ConnectAsync(fake);
        fake.ThenJson(200, BlockStorageCloud.Page(new[]
        {
            BlockStorageCloud.Snapshot(Id(1)),
            BlockStorageCloud.Snapshot(Id(2), metadata: """{"managed-by": "someone-else"}"""),
            BlockStorageCloud.Snapshot(Id(3), metadata: "{}"),
        }));

        var query = new SnapshotQuery { Metadata = new Dictionary<string, string> { ["managed-by"] = "nightly-runbook" } };
        var kept = await TestCloud.ReadAll(session.Snapshots.List(query));

        Assert.Equal(new[] { Id(1) }, kept.Select(s => s.Id));
    }

    [Fact]
    public async Task ListPages_AreReadThroughTheSharedPipeline_RetryingA503()
    {
        var fake = new FakeTransport();
        using var session = await BlockStorageCloud.ConnectAsync(fake, o => o.Retries(1));
        fake.ThenJson(503, """{"message": "busy"}""").ThenJson(200, BlockStorageCloud.Page(new[] { BlockStorageCloud.Snapshot() }));

        var all = await TestCloud.ReadAll(session.Snapshots.List());

        Assert.Single(all);
        Assert.Equal(2, fake.Nova.Count);
    }
}
