using OpenStackSnapshot.Client.Errors;
using OpenStackSnapshot.Client.Models;
using OpenStackSnapshot.Client.Paging;
using Xunit;

namespace OpenStackSnapshot.Client.Tests.BlockStorage;

/// <summary>Which endpoint and microversion a BlockStorage session uses.</summary>
public class BlockStorageSessionTests
{
    [Fact]
    public async Task Session_UsesTheBlockStorageEndpoint_AndSaysWhichApi()
    {
        var fake = new FakeTransport();
        using var session = await BlockStorageCloud.ConnectAsync(fake);

        Assert.Equal(SnapshotApi.BlockStorage, session.Api);
        var reconciler = Assert.IsType<OpenStackSnapshot.Client.Snapshots.CreateReconciler>(session.Snapshots);
        var refusal = Assert.IsType<OpenStackSnapshot.Client.Snapshots.DeleteRefusal>(reconciler.Inner);
        Assert.IsType<OpenStackSnapshot.Client.BlockStorage.Snapshots.BlockStorageSnapshotService>(refusal.Inner);
        Assert.Equal(FakeTransport.BlockStorageUrl, session.EndpointUrl.ToString());
        Assert.Equal(session.EndpointUrl, session.BlockStorageUrl);
        Assert.Null(session.ComputeUrl);
        Assert.Equal("3.31", session.BlockStorageApiVersion);
        Assert.Null(session.ComputeApiVersion);
        Assert.True(session.Snapshots.Features.Metadata && session.Snapshots.Features.AllProjects && session.Snapshots.Features.Update);
    }

    [Fact]
    public async Task Volumev3_IsUsedWhenTheCatalogHasNoBlockStorageType()
    {
        var fake = new FakeTransport().ThenToken(catalog: BlockStorageCloud.Catalog("volumev3"));
        using var session = await TestCloud.ConnectAsync(fake, o => o.Api = SnapshotApi.BlockStorage);
        Assert.Equal(FakeTransport.BlockStorageUrl, session.EndpointUrl.ToString());
    }

    [Fact]
    public async Task BlockStorageType_IsPreferredOverVolumev3()
    {
        var catalog = FakeTransport.Catalog(
            ("volumev3", "public", "RegionOne", "http://old.test:8776/v3/p-123"),
            ("block-storage", "public", "RegionOne", FakeTransport.BlockStorageUrl));
        var fake = new FakeTransport().ThenToken(catalog: catalog);
        using var session = await TestCloud.ConnectAsync(fake, o => o.Api = SnapshotApi.BlockStorage);
        Assert.Equal(FakeTransport.BlockStorageUrl, session.EndpointUrl.ToString());
    }

    [Fact]
    public async Task RegionAndInterface_ChooseTheEndpointAsForCompute()
    {
        var catalog = FakeTransport.Catalog(
            ("block-storage", "public", "RegionOne", "http://one.test:8776/v3/p-123"),
            ("block-storage", "internal", "RegionTwo", "http://two-internal.test:8776/v3/p-123"),
            ("block-storage", "public", "RegionTwo", FakeTransport.BlockStorageUrl));
        var fake = new FakeTransport().ThenToken(catalog: catalog);
        using var session = await TestCloud.ConnectAsync(fake, o => { o.Api = SnapshotApi.BlockStorage; o.Region = "RegionTwo"; });
        Assert.Equal(FakeTransport.BlockStorageUrl, session.EndpointUrl.ToString());
        Assert.Equal("RegionTwo", session.Region);
    }

    [Fact]
    public async Task NoBlockStorageEndpoint_IsEndpointNotFound_NamingBothTypes()
    {
        var fake = new FakeTransport().ThenToken().Then(() => FakeTransport.Respond(204, "", "application/json", null)); // the unused token's revoke
        var e = await Assert.ThrowsAsync<OpenStackException>(() => TestCloud.ConnectAsync(fake, o => o.Api = SnapshotApi.BlockStorage));
        Assert.Equal(OpenStackErrorKind.EndpointNotFound, e.Kind);
        Assert.Contains("'block-storage' or 'volumev3'", e.Message);
    }

    [Fact]
    public async Task EveryRequest_PinsTheVolumeMicroversion_AndNoComputeOne()
    {
        var fake = new FakeTransport();
        using var session = await BlockStorageCloud.ConnectAsync(fake);
        fake.ThenJson(200, BlockStorageCloud.One(BlockStorageCloud.Snapshot()));

        await session.Snapshots.GetAsync(BlockStorageCloud.SnapshotId, TestCloud.Call());

        var request = fake.Nova.Single();
        Assert.Equal($"{BlockStorageCloud.SnapshotsUrl}/{BlockStorageCloud.SnapshotId}", request.Url);
        Assert.Equal("volume 3.31", request.Header("OpenStack-API-Version"));
        Assert.Null(request.Header("X-OpenStack-Nova-API-Version"));
        Assert.Equal("gAAAAA-token-1", request.Header("X-Auth-Token"));
    }
}
