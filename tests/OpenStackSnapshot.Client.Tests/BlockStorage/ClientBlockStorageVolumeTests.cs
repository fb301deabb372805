using OpenStackSnapshot.Client.Models;
using OpenStackSnapshot.Client.Volumes;
using Xunit;

namespace OpenStackSnapshot.Client.Tests.BlockStorage;

/// <summary>Volumes through Cinder's block-storage API v3, so a server's volumes can be found.</summary>
public class ClientBlockStorageVolumeTests
{
    private const string ServerId = "9a1f4c7e-2b3d-4e5f-8a6b-7c8d9e0f1a2b";

    private static string Volume(string id, string status, string attachments) =>
        $$$"""{"id": "{{{id}}}", "name": "data", "description": null, "status": "{{{status}}}", "size": 10, "availability_zone": "nova","""
        + """ "volume_type": "lvmdriver-1", "created_at": "2025-06-12T14:00:00.000000", "snapshot_id": null, "metadata": {"role": "db"},"""
        + $$$""" "os-vol-tenant-attr:tenant_id": "p-123", "attachments": {{{attachments}}}}""";

    private static string Attached(string volumeId) =>
        $$"""[{"server_id": "{{ServerId}}", "attachment_id": "a-1", "device": "/dev/vdb", "volume_id": "{{volumeId}}", "id": "{{volumeId}}"}]""";

    [Fact]
    public async Task Show_ReadsAttachmentsMetadataAndOwner()
    {
        var fake = new FakeTransport();
        using var session = await BlockStorageCloud.ConnectAsync(fake);
        fake.ThenJson(200, $$"""{"volume": {{Volume(TestCloud.VolumeId, "in-use", Attached(TestCloud.VolumeId))}}}""");

        var v = await session.Volumes.GetAsync(TestCloud.VolumeId, TestCloud.Call());

        Assert.Equal($"{FakeTransport.BlockStorageUrl}/volumes/{TestCloud.VolumeId}", fake.Nova.Single().Url);
        Assert.Equal("volume 3.31", fake.Nova.Single().Header("OpenStack-API-Version"));
        Assert.Equal("in-use", v.Status);
        Assert.Equal("lvmdriver-1", v.VolumeType);
        Assert.Equal("p-123", v.ProjectId);
        Assert.Equal("db", v.Metadata["role"]);
        var attachment = Assert.Single(v.Attachments);
        Assert.Equal(ServerId, attachment.ServerId);
        Assert.Equal("a-1", attachment.Id);
        Assert.Equal("/dev/vdb", attachment.Device);
    }

    [Fact]
    public async Task List_ByServer_KeepsOnlyItsVolumes_AcrossMarkerPages()
    {
        var fake = new FakeTransport();
        using var session = await BlockStorageCloud.ConnectAsync(fake);
        const string other = "11111111-2222-3333-4444-555555555555";
        fake.ThenJson(200, $$"""{"volumes": [{{Volume(other, "available", "[]")}}], "volumes_links": [{"rel": "next", "href": "x"}]}""")
            .ThenJson(200, $$"""{"volumes": [{{Volume(TestCloud.VolumeId, "in-use", Attached(TestCloud.VolumeId))}}]}""");

        var mine = await TestCloud.ReadAll(session.Volumes.List(new VolumeQuery { ServerIds = [ServerId] }));

        Assert.Equal(new[] { TestCloud.VolumeId }, mine.Select(v => v.Id));
        Assert.StartsWith($"{FakeTransport.BlockStorageUrl}/volumes/detail?limit=1000", fake.Nova[0].Url);
        Assert.Equal(other, BlockStorageCloud.Query(fake.Nova[1].Url)["marker"]);
    }
}
