using OpenStackSnapshot.Client.Errors;
using OpenStackSnapshot.Client.Models;
using OpenStackSnapshot.Client.Snapshots;
using Xunit;

namespace OpenStackSnapshot.Client.Tests.BlockStorage;

/// <summary>Snapshot create, show, update and delete through Cinder's block-storage API v3.</summary>
public class ClientBlockStorageSnapshotTests
{
    private static readonly Dictionary<string, string> Managed = new() { ["managed-by"] = "nightly-runbook" };

    [Fact]
    public async Task Create_PostsCindersBody_WithForceAndMetadata()
    {
        var fake = new FakeTransport();
        using var session = await BlockStorageCloud.ConnectAsync(fake);
        fake.ThenJson(202, BlockStorageCloud.One(BlockStorageCloud.Snapshot(status: "creating")));

        var created = await session.Snapshots.CreateAsync(
            new NewSnapshot(TestCloud.VolumeId.ToUpperInvariant(), "nightly", "Daily backup", force: true, metadata: Managed), TestCloud.Call());

        var post = fake.Nova.Single();
        Assert.Equal("POST", post.Method);
        Assert.Equal(BlockStorageCloud.SnapshotsUrl, post.Url);
        JsonAssert.Equal(
            $$$$"""{"snapshot": {"volume_id": "{{{{TestCloud.VolumeId}}}}", "name": "nightly", "description": "Daily backup", "force": true,"""
            + """ "metadata": {"managed-by": "nightly-runbook"}}}""",
            post.Body);
        Assert.Equal("creating", created.Status);
        Assert.Equal("nightly-runbook", created.Metadata["managed-by"]);
    }

    [Fact]
    public async Task Create_LeavesOutWhatIsNotGiven_AndSendsForceFalse()
    {
        var fake = new FakeTransport();
        using var session = await BlockStorageCloud.ConnectAsync(fake);
        fake.ThenJson(202, BlockStorageCloud.One(BlockStorageCloud.Snapshot(status: "creating", metadata: "{}")));

        await session.Snapshots.CreateAsync(new NewSnapshot(TestCloud.VolumeId), TestCloud.Call());

        JsonAssert.Equal($$$"""{"snapshot": {"volume_id": "{{{TestCloud.VolumeId}}}", "force": false}}""", fake.Nova.Single().Body);
    }

    [Theory]
    [InlineData("k", 256, "at most 255")]
    [InlineData("it's", 1, "refuses in keys")] // the real Cinder answers 400: keys match ^[a-zA-Z0-9-_:. /]{1,255}$
    [InlineData("", 1, "empty")]
    public async Task Create_BadMetadata_IsRefusedBeforeSending(string key, int valueLength, string why)
    {
        var fake = new FakeTransport();
        using var session = await BlockStorageCloud.ConnectAsync(fake);
        var bad = new Dictionary<string, string> { [key] = new string('v', valueLength) };

        var e = await Assert.ThrowsAsync<Errors.OpenStackException>(
            () => session.Snapshots.CreateAsync(new NewSnapshot(TestCloud.VolumeId, metadata: bad), TestCloud.Call()));

        Assert.Equal(Errors.OpenStackErrorKind.InvalidArgument, e.Kind);
        Assert.Contains(why, e.Message);
        Assert.Empty(fake.Nova);
    }

    [Fact]
    public async Task Show_ReadsCindersFields_MetadataAndProjectId()
    {
        var fake = new FakeTransport();
        using var session = await BlockStorageCloud.ConnectAsync(fake);
        fake.ThenJson(200, BlockStorageCloud.One(BlockStorageCloud.Snapshot()));

        var s = await session.Snapshots.GetAsync(BlockStorageCloud.SnapshotId, TestCloud.Call());

        Assert.Equal(BlockStorageCloud.SnapshotId, s.Id);
        Assert.Equal(TestCloud.VolumeId, s.VolumeId);
        Assert.Equal("nightly", s.Name);
        Assert.Equal("Daily backup", s.Description);
        Assert.Equal(10, s.Size);
        Assert.Equal(new DateTime(2025, 6, 12, 14, 56, 30, DateTimeKind.Utc), s.CreatedAt);
        Assert.Equal("p-123", s.ProjectId);
        Assert.Equal(Managed, s.Metadata);
    }

    [Fact]
    public void Metadata_IsReadOnly_AndACopy()
    {
        var given = new Dictionary<string, string> { ["a"] = "1" };
        var wanted = new NewSnapshot(TestCloud.VolumeId, metadata: given);
        given["a"] = "2";
        Assert.Equal("1", wanted.Metadata["a"]);
        Assert.False(wanted.Metadata is IDictionary<string, string> { IsReadOnly: false });
    }

    [Fact]
    public async Task Delete_SendsDeleteToTheItem()
    {
        var fake = new FakeTransport();
        using var session = await BlockStorageCloud.ConnectAsync(fake);
        fake.ThenJson(202, "");

        await session.Snapshots.DeleteAsync(BlockStorageCloud.SnapshotId, TestCloud.Call());

        var delete = fake.Nova.Single();
        Assert.Equal("DELETE", delete.Method);
        Assert.Equal($"{BlockStorageCloud.SnapshotsUrl}/{BlockStorageCloud.SnapshotId}", delete.Url);
    }

    [Fact]
    public async Task Update_RemovalsAndPairs_AreOnePutOfTheWholeSet_ThenRename()
    {
        var fake = new FakeTransport();
        using var session = await BlockStorageCloud.ConnectAsync(fake);
        fake.ThenJson(200, BlockStorageCloud.One(BlockStorageCloud.Snapshot(metadata: """{"tier": "silver", "..": "x", "a/b": "y", "keep": "z"}""")))
            .ThenJson(200, """{"metadata": {"tier": "gold", "keep": "z"}}""")
            .ThenJson(200, """{"snapshot": {"id": "x", "name": "renamed"}}""");

        await session.Snapshots.UpdateAsync(BlockStorageCloud.SnapshotId, new SnapshotChange
        {
            Name = "renamed",
            Metadata = new Dictionary<string, string> { ["tier"] = "gold" },
            RemoveMetadataKeys = new[] { "..", "a/b", "absent" },
        }, TestCloud.Call());

        var item = $"{BlockStorageCloud.SnapshotsUrl}/{BlockStorageCloud.SnapshotId}";
        Assert.Equal(new[] { $"GET {item}", $"PUT {item}/metadata", $"PUT {item}" },
            fake.Nova.Select(r => $"{r.Method} {r.Url}"));
        JsonAssert.Equal("""{"metadata": {"tier": "gold", "keep": "z"}}""", fake.Nova[1].Body);
        JsonAssert.Equal("""{"snapshot": {"name": "renamed"}}""", fake.Nova[2].Body);
        Assert.All(fake.Nova, r => Assert.Equal("volume 3.31", r.Header("OpenStack-API-Version")));
    }

    [Fact]
    public async Task Update_RemovingOnlyAbsentKeys_SendsNoChange()
    {
        var fake = new FakeTransport();
        using var session = await BlockStorageCloud.ConnectAsync(fake);
        fake.ThenJson(200, BlockStorageCloud.One(BlockStorageCloud.Snapshot()));

        await session.Snapshots.UpdateAsync(
            BlockStorageCloud.SnapshotId, new SnapshotChange { RemoveMetadataKeys = new[] { "absent" } }, TestCloud.Call());

        Assert.Equal(new[] { "GET" }, fake.Nova.Select(r => r.Method));
    }

    [Fact]
    public async Task Update_RenameOnly_IsOnePut_AndReadsNothingBack()
    {
        var fake = new FakeTransport();
        using var session = await BlockStorageCloud.ConnectAsync(fake);
        fake.ThenJson(200, """{"snapshot": {"id": "x"}}""");

        await session.Snapshots.UpdateAsync(BlockStorageCloud.SnapshotId, new SnapshotChange { Name = "renamed" }, TestCloud.Call());

        Assert.Equal(new[] { "PUT" }, fake.Nova.Select(r => r.Method));
    }

    [Fact]
    public async Task Update_WithNothingToChange_ChecksTheSnapshotExists()
    {
        var fake = new FakeTransport();
        using var session = await BlockStorageCloud.ConnectAsync(fake);
        fake.ThenJson(404, """{"itemNotFound": {"code": 404, "message": "Snapshot snap-9 could not be found."}}""");

        var e = await Assert.ThrowsAsync<OpenStackException>(() => session.Snapshots.UpdateAsync("snap-9", new SnapshotChange(), TestCloud.Call()));

        Assert.Equal(OpenStackErrorKind.NotFound, e.Kind);
        Assert.Equal("GET", Assert.Single(fake.Nova).Method);
    }

    [Fact]
    public async Task Update_MetadataOnly_IsOnePostThatMerges()
    {
        var fake = new FakeTransport();
        using var session = await BlockStorageCloud.ConnectAsync(fake);
        fake.ThenJson(200, """{"metadata": {"managed-by": "nightly-runbook"}}""");

        await session.Snapshots.UpdateAsync(BlockStorageCloud.SnapshotId, new SnapshotChange { Metadata = Managed }, TestCloud.Call());

        Assert.Equal("POST", Assert.Single(fake.Nova).Method);
        JsonAssert.Equal("""{"metadata": {"managed-by": "nightly-runbook"}}""", fake.Nova[0].Body);
    }
}
