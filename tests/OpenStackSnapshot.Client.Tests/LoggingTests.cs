using System.Text.RegularExpressions;
using OpenStackSnapshot.Client.Auth;
using OpenStackSnapshot.Client.Errors;
using OpenStackSnapshot.Client.Models;
using Xunit;
using OpenStackSnapshot.Client.Snapshots;

namespace OpenStackSnapshot.Client.Tests;

public class LoggingTests
{
    private const string Token1 = "gAAAAABtoken-one-VALUE";
    private const string Token2 = "gAAAAABtoken-two-VALUE";
    private const string AppSecret = "app-cred-SECRET-9876";

    [Fact]
    public async Task Verbose_OneLinePerRequest_WithMethodUrlStatusMsAndRequestId()
    {
        var log = new RecordingLog(debug: false);
        var fake = new FakeTransport().ThenToken().ThenJson(200, FakeTransport.SnapshotBody(), "req-verbose-1");
        using var session = await TestCloud.ConnectAsync(fake, log: log);
        await session.Snapshots.GetAsync("snap-1", TestCloud.Call(log));

        Assert.Equal(2, log.VerboseLines.Count);
        Assert.Matches(@"^POST http://keystone\.test:5000/v3/auth/tokens -> 201 Created in \d+ ms \(req-keystone-0001\)$", log.VerboseLines[0]);
        Assert.Matches(@"^GET http://nova\.test:8774/v2\.1/os-snapshots/snap-1 -> 200 OK in \d+ ms \(req-verbose-1\)$", log.VerboseLines[1]);
        Assert.Empty(log.DebugTexts);
    }

    [Fact]
    public async Task Verbose_EveryAttemptIsLogged()
    {
        var log = new RecordingLog(debug: false);
        var fake = new FakeTransport().ThenToken()
            .ThenJson(503, """{"serviceUnavailable": {"code": 503, "message": "busy"}}""", "req-a")
            .ThenJson(200, FakeTransport.SnapshotBody(), "req-b");
        using var session = await TestCloud.ConnectAsync(fake, o => o.Retries(1));
        await session.Snapshots.GetAsync("snap-1", TestCloud.Call(log));

        Assert.Equal(3, log.VerboseLines.Count);
        Assert.Matches(@" -> 503 Service Unavailable in \d+ ms \(req-a\)$", log.VerboseLines[0]);
        Assert.Matches(
            @"^Retrying GET http://nova\.test:8774/v2\.1/os-snapshots/snap-1 in 0\.0 s "
            + @"\(status retry 1 of 1; \d+ s of the 120 s retry budget left\): 503 Service Unavailable\.$",
            log.VerboseLines[1]);
        Assert.Matches(@" -> 200 OK in \d+ ms \(req-b\)$", log.VerboseLines[2]);
    }

    [Fact]
    public async Task Verbose_Off_NoLinePerAttempt_ButARetryIsStillSaid()
    {
        var log = new RecordingLog(debug: false, verbose: false);
        var fake = new FakeTransport().ThenToken()
            .ThenJson(503, """{"serviceUnavailable": {"code": 503, "message": "busy"}}""", "req-a")
            .ThenJson(200, FakeTransport.SnapshotBody(), "req-b");
        using var session = await TestCloud.ConnectAsync(fake, o => o.Retries(1));
        await session.Snapshots.GetAsync("snap-1", TestCloud.Call(log));

        Assert.Single(log.VerboseLines);
        Assert.StartsWith("Retrying GET http://nova.test:8774/v2.1/os-snapshots/snap-1 in 0.0 s", log.VerboseLines[0]);
        Assert.Empty(log.DebugTexts);
    }

    [Fact]
    public async Task Debug_ShowsTheExchange_ButNeverPasswordOrTokens()
    {
        var log = new RecordingLog(debug: true);
        var fake = new FakeTransport()
            .ThenToken(Token1)
            .ThenJson(401, """{"error": {"code": 401, "title": "Unauthorized", "message": "The request you have made requires authentication."}}""")
            .ThenToken(Token2)
            .ThenJson(200, FakeTransport.SnapshotBody(), "req-debug-create");
        using var session = await TestCloud.ConnectAsync(fake, log: log);
        await session.Snapshots.CreateAsync(new NewSnapshot(TestCloud.VolumeId, "snap-001"), TestCloud.Call(log));
        var text = log.AllText;

        Assert.Contains("HTTP request: POST http://keystone.test:5000/v3/auth/tokens", text);
        Assert.Contains("HTTP request: POST http://nova.test:8774/v2.1/os-snapshots", text);
        Assert.Contains("\"display_name\":\"snap-001\"", text);
        Assert.Contains("X-OpenStack-Nova-API-Version: 2.1", text);
        Assert.Contains("\"password\":\"***\"", text);
        Assert.Contains("X-Subject-Token: ***", text);
        Assert.Contains("X-Auth-Token: ***", text);
        Assert.Contains("req-debug-create", text);
        Assert.DoesNotContain(TestCloud.Password, text);
        Assert.DoesNotContain(Token1, text);
        Assert.DoesNotContain(Token2, text);
        // the requests really carried the secrets: the log hid them, not the client
        Assert.Contains(TestCloud.Password, fake.Keystone[0].Body);
        Assert.Equal(Token2, fake.Nova[1].Header("X-Auth-Token"));
    }

    [Fact]
    public async Task Debug_ApplicationCredentialSecret_IsRedacted()
    {
        var log = new RecordingLog(debug: true);
        var fake = new FakeTransport().ThenToken(Token1);
        var auth = new ApplicationCredentialAuth("ac-0123", TestCloud.Secure(AppSecret));
        using var session = await OpenStackSession.ConnectAsync(TestCloud.Options(fake, auth), TestCloud.Call(log));

        Assert.Contains("\"id\":\"ac-0123\"", log.AllText);
        Assert.Contains("\"secret\":\"***\"", log.AllText);
        Assert.DoesNotContain(AppSecret, log.AllText);
        Assert.DoesNotContain(Token1, log.AllText);
    }

    [Fact]
    public async Task Debug_PasswordWithJsonSpecialCharacters_IsRedacted()
    {
        const string tricky = "p\"a\\ss}w,ord";
        var log = new RecordingLog(debug: true);
        var fake = new FakeTransport().ThenToken(Token1);
        var auth = new PasswordAuth("demo", TestCloud.Secure(tricky)) { ProjectName = "demo-project" };
        using var session = await OpenStackSession.ConnectAsync(TestCloud.Options(fake, auth), TestCloud.Call(log));

        var request = log.DebugTexts[0];
        Assert.Contains("\"password\":\"***\"", request);
        Assert.DoesNotContain("ss}w,ord", request);
    }

    [Fact]
    public async Task FailedAttempt_IsLogged()
    {
        var log = new RecordingLog(debug: false);
        var fake = new FakeTransport().ThenToken(Token1).ThenThrow(
            new HttpRequestException("An error occurred while sending the request.", new IOException("Connection reset by peer")));
        using var session = await TestCloud.ConnectAsync(fake);
        var e = await Assert.ThrowsAsync<OpenStackException>(() => session.Snapshots.DeleteAsync("snap-1", TestCloud.Call(log)));

        Assert.Equal(OpenStackErrorKind.ConnectionFailed, e.Kind);
        Assert.Matches(
            @"^DELETE http://nova\.test:8774/v2\.1/os-snapshots/snap-1 -> failed after \d+ ms: Connection reset by peer$",
            Assert.Single(log.VerboseLines));
    }

    [Fact]
    public async Task TimedOutAttempt_IsLogged()
    {
        var log = new RecordingLog(debug: false);
        var fake = new FakeTransport().ThenToken(Token1).ThenHang();
        using var session = await TestCloud.ConnectAsync(fake, o => o.Timeout = TestCloud.ShortTimeout);
        var e = await Assert.ThrowsAsync<OpenStackException>(() => session.Snapshots.DeleteAsync("snap-1", TestCloud.Call(log)));

        Assert.Equal(OpenStackErrorKind.Timeout, e.Kind);
        Assert.Matches(@"^DELETE http://nova\.test:8774/v2\.1/os-snapshots/snap-1 -> failed after \d+ ms", Assert.Single(log.VerboseLines));
    }

    [Fact]
    public async Task TimeoutError_CarriesNoSecrets()
    {
        var log = new RecordingLog(debug: true);
        var fake = new FakeTransport().ThenToken(Token1).ThenHang();
        using var session = await TestCloud.ConnectAsync(fake, o => o.Timeout = TestCloud.ShortTimeout, log);
        var e = await Assert.ThrowsAsync<OpenStackException>(() => session.Snapshots.DeleteAsync("snap-1", TestCloud.Call(log)));

        Assert.Equal(OpenStackErrorKind.Timeout, e.Kind);
        Assert.Contains("HTTP request: DELETE http://nova.test:8774/v2.1/os-snapshots/snap-1", log.AllText);
        Assert.DoesNotContain(Token1, e.ToString());
        Assert.DoesNotContain(Token1, log.AllText);
        Assert.DoesNotContain(TestCloud.Password, log.AllText);
    }
}
