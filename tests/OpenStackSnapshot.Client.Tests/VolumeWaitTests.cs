using OpenStackSnapshot.Client.Errors;
using OpenStackSnapshot.Client.Snapshots;
using OpenStackSnapshot.Client.Volumes;
using Xunit;
using static OpenStackSnapshot.Client.Tests.VolumeCloud;

namespace OpenStackSnapshot.Client.Tests;

/// <summary>
/// Issue 24 on the client: the volume wait's ends, and a failed volume's reason as block storage says it.
/// </summary>
public class VolumeWaitTests
{
    [Fact]
    public async Task Wait_AFailedVolume_SaysBlockStoragesReason_TheNewestMessage()
    {
        var (session, fake) = await BlockStorageAsync();
        using (session)
        {
            fake.ThenJson(200, CinderVolume(status: "error"))
                .ThenJson(200, """{"messages": [{"user_message": "older", "created_at": "2025-06-12T14:00:00.000000"},"""
                    + """ {"user_message": "schedule allocate volume:Could not find any available weighted backend.","""
                    + """ "created_at": "2025-06-12T15:00:00.000000"}]}""");
            var wait = new VolumeWait(session.Volumes, WaitGoal.Available, new[] { NewVolumeId });
            var outcome = Assert.Single(await wait.PollAsync(TestCloud.Call()));

            Assert.Equal(OpenStackErrorKind.VolumeFailed, outcome.Error!.Kind);
            Assert.Equal(
                $"Volume {NewVolumeId} went to status 'error'. "
                + "Block storage says: schedule allocate volume:Could not find any available weighted backend.",
                outcome.Error.Message);
            Assert.Equal($"{FakeTransport.BlockStorageUrl}/messages?resource_uuid={NewVolumeId}", fake.Nova[1].Url);
        }
    }

    [Fact]
    public async Task Wait_AFailedVolumeWhoseReasonCannotBeRead_IsStillItsFailure()
    {
        var (session, fake) = await BlockStorageAsync();
        using (session)
        {
            fake.ThenJson(200, CinderVolume(status: "error"))
                .ThenJson(403, """{"forbidden": {"code": 403, "message": "Policy doesn't allow message:get_all"}}""");
            var outcome = Assert.Single(await new VolumeWait(session.Volumes, WaitGoal.Available, new[] { NewVolumeId }).PollAsync(TestCloud.Call()));
            Assert.Equal(OpenStackErrorKind.VolumeFailed, outcome.Error!.Kind);
            Assert.Equal($"Volume {NewVolumeId} went to status 'error'.", outcome.Error.Message);
        }
    }

    [Fact]
    public async Task Wait_Deleted_EndsWhenTheVolumeIsGone_AndFailsOnErrorDeleting()
    {
        var (session, fake) = await ComputeAsync();
        using (session)
        {
            fake.ThenJson(404, $$$"""{"itemNotFound": {"code": 404, "message": "Volume {{{NewVolumeId}}} could not be found."}}""")
                .ThenJson(200, NovaVolume("error_deleting"));
            var gone = Assert.Single(await new VolumeWait(session.Volumes, WaitGoal.Deleted, new[] { NewVolumeId }).PollAsync(TestCloud.Call()));
            Assert.Null(gone.Error);
            var stuck = Assert.Single(await new VolumeWait(session.Volumes, WaitGoal.Deleted, new[] { NewVolumeId }).PollAsync(TestCloud.Call()));
            Assert.Equal(OpenStackErrorKind.VolumeFailed, stuck.Error!.Kind);
        }
    }

    [Theory]
    [InlineData("deleting", "openstack volume set --state error")]
    [InlineData("creating", "openstack volume set --state error")]
    [InlineData("downloading", null)]
    public async Task Wait_GivenUp_OnAVolumeStillCreatingOrDeleting_SaysARestartMayHaveLostIt(string status, string? command)
    {
        // Seen on the real Cinder: cinder-api killed between marking a snapshot deleting and handing the delete on left it so.
        var (session, fake) = await BlockStorageAsync();
        using (session)
        {
            fake.ThenJson(200, CinderVolume(status: status));
            var wait = new VolumeWait(session.Volumes, WaitGoal.Deleted, new[] { NewVolumeId });
            Assert.Empty(await wait.PollAsync(TestCloud.Call()));
            var outcome = Assert.Single(wait.Expire(TimeSpan.FromMinutes(3)));

            Assert.Equal(OpenStackErrorKind.Timeout, outcome.Error!.Kind);
            Assert.Contains($"still '{status}' after 00:03:00", outcome.Error.Message);
            if (command == null) Assert.Equal("Wait longer, or check the volume's status.", outcome.Error.RecommendedAction);
            else Assert.Contains($"{command} {NewVolumeId}", outcome.Error.RecommendedAction);
        }
    }
}
