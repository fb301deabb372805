using System.Net;
using System.Net.Sockets;
using System.Security.Authentication;
using OpenStackSnapshot.Client.Errors;
using Xunit;

namespace OpenStackSnapshot.Client.Tests;

/// <summary>
/// Issue 21 part 2: a first sign-in to a name that does not resolve fails at once, and one to a refused port gives up
/// within seconds unless the caller chose the retries; once signed in, every request (renewals too) has the session's.
/// </summary>
public class FirstSignInTests
{
    private static readonly HttpRequestException Refused =
        new("Connection refused (keystone.test:5000)", new SocketException((int)SocketError.ConnectionRefused));
    private static readonly HttpRequestException UnknownHost =
        new("Name or service not known (keystone.test:5000)", new SocketException((int)SocketError.HostNotFound));

    /// <summary>The defaults a user gets (10 retries, 120 s, 1 s interval) over the real transport.</summary>
    private static ConnectionOptions RealOptions(string authUrl) =>
        new(new Uri(authUrl), TestCloud.PasswordByName()) { Timeout = TimeSpan.FromSeconds(10) };

    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static FakeTransport Throwing(FakeTransport fake, Exception error, int count)
    {
        for (var i = 0; i < count; i++) fake.ThenThrow(error);
        return fake;
    }

    [Fact]
    public async Task AHostNameThatDoesNotResolve_FailsAtOnce_Unretried()
    {
        // .invalid never resolves (RFC 6761): nothing is sent anywhere.
        var options = RealOptions("http://keystone.mistyped.invalid:5000/v3");
        var started = DateTime.UtcNow;

        var e = await Assert.ThrowsAsync<OpenStackException>(() => OpenStackSession.ConnectAsync(options, TestCloud.Call()));

        Assert.Equal(OpenStackErrorKind.ConnectionFailed, e.Kind);
        Assert.Equal(0, e.Retries);
        Assert.StartsWith(
            "The host name keystone.mistyped.invalid does not resolve (POST http://keystone.mistyped.invalid:5000/v3/auth/tokens): ",
            e.Message);
        Assert.EndsWith(".", e.Message);
        Assert.Contains("auth_url", e.RecommendedAction);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(60), "well under the 120-s budget");
    }

    [Fact]
    public async Task AnUnknownHost_AtTheFirstSignIn_IsNotRetried_EvenWithRetriesChosen()
    {
        var fake = Throwing(new FakeTransport(), UnknownHost, 3);
        var e = await Assert.ThrowsAsync<OpenStackException>(() => TestCloud.ConnectAsync(fake, o =>
        {
            o.Retries(10);
            o.RetriesChosen = true;
        }));

        Assert.Equal(OpenStackErrorKind.ConnectionFailed, e.Kind);
        Assert.Single(fake.Keystone);
    }

    [Fact]
    public async Task ARefusedTlsHandshake_IsNotRetried_AtSignInOrLater()
    {
        // A refused certificate stays refused: before, sign-in retried it for its whole budget, warning "Waiting for".
        var refused = new HttpRequestException("ssl", new AuthenticationException("The remote certificate was rejected."));
        var fake = Throwing(new FakeTransport(), refused, 3);
        var e = await Assert.ThrowsAsync<OpenStackException>(() => TestCloud.ConnectAsync(fake, o => o.Retries(10)));
        Assert.Equal(OpenStackErrorKind.TlsFailure, e.Kind);
        Assert.Single(fake.Keystone);

        fake = new FakeTransport().ThenToken().ThenThrow(refused).ThenJson(200, FakeTransport.SnapshotBody());
        using var session = await TestCloud.ConnectAsync(fake, o => o.Retries(10));
        e = await Assert.ThrowsAsync<OpenStackException>(() => session.Snapshots.GetAsync("snap-1", TestCloud.Call()));
        Assert.Equal(OpenStackErrorKind.TlsFailure, e.Kind);
        Assert.Single(fake.Nova);
    }

    [Fact]
    public async Task AnUnknownHost_MidSession_IsRetried_AsAResolverBlip()
    {
        var fake = new FakeTransport().ThenToken().ThenThrow(UnknownHost).ThenJson(200, FakeTransport.SnapshotBody());
        using var session = await TestCloud.ConnectAsync(fake, o => o.Retries(10));

        await session.Snapshots.GetAsync("snap-1", TestCloud.Call());

        Assert.Equal(2, fake.Nova.Count);
    }

    [Fact]
    public async Task ARefusedPort_AtTheFirstSignIn_GivesUpAfterAFewSends_AndSaysItWaitsOnce()
    {
        var port = ClosedPort();
        var log = new RecordingLog(debug: false, verbose: false);

        var e = await Assert.ThrowsAsync<OpenStackException>(() =>
            OpenStackSession.ConnectAsync(RealOptions($"http://127.0.0.1:{port}/v3"), TestCloud.Call(log)));

        Assert.Equal(OpenStackErrorKind.ConnectionFailed, e.Kind);
        Assert.Equal(Http.RetryLimits.SignInConnectRetries, e.Retries); // not the session's 10
        Assert.True(e.TriedFor < TimeSpan.FromSeconds(60), $"tried for {e.TriedFor}: well under the 120-s budget");
        Assert.Matches(
            $@"^Could not reach http://127\.0\.0\.1:{port} for POST http://127\.0\.0\.1:{port}/v3/auth/tokens: "
            + @".+\. It was sent 4 times over [\d.]+ s\.$",
            e.Message);
        var warning = Assert.Single(log.Warnings); // waits of about 1, 2 and 2 s: told once, when it passes 2 s
        Assert.StartsWith($"Waiting for POST http://127.0.0.1:{port}/v3/auth/tokens: ", warning);
        Assert.Matches(@"Retrying for up to \d+ s more\.$", warning);
    }

    [Fact]
    public async Task ARefusedPort_AtTheFirstSignIn_IsRetriedAsAsked_WhenTheRetriesWereChosen()
    {
        var options = RealOptions($"http://127.0.0.1:{ClosedPort()}/v3");
        options.ConnectRetries = 5;
        options.RetryInterval = TimeSpan.Zero;
        options.RetriesChosen = true;

        var e = await Assert.ThrowsAsync<OpenStackException>(() => OpenStackSession.ConnectAsync(options, TestCloud.Call()));

        Assert.Equal(OpenStackErrorKind.ConnectionFailed, e.Kind);
        Assert.Equal(5, e.Retries);
    }

    [Theory]
    [InlineData(false, 4)] // the sign-in's 3 retries
    [InlineData(true, 6)]  // the caller's 10: the sixth send signs in
    public async Task RefusedSignIns_AreRetriedAFewTimes_OrAsChosen(bool chosen, int sends)
    {
        var fake = Throwing(new FakeTransport(), Refused, 5).ThenToken();
        var connect = TestCloud.ConnectAsync(fake, o =>
        {
            o.Retries(10);
            o.RetriesChosen = chosen;
        });

        if (chosen) (await connect).Dispose();
        else Assert.Equal(OpenStackErrorKind.ConnectionFailed, (await Assert.ThrowsAsync<OpenStackException>(() => connect)).Kind);
        Assert.Equal(sends, fake.Keystone.Count);
    }

    [Fact]
    public async Task ABusyKeystone_AtTheFirstSignIn_KeepsTheSessionsStatusRetries()
    {
        var fake = new FakeTransport();
        for (var i = 0; i < 5; i++) fake.ThenJson(503, """{"error": {"code": 503, "title": "Service Unavailable", "message": "busy"}}""");
        fake.ThenToken();

        using var session = await TestCloud.ConnectAsync(fake, o => o.Retries(10)); // Keystone is there: a 503 is an outage's, not a typo's

        Assert.Equal(6, fake.Keystone.Count);
    }

    [Fact]
    public async Task OnceSignedIn_ARefusedRequest_HasTheSessionsFullRetries()
    {
        var fake = Throwing(new FakeTransport().ThenToken(), new HttpRequestException("Connection refused (nova.test:8774)",
            new SocketException((int)SocketError.ConnectionRefused)), 6).ThenJson(200, FakeTransport.SnapshotBody());
        var log = new RecordingLog(debug: false, verbose: false);
        using var session = await TestCloud.ConnectAsync(fake, o => o.Retries(10));

        await session.Snapshots.GetAsync("snap-1", TestCloud.Call(log));

        Assert.Equal(7, fake.Nova.Count);
        Assert.Empty(log.Warnings); // waits of nothing are not worth a word
    }

    [Fact]
    public async Task OnceSignedIn_ATokenRenewal_HasTheSessionsFullRetries()
    {
        var fake = new FakeTransport().ThenToken(expiresAt: DateTime.UtcNow.AddSeconds(30)); // renewed before the next request
        using var session = await TestCloud.ConnectAsync(fake, o => o.Retries(10));
        Throwing(fake, Refused, 5).ThenToken("gAAAAA-token-2").ThenJson(200, FakeTransport.SnapshotBody());

        await session.Snapshots.GetAsync("snap-1", TestCloud.Call());

        Assert.Equal(7, fake.Keystone.Count);
        Assert.Equal(2, session.TokensIssued);
    }
}
