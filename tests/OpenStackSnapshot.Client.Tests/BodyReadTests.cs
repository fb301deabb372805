using System.Net;
using OpenStackSnapshot.Client.Errors;
using OpenStackSnapshot.Client.Models;
using Xunit;
using OpenStackSnapshot.Client.Snapshots;

namespace OpenStackSnapshot.Client.Tests;

/// <summary>A success whose body is cut or is not JSON is a lost answer: a read is retried, a create is looked for.</summary>
public class BodyReadTests
{
    private static async Task<(OpenStackSession Session, FakeTransport Fake)> Connect(Action<FakeTransport> script)
    {
        var fake = new FakeTransport().ThenToken();
        script(fake);
        return (await TestCloud.ConnectAsync(fake, o => o.Retries(3)), fake);
    }

    private static string Listing(string name) =>
        $$$"""{"snapshots": [{"id": "0b8e1c52-37e4-4b6e-9f1a-6c2d3e4f5a6b", "volumeId": "{{{TestCloud.VolumeId}}}", "status": "creating","""
        + $$$""" "size": 10, "createdAt": "{{{DateTime.UtcNow:yyyy-MM-ddTHH:mm:ss.ffffff}}}", "displayName": "{{{name}}}","""
        + """ "displayDescription": null}]}""";

    /// <summary>Headers arrive, then the connection is cut while the body is read.</summary>
    private sealed class CutContent : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
            Task.FromException(new IOException("The response ended prematurely."));

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }

    [Fact]
    public async Task Get_ProxysOkInsteadOfJson_IsRetried()
    {
        var (session, fake) = await Connect(f => f.ThenBody(200, "OK", "text/plain").ThenJson(200, FakeTransport.SnapshotBody()));
        using (session) Assert.Equal("fe06e9f2-e6b0-47d1-a63e-c0a15ad51994", (await session.Snapshots.GetAsync("snap-1", TestCloud.Call())).Id);
        Assert.Equal(2, fake.Nova.Count);
    }

    [Fact]
    public async Task Get_BodyCutWhileRead_IsRetried()
    {
        var (session, fake) = await Connect(f => f
            .Then(() => new HttpResponseMessage(HttpStatusCode.OK) { Content = new CutContent() })
            .ThenJson(200, FakeTransport.SnapshotBody()));
        using (session) await session.Snapshots.GetAsync("snap-1", TestCloud.Call());
        Assert.Equal(2, fake.Nova.Count);
    }

    [Fact]
    public async Task Get_NeverReadable_EndsAsInvalidResponse_AfterItsRetries()
    {
        var (session, fake) = await Connect(f => { for (var i = 0; i < 4; i++) f.ThenBody(200, "{\"snapshot\": {", "application/json"); });
        using (session)
        {
            var e = await Assert.ThrowsAsync<OpenStackException>(() => session.Snapshots.GetAsync("snap-1", TestCloud.Call()));
            Assert.Equal(OpenStackErrorKind.InvalidResponse, e.Kind);
        }
        Assert.Equal(4, fake.Nova.Count);
    }

    [Fact]
    public async Task Post_NotJson_IsNotResent_ButLookedFor()
    {
        var (session, fake) = await Connect(f => f
            .ThenBody(200, "OK", "text/plain")
            .ThenJson(200, Listing("n"))
            .ThenJson(200, """{"snapshots": []}"""));
        using (session)
        {
            var created = await session.Snapshots.CreateAsync(new NewSnapshot(TestCloud.VolumeId, "n"), TestCloud.Call());
            Assert.Equal("0b8e1c52-37e4-4b6e-9f1a-6c2d3e4f5a6b", created.Id);
        }
        Assert.Single(fake.Nova, r => r.Method == "POST");
    }

    [Fact]
    public async Task Post_AnswerLost_AndTheLookupsAnswerNotJson_TheLookupIsRetried_AndFindsIt()
    {
        // The soak test's orphan: a snapshot made, its answer lost, and the listing that looked for it unreadable once.
        var (session, fake) = await Connect(f => f
            .ThenBody(504, "gateway", "text/plain")
            .ThenBody(200, "OK", "text/plain")
            .ThenJson(200, Listing("n"))
            .ThenJson(200, """{"snapshots": []}"""));
        using (session)
        {
            var created = await session.Snapshots.CreateAsync(new NewSnapshot(TestCloud.VolumeId, "n"), TestCloud.Call());
            Assert.Equal("0b8e1c52-37e4-4b6e-9f1a-6c2d3e4f5a6b", created.Id);
        }
        Assert.Single(fake.Nova, r => r.Method == "POST");
    }

    [Fact]
    public async Task Post_AnswerLost_AndTheLookupFails_SaysTheSnapshotMayExist()
    {
        var (session, _) = await Connect(f =>
        {
            f.ThenBody(504, "gateway", "text/plain");
            for (var i = 0; i < 4; i++) f.ThenBody(200, "OK", "text/plain");
        });
        using (session)
        {
            var e = await Assert.ThrowsAsync<OpenStackException>(
                () => session.Snapshots.CreateAsync(new NewSnapshot(TestCloud.VolumeId, "n"), TestCloud.Call()));
            Assert.Equal(OpenStackErrorKind.ServiceUnavailable, e.Kind);
            Assert.Contains("may exist", e.Message);
        }
    }
}
