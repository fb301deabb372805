using OpenStackSnapshot.Client.Errors;
using OpenStackSnapshot.Client.Volumes;
using Xunit;

namespace OpenStackSnapshot.Client.Tests.BlockStorage;

/// <summary>Volumes that opt in (issue 23): Cinder's metadata filter and all_tenants on volumes/detail, and the metadata routes.</summary>
public class ClientVolumeMetadataTests
{
    private const string Other = "11111111-2222-3333-4444-555555555555";
    private static readonly string Item = $"{FakeTransport.BlockStorageUrl}/volumes/{TestCloud.VolumeId}";

    private static string Volume(string id, string metadata, string project = "p-123") =>
        $$$"""{"id": "{{{id}}}", "name": "data", "status": "available", "size": 10, "created_at": "2025-06-12T14:00:00.000000","""
        + $$$""" "metadata": {{{metadata}}}, "os-vol-tenant-attr:tenant_id": "{{{project}}}", "attachments": []}""";

    private static Dictionary<string, string> Pairs(params (string Key, string Value)[] pairs) =>
        pairs.ToDictionary(p => p.Key, p => p.Value);

    [Fact]
    public async Task List_ByMetadata_SendsCinderFilterAsAPythonLiteral_AndAllTenants()
    {
        var fake = new FakeTransport();
        using var session = await BlockStorageCloud.ConnectAsync(fake);
        fake.ThenJson(200, $$"""{"volumes": [{{Volume(TestCloud.VolumeId, """{"backup": "nightly", "it's": "a\\b"}""")}}]}""");

        var listed = await TestCloud.ReadAll(session.Volumes.List(new VolumeQuery
        {
            Metadata = Pairs(("backup", "nightly"), ("it's", "a\\b")), AllProjects = true,
        }));

        var query = BlockStorageCloud.Query(fake.Nova.Single().Url);
        Assert.StartsWith($"{FakeTransport.BlockStorageUrl}/volumes/detail?", fake.Nova.Single().Url);
        Assert.Equal("""{'backup': 'nightly', 'it\'s': 'a\\b'}""", query["metadata"]);
        Assert.Equal("1", query["all_tenants"]);
        Assert.Equal(TestCloud.VolumeId, Assert.Single(listed).Id);
    }

    [Fact]
    public async Task List_WithoutMetadataOrAllProjects_SendsNeither()
    {
        var fake = new FakeTransport();
        using var session = await BlockStorageCloud.ConnectAsync(fake);
        fake.ThenJson(200, """{"volumes": []}""");

        await TestCloud.ReadAll(session.Volumes.List(new VolumeQuery()));

        var query = BlockStorageCloud.Query(fake.Nova.Single().Url);
        Assert.False(query.ContainsKey("metadata"));
        Assert.False(query.ContainsKey("all_tenants"));
    }

    [Fact]
    public async Task List_ByMetadata_ChecksEveryVolumeAgain_SoAnIgnoredFilterNeverWidensTheListing()
    {
        var fake = new FakeTransport();
        using var session = await BlockStorageCloud.ConnectAsync(fake);
        // A cloud that ignored the filter, and one whose database compares without case: neither widens the listing.
        const string upper = "22222222-2222-3333-4444-555555555555";
        fake.ThenJson(200, $$"""{"volumes": [{{Volume(Other, "{}")}}, {{Volume(upper, """{"backup": "NIGHTLY"}""")}},"""
            + $$""" {{Volume(TestCloud.VolumeId, """{"backup": "nightly", "owner": "dba"}""")}}]}""");

        var listed = await TestCloud.ReadAll(session.Volumes.List(new VolumeQuery { Metadata = Pairs(("backup", "nightly")) }));

        Assert.Equal(new[] { TestCloud.VolumeId }, listed.Select(v => v.Id));
    }

    [Fact]
    public async Task Update_SetOnly_IsOnePostThatMerges()
    {
        var fake = new FakeTransport();
        using var session = await BlockStorageCloud.ConnectAsync(fake);
        fake.ThenJson(200, """{"metadata": {"backup": "nightly", "owner": "dba"}}""");

        await session.Volumes.UpdateAsync(TestCloud.VolumeId, new VolumeChange { Metadata = Pairs(("backup", "nightly")) }, TestCloud.Call());

        var post = Assert.Single(fake.Nova);
        Assert.Equal(("POST", $"{Item}/metadata"), (post.Method, post.Url));
        JsonAssert.Equal("""{"metadata": {"backup": "nightly"}}""", post.Body);
        Assert.Equal("volume 3.31", post.Header("OpenStack-API-Version"));
    }

    [Fact]
    public async Task Update_Removing_ReadsTheVolumesOwnMetadata_AndPutsTheWholeResult()
    {
        var fake = new FakeTransport();
        using var session = await BlockStorageCloud.ConnectAsync(fake);
        // The metadata route holds only the user's pairs (the volume's view would add attached_mode, readonly).
        fake.ThenJson(200, """{"metadata": {"backup": "nightly", "..": "1", "a/b": "2", "keep": "z"}}""")
            .ThenJson(200, """{"metadata": {"keep": "z", "backup": "weekly"}}""");

        await session.Volumes.UpdateAsync(TestCloud.VolumeId, new VolumeChange
        {
            RemoveMetadataKeys = new[] { "backup", "..", "a/b", "absent" }, Metadata = Pairs(("backup", "weekly")),
        }, TestCloud.Call());

        Assert.Equal(new[] { $"GET {Item}/metadata", $"PUT {Item}/metadata" }, fake.Nova.Select(r => $"{r.Method} {r.Url}"));
        JsonAssert.Equal("""{"metadata": {"keep": "z", "backup": "weekly"}}""", fake.Nova[1].Body);
    }

    [Fact]
    public async Task Update_RemovingOnlyAbsentKeys_SendsNoChange()
    {
        var fake = new FakeTransport();
        using var session = await BlockStorageCloud.ConnectAsync(fake);
        fake.ThenJson(200, """{"metadata": {"Backup": "nightly"}}""");

        await session.Volumes.UpdateAsync(TestCloud.VolumeId, new VolumeChange { RemoveMetadataKeys = new[] { "backup" } }, TestCloud.Call());

        Assert.Equal(new[] { "GET" }, fake.Nova.Select(r => r.Method)); // keys count exactly, as Cinder's metadata routes look them up
    }

    [Fact]
    public async Task Update_WithNothingToChange_ChecksTheVolumeExists()
    {
        var fake = new FakeTransport();
        using var session = await BlockStorageCloud.ConnectAsync(fake);
        fake.ThenJson(404, $$$"""{"itemNotFound": {"code": 404, "message": "Volume {{{Other}}} could not be found."}}""");

        var e = await Assert.ThrowsAsync<OpenStackException>(() => session.Volumes.UpdateAsync(Other, new VolumeChange(), TestCloud.Call()));

        Assert.Equal(OpenStackErrorKind.NotFound, e.Kind);
        Assert.Equal(("GET", $"{FakeTransport.BlockStorageUrl}/volumes/{Other}"), (fake.Nova.Single().Method, fake.Nova.Single().Url));
    }

    [Fact]
    public async Task Update_OfAnUnknownVolume_IsNotFound()
    {
        var fake = new FakeTransport();
        using var session = await BlockStorageCloud.ConnectAsync(fake);
        fake.ThenJson(404, $$$"""{"itemNotFound": {"code": 404, "message": "Volume {{{Other}}} could not be found."}}""");

        var e = await Assert.ThrowsAsync<OpenStackException>(
            () => session.Volumes.UpdateAsync(Other, new VolumeChange { Metadata = Pairs(("backup", "nightly")) }, TestCloud.Call()));

        Assert.Equal(OpenStackErrorKind.NotFound, e.Kind);
        Assert.Contains($"Volume {Other} could not be found", e.Message);
    }

    [Theory]
    [InlineData("a@b")]
    [InlineData("")]
    public async Task Update_WithAKeyCinderRefuses_IsRefusedBeforeSending(string key)
    {
        var fake = new FakeTransport();
        using var session = await BlockStorageCloud.ConnectAsync(fake);

        var e = await Assert.ThrowsAsync<OpenStackException>(
            () => session.Volumes.UpdateAsync(TestCloud.VolumeId, new VolumeChange { Metadata = Pairs((key, "v")) }, TestCloud.Call()));

        Assert.Equal(OpenStackErrorKind.InvalidArgument, e.Kind);
        Assert.Empty(fake.Nova);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("{}")]
    [InlineData("""{"metadata": ["backup"]}""")]
    [InlineData("""{"meta": {"backup": "nightly"}}""")]
    [InlineData("<html>ok</html>")]
    public async Task Update_Removing_WhenTheMetadataAnswerIsUnreadable_IsAnInvalidResponse_AndNothingIsPut(string body)
    {
        var fake = new FakeTransport();
        using var session = await BlockStorageCloud.ConnectAsync(fake);
        fake.ThenJson(200, body);

        var e = await Assert.ThrowsAsync<OpenStackException>(() => session.Volumes.UpdateAsync(TestCloud.VolumeId,
            new VolumeChange { RemoveMetadataKeys = new[] { "backup" } }, TestCloud.Call()));

        Assert.Equal(OpenStackErrorKind.InvalidResponse, e.Kind); // never read as "no metadata", which a PUT would then write
        Assert.Equal(new[] { "GET" }, fake.Nova.Select(r => r.Method));
    }

    [Fact]
    public async Task Features_ChangeMetadataAndListEveryProject()
    {
        var fake = new FakeTransport();
        using var session = await BlockStorageCloud.ConnectAsync(fake);

        Assert.True(session.Volumes.Features.ChangeMetadata);
        Assert.True(session.Volumes.Features.AllProjects);
    }
}
