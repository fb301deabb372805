using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Sockets;
using OpenStackSnapshot.Client.Errors;
using OpenStackSnapshot.Client.Models;
using Xunit;
using OpenStackSnapshot.Client.Snapshots;

namespace OpenStackSnapshot.Client.Tests;

/// <summary>Issue 9 parts 1 and 2: retries bounded by count and by a time budget; one outage is waited out once.</summary>
public class ClientOutageTests
{
    private const string Busy = """{"serviceUnavailable": {"code": 503, "message": "busy"}}""";
    private static readonly HttpRequestException Refused =
        new("Connection refused (nova.test:8774)", new SocketException((int)SocketError.ConnectionRefused));

    private static Task<OpenStackSession> Connect(FakeTransport fake, int retries, double budgetSec, double intervalSec = 0) =>
        TestCloud.ConnectAsync(fake, o =>
        {
            o.Retries(retries);
            o.RetryBudget = TimeSpan.FromSeconds(budgetSec);
            o.RetryInterval = TimeSpan.FromSeconds(intervalSec);
        });

    private static FakeTransport Busy503(FakeTransport fake, int count)
    {
        for (var i = 0; i < count; i++) fake.ThenJson(503, Busy);
        return fake;
    }

    private static Task<Snapshot> Get(OpenStackSession s) => s.Snapshots.GetAsync("snap-1", TestCloud.Call());

    [Fact]
    public void Defaults_RideOutAMinuteLongOutage()
    {
        var options = TestCloud.Options(new FakeTransport());
        var fresh = new ConnectionOptions(options.AuthUrl, options.Auth);
        Assert.Equal(10, fresh.StatusCodeRetries);
        Assert.Equal(10, fresh.ConnectRetries);
        Assert.Equal(TimeSpan.FromSeconds(120), fresh.RetryBudget);
        // The least the jittered waits can add up to before the budget ends is still over a minute.
        var least = Enumerable.Range(0, fresh.StatusCodeRetries).Sum(n => Math.Min(Math.Pow(2, n), 30) * 0.75);
        Assert.True(least > 60, $"waits add up to only {least} s");
    }

    [Fact]
    public async Task Disconnect_SendsTheRevokeOnce_SoADeadKeystoneDoesNotHoldItForABudget()
    {
        var fake = new FakeTransport().ThenToken();
        // Keystone says to come back in 10 minutes: a retry would wait that long.
        var session = await Connect(fake, retries: 10, budgetSec: 1200, intervalSec: 20);
        fake.ThenJson(503, Busy, more: r => r.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(600)))
            .ThenThrow(Refused);
        var clock = Stopwatch.StartNew();

        await session.CloseAsync(TestCloud.Call());

        // Proves the revoke was not retried, not how fast it was: a retry would wait the whole 10 minutes.
        Assert.True(clock.Elapsed < TimeSpan.FromMinutes(9), $"Disconnect took {clock.Elapsed}: it waited for the 10-minute Retry-After");
        Assert.Equal(2, fake.Keystone.Count); // the sign-in and one revoke
    }

    [Fact]
    public async Task StatusAndConnectionRetries_AreCountedApart()
    {
        var fake = new FakeTransport().ThenToken().ThenThrow(Refused).ThenJson(503, Busy).ThenThrow(Refused).ThenJson(503, Busy)
            .ThenJson(200, FakeTransport.SnapshotBody());
        using var session = await TestCloud.ConnectAsync(fake, o =>
        {
            o.StatusCodeRetries = 2;
            o.ConnectRetries = 2;
            o.RetryInterval = TimeSpan.Zero;
        });
        await Get(session); // four retries in all, two of each kind

        Assert.Equal(5, fake.Nova.Count);
    }

    [Fact]
    public async Task TheBudget_EndsRetrying_BeforeTheCount()
    {
        var fake = Busy503(new FakeTransport().ThenToken(), 100);
        using var session = await Connect(fake, retries: 100, budgetSec: 1, intervalSec: 0.2);
        var clock = Stopwatch.StartNew();
        var e = await Assert.ThrowsAsync<OpenStackException>(() => Get(session));

        Assert.Equal(OpenStackErrorKind.ServiceUnavailable, e.Kind);
        Assert.InRange(clock.Elapsed.TotalSeconds, 0.9, 10); // the 1-s budget, not the 100 retries' minutes
        // Waits of at least 0.15 and 0.3 s fit the budget; the third (at least 0.6 s) is cut to it and its retry is the
        // last: at most 4 sends. Before, the budget's final microseconds each allowed another retry (39 and 100 seen).
        Assert.InRange(fake.Nova.Count, 2, 4);
        Assert.Equal(fake.Nova.Count - 1, e.Retries);
        Assert.Contains($"It was sent {fake.Nova.Count} times over", e.Message);
    }

    [Fact]
    public async Task ARetryAfterPastTheBudget_IsNotWaitedFor()
    {
        var fake = new FakeTransport().ThenToken()
            .ThenJson(503, Busy, more: r => r.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(3600)));
        using var session = await Connect(fake, retries: 5, budgetSec: 600);
        var clock = Stopwatch.StartNew();
        var e = await Assert.ThrowsAsync<OpenStackException>(() => Get(session));

        // Proves neither the hour asked nor the 10-minute budget was waited, not how fast the refusal came.
        Assert.True(clock.Elapsed < TimeSpan.FromMinutes(9), $"took {clock.Elapsed}: it waited for the Retry-After or the budget");
        Assert.Equal(3600, e.RetryAfterSeconds); // the caller learns when the cloud said to come back
        Assert.Single(fake.Nova);
    }

    [Fact]
    public async Task ARetryAfterDate_IsWaitedFor()
    {
        var fake = new FakeTransport().ThenToken()
            .ThenJson(429, """{"overLimit": {"code": 429, "message": "slow down"}}""",
                more: r => r.Headers.RetryAfter = new RetryConditionHeaderValue(DateTimeOffset.UtcNow.AddSeconds(2)))
            .ThenJson(200, FakeTransport.SnapshotBody());
        using var session = await Connect(fake, retries: 1, budgetSec: 60);
        var clock = Stopwatch.StartNew();
        await Get(session);

        Assert.InRange(clock.Elapsed.TotalSeconds, 0.9, 10); // HTTP dates have whole seconds; the date, not the 60-s budget
        Assert.Equal(2, fake.Nova.Count);
    }

    [Fact]
    public async Task ADeadCloud_OpensTheCircuit_ThenRequestsFailFastUnsent_AndItRecovers()
    {
        var fake = Busy503(new FakeTransport().ThenToken(), 200);
        // A 10-s budget is also the break: the two calls below need only be made within it (a later call would probe
        // and be sent), which leaves a busy machine room; that nothing was sent, not how fast, is what they prove.
        using var session = await Connect(fake, retries: 100, budgetSec: 10, intervalSec: 0.1);
        await Assert.ThrowsAsync<OpenStackException>(() => Get(session));
        await Assert.ThrowsAsync<OpenStackException>(() => Get(session)); // two requests spent their budget: open
        var sent = fake.Nova.Count;

        var fast = await Assert.ThrowsAsync<OpenStackException>(() => Get(session));
        var create = await Assert.ThrowsAsync<OpenStackException>(
            () => session.Snapshots.CreateAsync(new NewSnapshot(TestCloud.VolumeId, "n"), TestCloud.Call()));

        Assert.Equal(sent, fake.Nova.Count); // neither was sent, so the create needs no reconciling either
        Assert.Equal(OpenStackErrorKind.ServiceUnavailable, fast.Kind);
        Assert.Null(fast.StatusCode);
        Assert.Contains("was not sent", fast.Message);
        Assert.Equal(OpenStackErrorKind.ServiceUnavailable, create.Kind);
        Assert.NotNull(session.UnavailableUntil);

        // The cloud is back: after the break one request probes, and the session works without reconnecting.
        await Task.Delay(TimeSpan.FromSeconds(10.2));
        fake.Clear();
        fake.ThenJson(200, FakeTransport.SnapshotBody()).ThenJson(200, FakeTransport.SnapshotBody());
        await Get(session);
        await Get(session);
        Assert.Null(session.UnavailableUntil);
    }

    [Fact]
    public async Task ASuccessBetweenFailures_KeepsTheCircuitClosed()
    {
        var fake = new FakeTransport().ThenToken().ThenJson(503, Busy).ThenJson(200, FakeTransport.SnapshotBody()).ThenJson(503, Busy)
            .ThenJson(503, Busy).ThenJson(200, FakeTransport.SnapshotBody());
        using var session = await Connect(fake, retries: 0, budgetSec: 5);
        await Assert.ThrowsAsync<OpenStackException>(() => Get(session));
        await Get(session);
        await Assert.ThrowsAsync<OpenStackException>(() => Get(session));
        var e = await Assert.ThrowsAsync<OpenStackException>(() => Get(session));

        Assert.Equal(503, e.StatusCode); // sent and answered: failures after a success are not yet an outage
        await Get(session);
        Assert.Equal(5, fake.Nova.Count);
    }

    [Fact]
    public async Task CancellingDuringARetryWait_StopsAtOnce()
    {
        var fake = new FakeTransport().ThenToken()
            .ThenJson(503, Busy, more: r => r.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(600)));
        using var session = await Connect(fake, retries: 3, budgetSec: 1200);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var clock = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => session.Snapshots.GetAsync("snap-1", new Http.CallContext(cancel.Token)));
        // Proves the cancel ended the wait, not how fast: without it the wait lasts the 10 minutes Retry-After asked.
        Assert.True(clock.Elapsed < TimeSpan.FromMinutes(9), $"took {clock.Elapsed}: the cancel did not end the 10-minute wait");
    }
}
