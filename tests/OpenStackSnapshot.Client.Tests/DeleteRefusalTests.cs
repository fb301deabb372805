using OpenStackSnapshot.Client.Errors;
using OpenStackSnapshot.Client.Tests.BlockStorage;
using Xunit;

namespace OpenStackSnapshot.Client.Tests;

/// <summary>
/// Issue 21 part 8: a delete refused for the snapshot's state (Cinder's 400 InvalidSnapshot, which Nova's proxy passes on
/// as a 500 InvalidInput) says that state on both APIs, read once on that failure only, and says to wait, then remove.
/// </summary>
public class DeleteRefusalTests
{
    private const string Id = BlockStorageCloud.SnapshotId;
    private const string NovaRefusal =
        """{"computeFault": {"code": 500, "message": "Unexpected API Error. Please report this at http://bugs.launchpad.net/nova/"""
        + """ and attach the Nova API log if possible.\n<class 'nova.exception.InvalidInput'>"}}""";
    private const string CinderRefusal =
        """{"badRequest": {"code": 400, "message": "Invalid snapshot: Snapshot status must be available or error"""
        + """ and must not be part of a group."}}""";

    /// <summary>A session of either API whose DELETE is refused as the API refuses it; <paramref name="then"/> scripts what follows.</summary>
    private static async Task<(OpenStackSession Session, FakeTransport Fake)> Refusing(string api, Action<FakeTransport> then, int retries = 0)
    {
        var fake = new FakeTransport();
        var session = api == "compute"
            ? await TestCloud.ConnectAsync(fake.ThenToken(), o => o.Retries(retries))
            : await BlockStorageCloud.ConnectAsync(fake, o => o.Retries(retries));
        if (api == "compute") fake.ThenJson(500, NovaRefusal, "req-refused");
        else fake.ThenJson(400, CinderRefusal, "req-refused");
        then(fake);
        return (session, fake);
    }

    private static Action<FakeTransport> Shows(string api, string status) => fake => fake.ThenJson(200, api == "compute"
        ? FakeTransport.SnapshotBody(Id, status)
        : BlockStorageCloud.One(BlockStorageCloud.Snapshot(status: status)));

    [Theory]
    [InlineData("compute", "HTTP 500 computeFault")]
    [InlineData("block-storage", "HTTP 400 badRequest")]
    public async Task DeletingACreatingSnapshot_SaysItIsStillCreating_OnBothApis(string api, string answer)
    {
        var (session, fake) = await Refusing(api, Shows(api, "creating"));
        using (session)
        {
            var e = await Assert.ThrowsAsync<OpenStackException>(() => session.Snapshots.DeleteAsync(Id, TestCloud.Call()));

            Assert.Equal(OpenStackErrorKind.SnapshotNotAvailable, e.Kind);
            Assert.StartsWith(
                $"Snapshot {Id} is still creating: block storage deletes a snapshot only once it is available (or error). ({answer}, DELETE ",
                e.Message);
            Assert.Contains("request id req-refused", e.Message);
            Assert.DoesNotContain("launchpad", e.Message);
            Assert.Equal("Wait until it is available, then delete it.", e.RecommendedAction);
            Assert.Equal("req-refused", e.RequestId);
            Assert.Equal(new[] { "DELETE", "GET" }, fake.Requests.Skip(1).Select(r => r.Method)); // one read, on the failure only
        }
    }

    [Theory]
    [InlineData("compute", "error_deleting")]
    [InlineData("block-storage", "error_deleting")]
    [InlineData("block-storage", "ERROR_DELETING")]   // judged as its lower-case self, as every status is
    public async Task ASnapshotInErrorDeleting_IsForTheOperator(string api, string status)
    {
        var (session, _) = await Refusing(api, Shows(api, status));
        using (session)
        {
            var e = await Assert.ThrowsAsync<OpenStackException>(() => session.Snapshots.DeleteAsync(Id, TestCloud.Call()));

            Assert.Equal(OpenStackErrorKind.SnapshotNotAvailable, e.Kind);
            Assert.StartsWith($"Snapshot {Id} cannot be deleted: its status is error_deleting", e.Message);
            Assert.Contains("openstack volume snapshot set --state error", e.RecommendedAction);
        }
    }

    [Theory]
    [InlineData("compute")]
    [InlineData("block-storage")]
    public async Task ARefusalOfAnAvailableSnapshot_OrOneThatCannotBeRead_IsReportedAsItCame(string api)
    {
        var afters = new[]
        {
            Shows(api, "available"),
            fake => fake.ThenJson(503, """{"serviceUnavailable": {"code": 503, "message": "busy"}}"""),
        };
        foreach (var after in afters)
        {
            var (session, _) = await Refusing(api, after);
            using (session)
            {
                var e = await Assert.ThrowsAsync<OpenStackException>(() => session.Snapshots.DeleteAsync(Id, TestCloud.Call()));

                Assert.Equal(OpenStackErrorKind.SnapshotNotAvailable, e.Kind); // a group's snapshot, or one whose state could not be read
                Assert.StartsWith(
                    $"Snapshot {Id} cannot be deleted in its current state: block storage deletes only snapshots that are available or error",
                    e.Message);
            }
        }
    }

    [Theory]
    [InlineData("compute")]
    [InlineData("block-storage")]
    public async Task ARetriedDelete_ThatMeetsItsOwnDeletion_IsDone(string api)
    {
        var fake = new FakeTransport();
        using var session = api == "compute"
            ? await TestCloud.ConnectAsync(fake.ThenToken(), o => o.Retries(1))
            : await BlockStorageCloud.ConnectAsync(fake, o => o.Retries(1));
        fake.ThenJson(504, """{"computeFault": {"code": 504, "message": "gateway timeout"}}"""); // the first attempt's answer is lost
        if (api == "compute") fake.ThenJson(500, NovaRefusal);
        else fake.ThenJson(400, CinderRefusal);
        Shows(api, "deleting")(fake);

        await session.Snapshots.DeleteAsync(Id, TestCloud.Call());

        Assert.Equal(new[] { "DELETE", "DELETE", "GET" }, fake.Requests.Skip(1).Select(r => r.Method));
    }

    [Fact]
    public async Task NovasWrappedInvalidInput_OnARead_StaysAServerError()
    {
        var fake = new FakeTransport().ThenToken().ThenJson(500, NovaRefusal);
        using var session = await TestCloud.ConnectAsync(fake);

        var e = await Assert.ThrowsAsync<OpenStackException>(() => session.Snapshots.GetAsync(Id, TestCloud.Call()));

        Assert.Equal(OpenStackErrorKind.ServerError, e.Kind);
    }
}
