using System.Net.Http.Headers;
using System.Net.Sockets;
using OpenStackSnapshot.Client.Errors;
using OpenStackSnapshot.Client.Models;
using Xunit;
using OpenStackSnapshot.Client.Snapshots;

namespace OpenStackSnapshot.Client.Tests;

public class RetryTests
{
    private const string Busy = """{"serviceUnavailable": {"code": 503, "message": "busy"}}""";

    private static async Task<(OpenStackSession Session, FakeTransport Fake)> Connect(
        Action<FakeTransport> script, int retries = 3, TimeSpan? timeout = null)
    {
        var fake = new FakeTransport().ThenToken();
        script(fake);
        var session = await TestCloud.ConnectAsync(fake, o =>
        {
            o.Retries(retries);
            if (timeout != null) o.Timeout = timeout.Value;
        });
        return (session, fake);
    }

    private static Task<Snapshot> Get(OpenStackSession s) => s.Snapshots.GetAsync("snap-1", TestCloud.Call());
    private static Task<Snapshot> Create(OpenStackSession s) => s.Snapshots.CreateAsync(new NewSnapshot(TestCloud.VolumeId, "n"), TestCloud.Call());

    [Fact]
    public async Task Get_503ThenSuccess_SucceedsOnSecondAttempt()
    {
        var (session, fake) = await Connect(f => f.ThenJson(503, Busy).ThenJson(200, FakeTransport.SnapshotBody()));
        using (session) Assert.Equal("fe06e9f2-e6b0-47d1-a63e-c0a15ad51994", (await Get(session)).Id);

        Assert.Equal(2, fake.Nova.Count);
        Assert.All(fake.Nova, r => Assert.Equal("GET", r.Method));
    }

    private static Task Delete(OpenStackSession s) => s.Snapshots.DeleteAsync("fe06e9f2-e6b0-47d1-a63e-c0a15ad51994", TestCloud.Call());

    private const string SnapshotGone =
        """{"itemNotFound": {"code": 404, "message": "Snapshot fe06e9f2-e6b0-47d1-a63e-c0a15ad51994 could not be found."}}""";

    [Theory]
    [InlineData(502)]
    [InlineData(504)]
    public async Task Delete_AnswerLost_IsRetried_AndA404AfterTheRetryIsDone(int lost)
    {
        var (session, fake) = await Connect(f => f.ThenBody(lost, "<h1>Gateway</h1>", "text/html").ThenJson(404, SnapshotGone));
        using (session) await Delete(session);

        Assert.Equal(2, fake.Nova.Count);
        Assert.All(fake.Nova, r => Assert.Equal("DELETE", r.Method));
    }

    [Fact]
    public async Task Delete_ConnectionCutAfterSending_IsRetried()
    {
        var (session, fake) = await Connect(f => f
            .ThenThrow(new HttpRequestException("reset", new IOException("connection reset by peer")))
            .ThenBody(202, "", "text/plain"));
        using (session) await Delete(session);

        Assert.Equal(2, fake.Nova.Count);
    }

    [Fact]
    public async Task Delete_404OnTheFirstAttempt_IsStillNotFound()
    {
        var (session, fake) = await Connect(f => f.ThenJson(404, SnapshotGone));
        using (session)
        {
            var error = await Assert.ThrowsAsync<OpenStackException>(() => Delete(session));
            Assert.Equal(OpenStackErrorKind.NotFound, error.Kind);
        }
        Assert.Single(fake.Nova);
    }

    [Fact]
    public async Task Get_502ThenSuccess_IsRetried()
    {
        var (session, fake) = await Connect(f => f.ThenBody(502, "<h1>Bad Gateway</h1>", "text/html").ThenJson(200, FakeTransport.SnapshotBody()));
        using (session) await Get(session);

        Assert.Equal(2, fake.Nova.Count);
    }

    [Fact]
    public async Task Post_429WithRetryAfterThenSuccess_IsRetriedWithTheSameBody()
    {
        var (session, fake) = await Connect(f => f
            .ThenJson(429, """{"overLimit": {"code": 429, "message": "slow down", "retryAfter": "0"}}""",
                more: r => r.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.Zero))
            .ThenJson(200, FakeTransport.SnapshotBody()));
        using (session) await Create(session);

        Assert.Equal(2, fake.Nova.Count);
        Assert.All(fake.Nova, r => Assert.Equal("POST", r.Method));
        Assert.Equal(fake.Nova[0].Body, fake.Nova[1].Body);
    }

    [Fact]
    public async Task Post_503_IsRetried_ServerRefusedIt()
    {
        var (session, fake) = await Connect(f => f.ThenJson(503, Busy).ThenJson(200, FakeTransport.SnapshotBody()));
        using (session) await Create(session);

        Assert.Equal(2, fake.Nova.Count);
    }

    [Theory]
    [InlineData(502)]
    [InlineData(504)]
    public async Task Post_GatewayError_IsNotRetriedBlindly_ItsAbsenceIsEstablishedFirst(int status)
    {
        var (session, fake) = await Connect(f => LostThenAbsentThenMade(f.ThenBody(status, "<h1>gateway</h1>", "text/html")));
        using (session) Assert.Equal(MadeId, (await Create(session)).Id);

        AssertLookedForTwiceThenResent(fake);
    }

    [Fact]
    public async Task Post_413WithoutRetryAfter_IsNotRetried()
    {
        var (session, fake) = await Connect(f => f.ThenJson(413, """{"overLimit": {"code": 413, "message": "Request Entity Too Large"}}""")
            .ThenJson(200, FakeTransport.SnapshotBody()));
        using (session) Assert.Equal(OpenStackErrorKind.OverLimit, (await Assert.ThrowsAsync<OpenStackException>(() => Create(session))).Kind);

        Assert.Single(fake.Nova);
    }

    [Fact]
    public async Task Post_Timeout_IsNotRetriedBlindly_ItsAbsenceIsEstablishedFirst()
    {
        var (session, fake) = await Connect(f => LostThenAbsentThenMade(f.ThenHang()), timeout: TestCloud.ShortTimeout);
        using (session) Assert.Equal(MadeId, (await Create(session)).Id);

        AssertLookedForTwiceThenResent(fake);
    }

    [Fact]
    public async Task Get_Timeout_IsRetried()
    {
        var (session, fake) = await Connect(f => f.ThenHang().ThenJson(200, FakeTransport.SnapshotBody()), timeout: TestCloud.ShortTimeout);
        using (session) await Get(session);

        Assert.Equal(2, fake.Nova.Count);
    }

    [Fact]
    public async Task Post_ConnectionRefused_IsRetried_NothingWasSent()
    {
        var refused = new HttpRequestException("Connection refused (nova.test:8774)", new SocketException((int)SocketError.ConnectionRefused));
        var (session, fake) = await Connect(f => f.ThenThrow(refused).ThenJson(200, FakeTransport.SnapshotBody()));
        using (session) await Create(session);

        Assert.Equal(2, fake.Nova.Count);
    }

    [Fact]
    public async Task Post_ConnectionResetAfterSending_IsNotRetriedBlindly_ItsAbsenceIsEstablishedFirst()
    {
        var reset = new HttpRequestException("An error occurred while sending the request.", new IOException("Connection reset by peer"));
        var (session, fake) = await Connect(f => LostThenAbsentThenMade(f.ThenThrow(reset)));
        using (session) Assert.Equal(MadeId, (await Create(session)).Id);

        AssertLookedForTwiceThenResent(fake);
    }

    private const string MadeId = "fe06e9f2-e6b0-47d1-a63e-c0a15ad51994";

    /// <summary>After the lost create: two empty lookups (before and after the grace), the resend's answer, the twin check.</summary>
    private static FakeTransport LostThenAbsentThenMade(FakeTransport fake) => fake
        .ThenJson(200, NoSnapshots).ThenJson(200, NoSnapshots)
        .ThenJson(200, FakeTransport.SnapshotBody(MadeId))
        .ThenJson(200, Listing("n", DateTime.UtcNow, MadeId)).ThenJson(200, NoSnapshots);

    /// <summary>POST, a lookup, a lookup after the grace, the one resend, then the look for a twin (two pages: Nova's end is an empty one).</summary>
    private static void AssertLookedForTwiceThenResent(FakeTransport fake)
    {
        Assert.Equal(new[] { "POST", "GET", "GET", "POST", "GET", "GET" }, fake.Nova.Select(r => r.Method));
        Assert.All(fake.Nova.Where(r => r.Method == "GET"), r => Assert.Contains("/os-snapshots/detail", r.Url));
        Assert.Equal(fake.Nova[0].Body, fake.Nova[3].Body);
    }

    private const string NoSnapshots = """{"snapshots": []}""";

    private static string Listing(string name, DateTime createdAt, string id = "0b8e1c52-37e4-4b6e-9f1a-6c2d3e4f5a6b") =>
        $$$"""{"snapshots": [{"id": "{{{id}}}", "volumeId": "{{{TestCloud.VolumeId}}}", "status": "creating", "size": 10,"""
        + $$$""" "createdAt": "{{{createdAt:yyyy-MM-ddTHH:mm:ss.ffffff}}}", "displayName": "{{{name}}}", "displayDescription": null}]}""";

    /// <summary>The create went out once and was never resent: the requests after it only list the snapshots.</summary>
    private static void AssertSentOnceThenLookedFor(FakeTransport fake)
    {
        Assert.Single(fake.Nova, r => r.Method == "POST");
        Assert.Equal("POST", fake.Nova[0].Method);
        Assert.All(fake.Nova.Skip(1), r => Assert.Contains("/os-snapshots/detail", r.Url));
        Assert.True(fake.Nova.Count >= 2);
    }

    [Fact]
    public async Task Post_AnswerLost_SnapshotMadeAnyway_IsFoundAgain_NotResent()
    {
        var (session, fake) = await Connect(f => f
            .ThenBody(504, "<h1>Gateway Timeout</h1>", "text/html")
            .ThenJson(200, Listing("n", DateTime.UtcNow))
            .ThenJson(200, NoSnapshots));
        var log = new RecordingLog(debug: false);
        using (session)
        {
            var found = await session.Snapshots.CreateAsync(new NewSnapshot(TestCloud.VolumeId, "n"), TestCloud.Call(log));
            Assert.Equal("0b8e1c52-37e4-4b6e-9f1a-6c2d3e4f5a6b", found.Id);
        }
        AssertSentOnceThenLookedFor(fake);
        Assert.Contains(log.VerboseLines, l => l.Contains("was found again"));
    }

    [Fact]
    public async Task Post_AnswerLost_AnOlderSnapshotOfThatName_IsNotTakenForIt()
    {
        var older = Listing("n", DateTime.UtcNow.AddHours(-1));
        var (session, fake) = await Connect(f => f
            .ThenBody(502, "bad gateway", "text/plain")
            .ThenJson(200, older).ThenJson(200, NoSnapshots).ThenJson(200, older).ThenJson(200, NoSnapshots)
            .ThenJson(200, FakeTransport.SnapshotBody(MadeId))
            .ThenJson(200, older).ThenJson(200, NoSnapshots));
        using (session) Assert.Equal(MadeId, (await Create(session)).Id);
        Assert.Equal(2, fake.Nova.Count(r => r.Method == "POST"));
    }

    [Fact]
    public async Task Post_AnswerLost_WithoutAName_SaysThereIsNothingToMatchOn_AndListsNothing()
    {
        var (session, fake) = await Connect(f => f.ThenBody(504, "gateway", "text/plain"));
        using (session)
        {
            var e = await Assert.ThrowsAsync<OpenStackException>(
                () => session.Snapshots.CreateAsync(new NewSnapshot(TestCloud.VolumeId), TestCloud.Call()));
            Assert.Contains("had no name", e.Message);
        }
        Assert.Single(fake.Nova);
    }

    [Fact]
    public async Task RetryCount_IsRespected_ThenServiceUnavailable()
    {
        var (session, fake) = await Connect(
            f => f.ThenJson(503, Busy).ThenJson(503, Busy).ThenJson(503, Busy, "req-last").ThenJson(200, FakeTransport.SnapshotBody()),
            retries: 2);
        using (session)
        {
            var e = await Assert.ThrowsAsync<OpenStackException>(() => Get(session));
            Assert.Equal(OpenStackErrorKind.ServiceUnavailable, e.Kind);
            Assert.Equal(503, e.StatusCode);
            Assert.Equal("req-last", e.RequestId); // the last attempt's answer is the one reported
        }
        Assert.Equal(3, fake.Nova.Count);
    }

    [Fact]
    public async Task ZeroRetries_MeansOneAttempt()
    {
        var (session, fake) = await Connect(f => f.ThenJson(503, Busy).ThenJson(200, FakeTransport.SnapshotBody()), retries: 0);
        using (session) await Assert.ThrowsAsync<OpenStackException>(() => Get(session));

        Assert.Single(fake.Nova);
    }

    [Theory]
    [InlineData(5, 0)]
    [InlineData(25 * 3600 * 1000, 0)]
    [InlineData(1000, 2 * 24 * 3600 * 1000)]
    public async Task OptionsOutsideTheRetryLibrarysRange_AreInvalidArgument(int timeoutMs, int retryIntervalMs)
    {
        var fake = new FakeTransport().ThenToken();
        var e = await Assert.ThrowsAsync<OpenStackException>(() => TestCloud.ConnectAsync(fake, o =>
        {
            o.Timeout = TimeSpan.FromMilliseconds(timeoutMs);
            o.RetryInterval = TimeSpan.FromMilliseconds(retryIntervalMs);
            o.Retries(1);
        }));

        Assert.Equal(OpenStackErrorKind.InvalidArgument, e.Kind);
        Assert.Empty(fake.Requests);
    }
}
