using System.Text.Json;
using OpenStackSnapshot.Client.Errors;
using OpenStackSnapshot.Client.Volumes;
using Xunit;
using static OpenStackSnapshot.Client.Tests.VolumeCloud;

namespace OpenStackSnapshot.Client.Tests;

/// <summary>
/// Issue 24 on the client: a volume from a snapshot through both APIs (the bodies, the size, what is refused before
/// sending) and the errors a create meets (quotas, an unknown type or snapshot).
/// </summary>
public class VolumeCreateTests
{
    [Fact]
    public async Task Compute_Create_SendsNovasBody_WithTheSnapshotsSize()
    {
        var (session, fake) = await ComputeAsync();
        using (session)
        {
            fake.ThenJson(200, NovaVolume());
            var volume = await Create(session, new NewVolume(SnapshotId, name: "restored") { AvailabilityZone = "nova" }, SnapshotOf(size: 10));

            Assert.Equal(NewVolumeId, volume.Id);
            Assert.Equal(SnapshotId, volume.SnapshotId);
            var post = fake.Nova.Single();
            Assert.Equal("POST", post.Method);
            Assert.Equal(FakeTransport.ComputeUrl + "/os-volumes", post.Url);
            JsonAssert.Equal(
                $$$"""{"volume": {"size": 10, "snapshot_id": "{{{SnapshotId}}}", "display_name": "restored", "availability_zone": "nova"}}""",
                post.Body);
        }
    }

    [Fact]
    public async Task BlockStorage_Create_SendsCindersBody_MetadataAndType()
    {
        var (session, fake) = await BlockStorageAsync();
        using (session)
        {
            fake.ThenJson(202, CinderVolume(metadata: """{"purpose": "drill"}"""));
            var request = new NewVolume(SnapshotId, size: 25, name: "restored", description: "from nightly")
            {
                VolumeType = "ssd", Metadata = new Dictionary<string, string> { ["purpose"] = "drill" },
            };
            var volume = await Create(session, request, SnapshotOf(size: 10));

            Assert.Equal("drill", volume.Metadata["purpose"]);
            var post = fake.Nova.Single();
            Assert.Equal(FakeTransport.BlockStorageUrl + "/volumes", post.Url);
            Assert.Equal("volume 3.31", post.Header("OpenStack-API-Version"));
            JsonAssert.Equal(
                $$$"""{"volume": {"snapshot_id": "{{{SnapshotId}}}", "size": 25, "name": "restored", "description": "from nightly","""
                + """ "volume_type": "ssd","""
                + """ "metadata": {"purpose": "drill"}}}""", post.Body);
        }
    }

    [Fact]
    public async Task Create_WithOnlyTheId_ReadsTheSnapshotOnceForItsSize()
    {
        var (session, fake) = await ComputeAsync();
        using (session)
        {
            fake.ThenJson(200, FakeTransport.SnapshotBody(SnapshotId)).ThenJson(200, NovaVolume());
            await Create(session, new NewVolume(SnapshotId), known: null);

            Assert.Equal(new[] { "GET", "POST" }, fake.Nova.Select(r => r.Method));
            Assert.Equal(100, JsonDocument.Parse(fake.Nova[1].Body!).RootElement.GetProperty("volume").GetProperty("size").GetInt32());
        }
    }

    [Theory]
    [InlineData(5, true)]
    [InlineData(10, false)]
    [InlineData(11, false)]
    public void Sized_RefusesOnlyASizeSmallerThanTheSnapshot(int size, bool refused)
    {
        var snapshot = SnapshotOf(size: 10);
        if (refused)
        {
            var e = Assert.Throws<OpenStackException>(() => VolumeFromSnapshot.Sized(new NewVolume(SnapshotId, size), snapshot));
            Assert.Equal(OpenStackErrorKind.InvalidArgument, e.Kind);
            Assert.Contains("at least as large as the snapshot, 10 GiB; 5 GiB was asked for. Nothing was sent.", e.Message);
        }
        else
        {
            Assert.Equal(size, VolumeFromSnapshot.Sized(new NewVolume(SnapshotId, size), snapshot).Size);
        }
        Assert.Equal(10, VolumeFromSnapshot.Sized(new NewVolume(SnapshotId), snapshot).Size);
    }

    [Theory]
    [InlineData("metadata")]
    [InlineData("type")]
    public async Task Compute_Create_RefusesMetadataAndType_BeforeSending_NamingBlockStorage(string what)
    {
        var (session, fake) = await ComputeAsync();
        using (session)
        {
            var request = what == "metadata"
                ? new NewVolume(SnapshotId, 10) { Metadata = new Dictionary<string, string> { ["a"] = "b" } }
                : new NewVolume(SnapshotId, 10) { VolumeType = "ssd" };
            var e = await Assert.ThrowsAsync<OpenStackException>(() => session.Volumes.CreateAsync(request, TestCloud.Call()));

            Assert.Equal(OpenStackErrorKind.InvalidArgument, e.Kind);
            Assert.Equal(SnapshotApi.BlockStorage, e.BetterApi);
            Assert.False(session.Volumes.Features.ChangeMetadata);
            Assert.Empty(fake.Nova);
        }
    }

    [Theory]
    [InlineData("not-a-uuid", null, "is not a snapshot id")]
    [InlineData(SnapshotId, "", "availability zone is empty")]
    public async Task Create_InvalidInput_IsRefusedBeforeSending(string snapshotId, string? zone, string problem)
    {
        var (session, fake) = await BlockStorageAsync();
        using (session)
        {
            var e = await Assert.ThrowsAsync<OpenStackException>(() =>
                session.Volumes.CreateAsync(new NewVolume(snapshotId, 10) { AvailabilityZone = zone }, TestCloud.Call()));
            Assert.Equal(OpenStackErrorKind.InvalidArgument, e.Kind);
            Assert.Contains(problem, e.Message);
            Assert.Empty(fake.Nova);
        }
    }


    [Theory]
    [InlineData("compute", 403, "forbidden", "VolumeLimitExceeded: Maximum number of volumes allowed (3) exceeded for quota 'volumes'.", "volumes")]
    [InlineData("block-storage", 413, "overLimit", "VolumeLimitExceeded: Maximum number of volumes allowed (3) exceeded for quota 'volumes'.",
        "volumes")]
    [InlineData("block-storage", 413, "overLimit", "VolumeSizeExceedsAvailableQuota: Requested volume or snapshot exceeds allowed gigabytes quota."
        + " Requested 5G, quota is 3G and 2G has been consumed.", "gigabytes")]
    [InlineData("block-storage", 413, "overLimit", "VolumeSizeExceedsLimit: Requested volume size 5G is larger than maximum allowed limit 2G.",
        "per_volume_gigabytes")]
    [InlineData("compute", 403, "forbidden", "Quota exceeded for resources: snapshots", "snapshots")]
    public async Task QuotaRefusals_AreQuotaExceeded_NamingTheQuota(string api, int status, string fault, string message, string quota)
    {
        var (session, fake) = api == "compute" ? await ComputeAsync() : await BlockStorageAsync();
        using (session)
        {
            fake.ThenJson(status, $$$"""{"{{{fault}}}": {"code": {{{status}}}, "message": "{{{message}}}"}}""");
            var e = await Assert.ThrowsAsync<OpenStackException>(() =>
                session.Volumes.CreateAsync(new NewVolume(SnapshotId, 5, "x"), TestCloud.Call()));

            Assert.Equal(OpenStackErrorKind.QuotaExceeded, e.Kind);
            Assert.Contains($"The project's {quota} quota is used up: {message}", e.Message);
            Assert.Contains(quota, e.RecommendedAction);
            Assert.Equal(FakeTransport.RequestId, e.RequestId);
        }
    }

    [Fact]
    public async Task BlockStorage_Create_AVolumeTypeThatDoesNotExist_IsBadRequest()
    {
        var (session, fake) = await BlockStorageAsync();
        using (session)
        {
            fake.ThenJson(404, """{"itemNotFound": {"code": 404, "message": "Volume type with name gold could not be found."}}""");
            var e = await Assert.ThrowsAsync<OpenStackException>(() =>
                session.Volumes.CreateAsync(new NewVolume(SnapshotId, 10) { VolumeType = "gold" }, TestCloud.Call()));

            Assert.Equal(OpenStackErrorKind.BadRequest, e.Kind);
            Assert.StartsWith("Volume type with name gold could not be found.", e.Message);
        }
    }

    [Fact]
    public async Task Compute_Create_AnUnknownSnapshot_IsNotFound()
    {
        var (session, fake) = await ComputeAsync();
        using (session)
        {
            fake.ThenJson(404, $$$"""{"itemNotFound": {"code": 404, "message": "Snapshot {{{SnapshotId}}} could not be found."}}""");
            var e = await Assert.ThrowsAsync<OpenStackException>(() => session.Volumes.CreateAsync(new NewVolume(SnapshotId, 10), TestCloud.Call()));
            Assert.Equal(OpenStackErrorKind.NotFound, e.Kind);
        }
    }
}
