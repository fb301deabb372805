using OpenStackSnapshot.Client.Errors;
using OpenStackSnapshot.Client.Tests.BlockStorage;
using Xunit;
using static OpenStackSnapshot.Client.Tests.VolumeCloud;

namespace OpenStackSnapshot.Client.Tests;

/// <summary>
/// Issue 24 on the client: a volume's delete refused by block storage, read back to say why (attached, snapshots left,
/// its status), and one already being deleted counted as done.
/// </summary>
public class VolumeDeleteRefusalTests
{
    private const string CinderRefusal = "Invalid volume: Volume status must be available or error or error_restoring or error_extending or "
        + "error_managing and must not be migrating, attached, belong to a group, have snapshots, awaiting a transfer, or be disassociated "
        + "from snapshots after volume transfer.";

    [Theory]
    [InlineData("compute")]
    [InlineData("block-storage")]
    public async Task Delete_RefusedForAnAttachedVolume_NamesTheServer(string api)
    {
        var (session, fake) = api == "compute" ? await ComputeAsync() : await BlockStorageAsync();
        using (session)
        {
            var refusal = api == "compute" ? $"Invalid input received: {CinderRefusal} (HTTP 400) (Request-ID: req-x)" : CinderRefusal;
            var attachments = api == "compute"
                ? $$$"""[{"id": "{{{TestCloud.VolumeId}}}", "serverId": "{{{ServerId}}}", "device": "/dev/vdb"}]"""
                : $$$"""[{"server_id": "{{{ServerId}}}", "attachment_id": "a-1", "device": "/dev/vdb"}]""";
            fake.ThenJson(400, $$$"""{"badRequest": {"code": 400, "message": "{{{refusal}}}"}}""").ThenJson(200, Shown("in-use", attachments));
            var e = await Assert.ThrowsAsync<OpenStackException>(() => session.Volumes.DeleteAsync(TestCloud.VolumeId, TestCloud.Call()));

            Assert.Equal(OpenStackErrorKind.VolumeAttached, e.Kind);
            Assert.Contains($"it is attached to server {ServerId} (/dev/vdb)", e.Message);
            Assert.Contains("request id " + FakeTransport.RequestId, e.Message);
            Assert.Equal(2, fake.Nova.Count);
        }
    }

    [Fact]
    public async Task Delete_RefusedForAVolumeWithSnapshots_NamesThem()
    {
        var (session, fake) = await BlockStorageAsync();
        using (session)
        {
            fake.ThenJson(400, $$$"""{"badRequest": {"code": 400, "message": "{{{CinderRefusal}}}"}}""").ThenJson(200, Shown("available", "[]"))
                .ThenJson(200, BlockStorageCloud.Page(new[] { BlockStorageCloud.Snapshot() }));
            var e = await Assert.ThrowsAsync<OpenStackException>(() => session.Volumes.DeleteAsync(TestCloud.VolumeId, TestCloud.Call()));

            Assert.Equal(OpenStackErrorKind.VolumeHasSnapshots, e.Kind);
            Assert.Contains($"it still has 1 snapshot ({SnapshotId} 'nightly')", e.Message);
            Assert.Equal(TestCloud.VolumeId, BlockStorageCloud.Query(fake.Nova[2].Url)["volume_id"]);
        }
    }

    [Theory]
    [InlineData("creating", OpenStackErrorKind.VolumeBusy)]
    [InlineData("deleting", null)]
    public async Task Delete_RefusedForItsStatus_SaysIt_AndOneBeingDeletedIsDone(string status, OpenStackErrorKind? kind)
    {
        var (session, fake) = await BlockStorageAsync();
        using (session)
        {
            fake.ThenJson(400, $$$"""{"badRequest": {"code": 400, "message": "{{{CinderRefusal}}}"}}""").ThenJson(200, Shown(status, "[]"))
                .ThenJson(200, BlockStorageCloud.Page(Array.Empty<string>()));
            var delete = session.Volumes.DeleteAsync(TestCloud.VolumeId, TestCloud.Call());
            if (kind == null)
            {
                await delete;
                return;
            }
            var e = await Assert.ThrowsAsync<OpenStackException>(() => delete);
            Assert.Equal(kind, e.Kind);
            Assert.Contains($"cannot be deleted while it is {status}", e.Message);
        }
    }
}
