using OpenStackSnapshot.Client.Errors;
using OpenStackSnapshot.Client.Models;
using OpenStackSnapshot.Client.Snapshots;
using OpenStackSnapshot.Client.Volumes;
using Xunit;
using static OpenStackSnapshot.Client.Tests.VolumeCloud;

namespace OpenStackSnapshot.Client.Tests;

/// <summary>
/// Issue 24 on the client: the revert (Cinder's action at 3.40, its refusals) and its rules checked before sending (RevertCheck).
/// </summary>
public class RevertTests
{
    [Fact]
    public async Task Revert_IsCindersActionAt340_OnThatRequestAlone()
    {
        var (session, fake) = await BlockStorageAsync();
        using (session)
        {
            fake.ThenBody(202, "", "application/json").ThenJson(200, Shown("reverting", "[]"));
            await session.Volumes.RevertAsync(TestCloud.VolumeId, SnapshotId, TestCloud.Call());
            await session.Volumes.GetAsync(TestCloud.VolumeId, TestCloud.Call());

            Assert.Equal($"{FakeTransport.BlockStorageUrl}/volumes/{TestCloud.VolumeId}/action", fake.Nova[0].Url);
            Assert.Equal("volume 3.40", fake.Nova[0].Header("OpenStack-API-Version"));
            JsonAssert.Equal($$$"""{"revert": {"snapshot_id": "{{{SnapshotId}}}"}}""", fake.Nova[0].Body);
            Assert.Equal("volume 3.31", fake.Nova[1].Header("OpenStack-API-Version"));
        }
    }

    [Theory]
    [InlineData(400, "badRequest", "Specified snapshot x is None or not the latest one of volume y.", OpenStackErrorKind.RevertRefused)]
    [InlineData(409, "conflictingRequest", "Invalid volume: Can't revert volume y to its latest snapshot x. Volume's status must be 'available'.",
        OpenStackErrorKind.RevertRefused)]
    [InlineData(406, "computeFault", "Version 3.40 is not supported by the API. Minimum is 3.0 and maximum is 3.27.",
        OpenStackErrorKind.ApiNotAvailable)]
    [InlineData(404, "itemNotFound", "The resource could not be found.", OpenStackErrorKind.ApiNotAvailable)]
    [InlineData(404, "itemNotFound", "Volume y could not be found.", OpenStackErrorKind.NotFound)]
    public async Task Revert_CindersRefusals_AreSaidAsARevertsRefusal(int status, string fault, string message, OpenStackErrorKind kind)
    {
        var (session, fake) = await BlockStorageAsync();
        using (session)
        {
            fake.ThenJson(status, $$$"""{"{{{fault}}}": {"code": {{{status}}}, "message": "{{{message}}}"}}""");
            var e = await Assert.ThrowsAsync<OpenStackException>(() => session.Volumes.RevertAsync(TestCloud.VolumeId, SnapshotId, TestCloud.Call()));

            Assert.Equal(kind, e.Kind);
            Assert.Contains(message, e.Message);
            if (kind == OpenStackErrorKind.ApiNotAvailable) Assert.Contains("needs microversion 3.40", e.Message);
        }
    }

    [Fact]
    public async Task Revert_OnACompute_Session_IsRefusedBeforeSending()
    {
        var (session, fake) = await ComputeAsync();
        using (session)
        {
            Assert.False(session.Volumes.Features.Revert);
            var e = await Assert.ThrowsAsync<OpenStackException>(() =>
                RevertCheck.CheckAsync(session.Snapshots, session.Volumes, SnapshotId, SnapshotOf(), TestCloud.Call()));
            Assert.Equal(OpenStackErrorKind.InvalidArgument, e.Kind);
            Assert.Equal(SnapshotApi.BlockStorage, e.BetterApi);
            Assert.Empty(fake.Nova);
        }
    }

    [Fact]
    public void RevertCheck_AllowsTheNewestAvailableSnapshot_OfAnAvailableDetachedVolumeOfItsSize()
    {
        var snapshot = SnapshotOf();
        Assert.Null(RevertCheck.Problem(snapshot, VolumeOf(), new[] { snapshot, SnapshotOf(id: "older", createdAt: new DateTime(2025, 1, 1)) }));
    }

    [Fact]
    public void RevertCheck_RefusesAnOlderSnapshot_NamingTheNewest_WhateverItsStatus()
    {
        var older = SnapshotOf(createdAt: new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        var newest = SnapshotOf(id: "b1", name: "later", status: "error", createdAt: new DateTime(2025, 2, 1, 0, 0, 0, DateTimeKind.Utc));
        var e = RevertCheck.Problem(older, VolumeOf(), new[] { older, newest });

        Assert.Equal(OpenStackErrorKind.RevertRefused, e!.Kind);
        Assert.Contains("is not the newest snapshot of volume", e.Message);
        Assert.Contains("which is b1 'later' (error, made 2025-02-01 00:00:00Z)", e.Message);
        Assert.Contains("Make a new volume from snapshot", e.RecommendedAction);
    }

    [Theory]
    [InlineData(20, "available", "available", false, OpenStackErrorKind.RevertRefused, "is 20 GiB and snapshot")]
    [InlineData(10, "in-use", "available", true, OpenStackErrorKind.VolumeAttached, "is attached to server " + ServerId)]
    [InlineData(10, "error", "available", false, OpenStackErrorKind.RevertRefused, "reverts a volume only while it is available")]
    [InlineData(10, "available", "creating", false, OpenStackErrorKind.RevertRefused, "reverts only to an available snapshot")]
    public void RevertCheck_RefusesWhatCinderRefuses(int volumeSize, string volumeStatus, string snapshotStatus, bool attached,
        OpenStackErrorKind kind, string said)
    {
        var snapshot = SnapshotOf(status: snapshotStatus);
        var volume = attached
            ? VolumeOf(volumeSize, volumeStatus, new VolumeAttachment("a-1", ServerId, "/dev/vdb"))
            : VolumeOf(volumeSize, volumeStatus);
        var e = RevertCheck.Problem(SnapshotOf(), volume, new[] { snapshot });

        Assert.Equal(kind, e!.Kind);
        Assert.Contains(said, e.Message);
        Assert.EndsWith("Nothing was sent.", e.Message);
    }

    [Fact]
    public void RevertCheck_ASnapshotNoLongerListed_IsNotFound()
    {
        var e = RevertCheck.Problem(SnapshotOf(), VolumeOf(), Array.Empty<Snapshot>());
        Assert.Equal(OpenStackErrorKind.NotFound, e!.Kind);
    }
}
