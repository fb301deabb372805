using System.Net.Http.Headers;
using OpenStackSnapshot.Client.Errors;
using Xunit;

namespace OpenStackSnapshot.Client.Tests;

/// <summary>Issue 21 part 2: a wait on retries longer than a couple of seconds is told to the user once, an outage once.</summary>
public class WaitNoticeTests
{
    private const string Busy = """{"serviceUnavailable": {"code": 503, "message": "busy"}}""";

    private static FakeTransport BusyFor(FakeTransport fake, int seconds) =>
        fake.ThenJson(503, Busy, more: r => r.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(seconds)));

    [Fact]
    public async Task ALongWait_IsToldOnce_NamingTheRequestTheReasonAndHowLongItWillTry()
    {
        var fake = BusyFor(BusyFor(BusyFor(new FakeTransport().ThenToken(), 3), 0), 0).ThenJson(200, FakeTransport.SnapshotBody());
        var log = new RecordingLog(debug: false, verbose: false);
        using var session = await TestCloud.ConnectAsync(fake, o => o.Retries(10));

        await session.Snapshots.GetAsync("snap-1", TestCloud.Call(log));

        Assert.Equal(4, fake.Nova.Count);
        var warning = Assert.Single(log.Warnings);
        Assert.Matches(@"^Waiting for GET http://nova\.test:8774/v2\.1/os-snapshots/snap-1: 503 Service Unavailable, Retry-After 3\. "
            + @"Retrying for up to 1\d\d s more\.$", warning);
    }

    [Fact]
    public async Task WaitingRequests_OfTwoCommands_AreEachTold_ButOneCommandIsToldOnceAMinute()
    {
        var fake = new FakeTransport().ThenToken();
        for (var i = 0; i < 3; i++) BusyFor(fake, 3).ThenJson(200, FakeTransport.SnapshotBody());
        var (first, second) = (new RecordingLog(debug: false, verbose: false), new RecordingLog(debug: false, verbose: false));
        using var session = await TestCloud.ConnectAsync(fake, o => o.Retries(10));

        await session.Snapshots.GetAsync("snap-1", TestCloud.Call(first));
        await session.Snapshots.GetAsync("snap-1", TestCloud.Call(second));
        await session.Snapshots.GetAsync("snap-1", TestCloud.Call(first)); // a long pipeline a cloud keeps rate-limiting: told, not flooded

        Assert.Single(first.Warnings);
        Assert.Single(second.Warnings);
    }

    [Fact]
    public async Task AnOutage_OpensTheCircuitWithOneWarning_AndTheRequestsItRefusesAddNone()
    {
        var fake = new FakeTransport().ThenToken();
        for (var i = 0; i < 60; i++) fake.ThenJson(503, Busy);
        var log = new RecordingLog(debug: false, verbose: false);
        using var session = await TestCloud.ConnectAsync(fake, o =>
        {
            o.Retries(100);
            o.RetryBudget = TimeSpan.FromSeconds(1); // too short a wait to be told about: only the circuit is
            o.RetryInterval = TimeSpan.FromSeconds(0.1);
        });

        for (var i = 0; i < 5; i++)
            await Assert.ThrowsAsync<OpenStackException>(() => session.Snapshots.GetAsync("snap-1", TestCloud.Call(log)));

        Assert.NotNull(session.UnavailableUntil);
        var warning = Assert.Single(log.Warnings);
        Assert.Matches(
            @"^The cloud has failed every request for a while, each after retrying for up to 1 s: until \d\d:\d\d:\d\d UTC this session fails",
            warning);
    }
}
