using System;
using System.Linq;
using System.Threading.Tasks;
using OpenStackSnapshot.Client.Errors;
using OpenStackSnapshot.Client.Snapshots;
using Xunit;

namespace OpenStackSnapshot.Client.Tests;

/// <summary>
/// A snapshot's status is judged one way wherever it is judged (SnapshotStatus.Is): the waits compared two statuses
/// exactly while every other judge ignored case, so a wait and a retention run could disagree about one snapshot.
/// </summary>
public class SnapshotStatusTests
{
    private const string Id = "fe06e9f2-e6b0-47d1-a63e-c0a15ad51994";

    private static string One(string status) =>
        $$$"""{"snapshot": {"id": "{{{Id}}}", "volumeId": "{{{TestCloud.VolumeId}}}", "status": "{{{status}}}", "size": 10,"""
        + """ "createdAt": "2026-12-07T03:00:00.000000", "displayName": "n", "displayDescription": null}}""";

    [Theory]
    [InlineData(WaitGoal.Available, "AVAILABLE", false)]
    [InlineData(WaitGoal.Deleted, "Error_Deleting", true)]
    public async Task AWait_JudgesAStatusWrittenInAnotherCase_AsItsLowerCaseSelf(WaitGoal goal, string status, bool failed)
    {
        var fake = new FakeTransport().ThenToken().ThenJson(200, One(status));
        using var session = await TestCloud.ConnectAsync(fake, o => o.Retries(0));
        var outcome = Assert.Single(await new SnapshotWait(session.Snapshots, goal, new[] { Id }).PollAsync(TestCloud.Call()));
        Assert.Equal(failed, outcome.Error?.Kind == OpenStackErrorKind.SnapshotFailed);
        Assert.Equal(!failed, outcome.Error == null && outcome.Item != null);
    }

    [Theory]
    [InlineData("available", true)]
    [InlineData("ERROR", true)]
    [InlineData("error_deleting", false)]
    [InlineData("Deleting", false)]
    public void BlockStorageDeletes_OnlyAnAvailableOrErrorSnapshot(string status, bool deletable) =>
        Assert.Equal(deletable, SnapshotStatus.Deletable(status));
}
