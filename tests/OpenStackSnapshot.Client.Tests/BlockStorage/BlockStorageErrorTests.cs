using System.Net.Http.Headers;
using OpenStackSnapshot.Client.Errors;
using OpenStackSnapshot.Client.Models;
using OpenStackSnapshot.Client.Snapshots;
using Xunit;

namespace OpenStackSnapshot.Client.Tests.BlockStorage;

/// <summary>Cinder's fault bodies and codes map onto the same error kinds as Nova's, with the request id.</summary>
public class BlockStorageErrorTests
{
    private static async Task<(OpenStackException Error, FakeTransport Fake)> Fail(
        Func<ISnapshotService, Task> call, Action<FakeTransport> script, int retries = 0)
    {
        var fake = new FakeTransport();
        using var session = await BlockStorageCloud.ConnectAsync(fake, o => o.Retries(retries));
        script(fake);
        var error = await Assert.ThrowsAsync<OpenStackException>(() => call(session.Snapshots));
        return (error, fake);
    }

    private static Task Create(ISnapshotService s) => s.CreateAsync(new NewSnapshot(TestCloud.VolumeId, "n"), TestCloud.Call());
    private static Task Get(ISnapshotService s) => s.GetAsync(BlockStorageCloud.SnapshotId, TestCloud.Call());

    [Fact]
    public async Task SnapshotQuota413_IsQuotaExceeded_AndNotRetried()
    {
        var (e, fake) = await Fail(Create, f => f.ThenJson(413,
            """{"overLimit": {"code": 413, "message": "Maximum number of snapshots allowed (10) exceeded", "retryAfter": "0"}}""",
            more: r => r.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.Zero)), retries: 3);

        Assert.Equal(OpenStackErrorKind.QuotaExceeded, e.Kind);
        Assert.Equal(413, e.StatusCode);
        Assert.Equal("overLimit", e.FaultName);
        Assert.Equal(FakeTransport.RequestId, e.RequestId);
        Assert.Contains(FakeTransport.RequestId, e.Message);
        Assert.Single(fake.Nova);
    }

    [Fact]
    public async Task GigabytesQuota413_IsQuotaExceeded()
    {
        var (e, _) = await Fail(Create, f => f.ThenJson(413,
            """{"overLimit": {"code": 413, "message": "Requested volume or snapshot exceeds allowed gigabytes quota."""
            + """ Requested 10G, quota is 20G and 15G has been consumed."}}"""));
        Assert.Equal(OpenStackErrorKind.QuotaExceeded, e.Kind);
    }

    [Fact]
    public async Task OtherCinder413_IsOverLimit_NotCalledRateLimiting()
    {
        var (e, _) = await Fail(Create, f => f.ThenJson(413, """{"overLimit": {"code": 413, "message": "Request is too large."}}"""));

        Assert.Equal(OpenStackErrorKind.OverLimit, e.Kind);
        Assert.Contains("over one of its limits", e.RecommendedAction);
        Assert.DoesNotContain("rate-limiting", e.RecommendedAction);
    }

    [Fact]
    public async Task Cinder405_AdvisesCheckingTheBlockStorageUrl()
    {
        var (e, _) = await Fail(Get, f => f.ThenJson(405,
            """{"badMethod": {"code": 405, "message": "The method GET is not allowed for this resource."}}"""));

        Assert.Equal(OpenStackErrorKind.MethodNotAllowed, e.Kind);
        Assert.Contains("check the block-storage URL", e.RecommendedAction);
    }

    [Fact]
    public async Task InvalidVolume400_IsVolumeNotAvailable()
    {
        var (e, _) = await Fail(Create, f => f.ThenJson(400,
            $$$"""{"badRequest": {"code": 400, "message": "Invalid volume: Volume {{{TestCloud.VolumeId}}} status must be available,"""
            + """ but current status is: in-use."}}"""));

        Assert.Equal(OpenStackErrorKind.VolumeNotAvailable, e.Kind);
        Assert.Equal(400, e.StatusCode);
        Assert.Equal(FakeTransport.RequestId, e.RequestId);
        Assert.Contains("Force the snapshot", e.RecommendedAction);
    }

    [Fact]
    public async Task OtherBadRequest400_StaysBadRequest()
    {
        var (e, _) = await Fail(Get, f => f.ThenJson(400,
            """{"badRequest": {"code": 400, "message": "Invalid filters all_tenants are found in query options."}}"""));
        Assert.Equal(OpenStackErrorKind.BadRequest, e.Kind);
    }

    [Fact]
    public async Task MissingSnapshot404_IsNotFound()
    {
        var (e, _) = await Fail(Get, f => f.ThenJson(404,
            $$$"""{"itemNotFound": {"code": 404, "message": "Snapshot {{{BlockStorageCloud.SnapshotId}}} could not be found."}}"""));

        Assert.Equal(OpenStackErrorKind.NotFound, e.Kind);
        Assert.Equal("itemNotFound", e.FaultName);
        Assert.Equal($"{BlockStorageCloud.SnapshotsUrl}/{BlockStorageCloud.SnapshotId}", e.Url);
    }

    [Fact]
    public async Task MissingVolume404OnCreate_IsVolumeNotFound()
    {
        var (e, _) = await Fail(Create, f => f.ThenJson(404,
            $$$"""{"itemNotFound": {"code": 404, "message": "Volume {{{TestCloud.VolumeId}}} could not be found."}}"""));
        Assert.Equal(OpenStackErrorKind.VolumeNotFound, e.Kind);
    }

    [Fact]
    public async Task Policy403_IsForbidden()
    {
        var (e, _) = await Fail(Create, f => f.ThenJson(403,
            """{"forbidden": {"code": 403, "message": "Policy doesn't allow volume:create_snapshot to be performed."}}"""));
        Assert.Equal(OpenStackErrorKind.Forbidden, e.Kind);
        Assert.Equal(FakeTransport.RequestId, e.RequestId);
        Assert.Null(e.BetterApi);
    }

    [Fact]
    public async Task MicroversionOutOfRange406_IsApiNotAvailable()
    {
        var (e, _) = await Fail(Get, f => f.ThenJson(406,
            """{"computeFault": {"code": 406, "message": "Version 3.31 is not supported by the API. Minimum is 3.0 and maximum is 3.27."}}"""));
        Assert.Equal(OpenStackErrorKind.ApiNotAvailable, e.Kind);
        Assert.Contains("block-storage endpoint", e.Message);
    }

    [Fact]
    public async Task UnservedRoute404_IsApiNotAvailable_InBlockStorageWords()
    {
        var (e, fake) = await Fail(Get, f => f.ThenJson(404, """{"itemNotFound": {"code": 404, "message": "The resource could not be found."}}"""));

        Assert.Equal(OpenStackErrorKind.ApiNotAvailable, e.Kind);
        Assert.Contains("block-storage endpoint does not serve this route", e.Message);
        Assert.DoesNotContain("os-snapshots", e.Message);
        Assert.Single(fake.Nova); // no Nova version document is probed
    }
}
