using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using OpenStackSnapshot.Client.Errors;
using OpenStackSnapshot.Client.Models;
using Xunit;
using OpenStackSnapshot.Client.Snapshots;
using NovaSnapshots = OpenStackSnapshot.Client.Compute.Snapshots.ComputeSnapshotService;

namespace OpenStackSnapshot.Client.Tests;

public class ErrorTranslationTests
{
    private const string SnapId = "fe06e9f2-e6b0-47d1-a63e-c0a15ad51994";
    private const string SnapshotsUrl = FakeTransport.ComputeUrl + "/os-snapshots";
    private const string ItemUrl = SnapshotsUrl + "/" + SnapId;
    private const string ListUrl = SnapshotsUrl + "/detail?limit=100&offset=0";
    private const string Rid = FakeTransport.RequestId;
    private const string KeystoneUnauthorized =
        """{"error": {"code": 401, "title": "Unauthorized", "message": "The request you have made requires authentication."}}""";
    private const string Unexpected =
        "Unexpected API Error. Please report this at http://bugs.launchpad.net/nova/ and attach the Nova API log if possible.\\n";

    private static Task Create(NovaSnapshots s) => s.CreateAsync(new NewSnapshot(TestCloud.VolumeId), TestCloud.Call());
    private static Task CreateForced(NovaSnapshots s) => s.CreateAsync(new NewSnapshot(TestCloud.VolumeId, force: true), TestCloud.Call());
    private static Task Get(NovaSnapshots s) => s.GetAsync(SnapId, TestCloud.Call());
    private static Task List(NovaSnapshots s) => s.ListPageAsync(100, 0, TestCloud.Call());
    private static Task Delete(NovaSnapshots s) => s.DeleteAsync(SnapId, TestCloud.Call());

    private static async Task<(OpenStackException Error, FakeTransport Fake)> Fail(
        Func<NovaSnapshots, Task> call, Action<FakeTransport> script, Action<ConnectionOptions>? configure = null)
    {
        var fake = new FakeTransport().ThenToken("token-1");
        script(fake);
        using var session = await TestCloud.ConnectAsync(fake, configure);
        var error = await Assert.ThrowsAsync<OpenStackException>(() => call(session.ComputeSnapshots()));
        return (error, fake);
    }

    /// <summary>What every translated error response must carry.</summary>
    private static void AssertResponseError(OpenStackException e, OpenStackErrorKind kind, int status, string? faultName, string method, string url)
    {
        Assert.Equal(kind, e.Kind);
        Assert.Equal(status, e.StatusCode);
        Assert.Equal(faultName, e.FaultName);
        Assert.Equal(Rid, e.RequestId);
        Assert.Equal(method, e.Method);
        Assert.Equal(url, e.Url);
        Assert.Contains(Rid, e.Message);
        Assert.False(string.IsNullOrWhiteSpace(e.RecommendedAction));
    }

    [Fact]
    public async Task BadRequest400()
    {
        const string message = "Invalid input for field/attribute force. Value: maybe. 'maybe' is not one of ['True', 'False']";
        var (e, _) = await Fail(Create, f => f.ThenJson(400, $$$"""{"badRequest": {"code": 400, "message": "{{{message}}}"}}"""));

        AssertResponseError(e, OpenStackErrorKind.BadRequest, 400, "badRequest", "POST", SnapshotsUrl);
        Assert.Equal(message, e.ServerMessage);
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public async Task Unauthorized401_ReauthenticatesOnceAndResendsOnce_ThenAuthenticationFailed()
    {
        var (e, fake) = await Fail(Get, f => f.ThenJson(401, KeystoneUnauthorized).ThenToken("token-2").ThenJson(401, KeystoneUnauthorized),
            o => o.Retries(3));

        AssertResponseError(e, OpenStackErrorKind.AuthenticationFailed, 401, "Unauthorized", "GET", ItemUrl);
        Assert.Equal("The request you have made requires authentication.", e.ServerMessage);
        Assert.Equal(2, fake.Keystone.Count);
        Assert.Equal(new[] { "token-1", "token-2" }, fake.Nova.Select(r => r.Header("X-Auth-Token")));
        Assert.All(fake.Nova, r => Assert.Equal("GET " + ItemUrl, r.Method + " " + r.Url));
    }

    [Fact]
    public async Task Unauthorized401_ThenSuccess_ReturnsTheResendsAnswer()
    {
        var fake = new FakeTransport().ThenToken("token-1").ThenJson(401, KeystoneUnauthorized).ThenToken("token-2")
            .ThenJson(200, FakeTransport.SnapshotBody());
        using var session = await TestCloud.ConnectAsync(fake);
        var created = await session.Snapshots.CreateAsync(new NewSnapshot(TestCloud.VolumeId, "n"), TestCloud.Call());

        Assert.Equal(SnapId, created.Id);
        Assert.Equal(new[] { "token-1", "token-2" }, fake.Nova.Select(r => r.Header("X-Auth-Token")));
        Assert.Equal(fake.Nova[0].Body, fake.Nova[1].Body);
    }

    [Theory]
    [InlineData("req-openstack", "req-compute", "req-openstack")]
    [InlineData(null, "req-compute", "req-compute")]
    [InlineData(null, null, null)]
    public async Task RequestId_FromOpenStackHeader_ElseComputeHeader(string? openstackId, string? computeId, string? expected)
    {
        var (e, _) = await Fail(Get, f => f.ThenJson(404,
            $$$"""{"itemNotFound": {"code": 404, "message": "Snapshot {{{SnapId}}} could not be found."}}""",
            requestId: null, more: r =>
            {
                if (openstackId != null) r.Headers.TryAddWithoutValidation("x-openstack-request-id", openstackId);
                if (computeId != null) r.Headers.TryAddWithoutValidation("x-compute-request-id", computeId);
            }));

        Assert.Equal(expected, e.RequestId);
        if (expected != null) Assert.Contains(expected, e.Message);
        else Assert.DoesNotContain("request id", e.Message);
    }

    [Fact]
    public async Task Forbidden403_Policy()
    {
        const string message = "Policy doesn't allow os_compute_api:os-volumes:snapshots:delete to be performed.";
        var (e, _) = await Fail(Delete, f => f.ThenJson(403, $$$"""{"forbidden": {"code": 403, "message": "{{{message}}}"}}"""));

        AssertResponseError(e, OpenStackErrorKind.Forbidden, 403, "forbidden", "DELETE", ItemUrl);
        Assert.Equal(message, e.ServerMessage);
    }

    [Fact]
    public async Task Forbidden403_Quota_IsQuotaExceeded()
    {
        var (e, _) = await Fail(Create, f => f.ThenJson(403,
            """{"forbidden": {"code": 403, "message": "Quota exceeded for resources: snapshots"}}"""));

        AssertResponseError(e, OpenStackErrorKind.QuotaExceeded, 403, "forbidden", "POST", SnapshotsUrl);
        Assert.Equal("Quota exceeded for resources: snapshots", e.ServerMessage);
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("DELETE")]
    public async Task NotFound404_ItemNotFound_IsNotFound(string method)
    {
        var (e, _) = await Fail(method == "GET" ? Get : Delete,
            f => f.ThenJson(404, $$$"""{"itemNotFound": {"code": 404, "message": "Snapshot {{{SnapId}}} could not be found."}}"""));

        AssertResponseError(e, OpenStackErrorKind.NotFound, 404, "itemNotFound", method, ItemUrl);
        Assert.Equal($"Snapshot {SnapId} could not be found.", e.ServerMessage);
        Assert.Contains($"Snapshot {SnapId} could not be found.", e.Message);
    }

    // Nova always names a missing snapshot, so a bare 404 means the route is not served, on any route:
    // a wait for deletion must not take it for "gone".
    [Theory]
    [InlineData("POST")]
    [InlineData("LIST")]
    [InlineData("GET")]
    [InlineData("DELETE")]
    public async Task NotFound404_Generic_IsApiNotAvailable(string method)
    {
        var (e, _) = await Fail(method switch { "POST" => Create, "LIST" => List, "GET" => Get, _ => Delete },
            f => f.ThenJson(404, """{"itemNotFound": {"code": 404, "message": "The resource could not be found."}}"""));

        var url = method switch { "POST" => SnapshotsUrl, "LIST" => ListUrl, _ => ItemUrl };
        AssertResponseError(e, OpenStackErrorKind.ApiNotAvailable, 404, "itemNotFound", method == "LIST" ? "GET" : method, url);
        Assert.Equal("The resource could not be found.", e.ServerMessage);
        Assert.Contains("2.1", e.Message);
    }

    [Fact]
    public async Task NotFound404_WebFrameworkBody_MessageCleanedOfMarkup()
    {
        var (e, _) = await Fail(List, f => f.ThenJson(404,
            """{"message": "The resource could not be found.<br /><br />\n\n\n", "code": "404 Not Found", "title": "Not Found"}"""));

        AssertResponseError(e, OpenStackErrorKind.ApiNotAvailable, 404, null, "GET", ListUrl);
        Assert.Equal("The resource could not be found.", e.ServerMessage);
        Assert.DoesNotContain("<br", e.Message);
    }

    [Fact]
    public async Task NotFound404_HtmlPage_MessageCleanedOfMarkup()
    {
        var (e, _) = await Fail(List, f => f.ThenBody(404,
            "<html>\n <head>\n  <title>404 Not Found</title>\n </head>\n"
            + " <body>\n  <h1>404 Not Found</h1>\n  The resource could not be found.<br /><br />\n </body>\n</html>",
            "text/html"));

        AssertResponseError(e, OpenStackErrorKind.ApiNotAvailable, 404, null, "GET", ListUrl);
        Assert.Equal("404 Not Found 404 Not Found The resource could not be found.", e.ServerMessage);
        Assert.DoesNotContain("<", e.Message);
    }

    [Fact]
    public async Task MethodNotAllowed405()
    {
        var (e, _) = await Fail(Delete, f => f.ThenJson(405,
            """{"badMethod": {"code": 405, "message": "The method DELETE is not allowed for this resource."}}"""));

        AssertResponseError(e, OpenStackErrorKind.MethodNotAllowed, 405, "badMethod", "DELETE", ItemUrl);
        Assert.Equal("The method DELETE is not allowed for this resource.", e.ServerMessage);
        Assert.Contains("check the compute URL", e.RecommendedAction);
    }

    [Fact]
    public async Task OverLimit413_RetryAfterHeader()
    {
        var (e, _) = await Fail(Create, f => f.ThenJson(413,
            """{"overLimit": {"code": 413, "message": "This request was rate-limited.", "retryAfter": "3"}}""",
            more: r => r.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(7))));

        AssertResponseError(e, OpenStackErrorKind.OverLimit, 413, "overLimit", "POST", SnapshotsUrl);
        Assert.Equal("This request was rate-limited.", e.ServerMessage);
        Assert.Equal(7, e.RetryAfterSeconds); // the header wins over the body
        Assert.Contains("rate-limiting", e.RecommendedAction);
    }

    [Fact]
    public async Task OverLimit429_RetryAfterFromBody()
    {
        var (e, _) = await Fail(Get, f => f.ThenJson(429, """{"overLimit": {"code": 429, "message": "Rate limit exceeded.", "retryAfter": 12}}"""));

        AssertResponseError(e, OpenStackErrorKind.OverLimit, 429, "overLimit", "GET", ItemUrl);
        Assert.Equal(12, e.RetryAfterSeconds);
    }

    [Fact]
    public async Task UnsupportedMediaType415()
    {
        var (e, _) = await Fail(Create, f => f.ThenJson(415,
            """{"badMediaType": {"code": 415, "message": "Unsupported Content-Type"}}"""));

        AssertResponseError(e, OpenStackErrorKind.UnsupportedMediaType, 415, "badMediaType", "POST", SnapshotsUrl);
        Assert.Equal("Unsupported Content-Type", e.ServerMessage);
    }

    private static string ComputeFault(string exceptionClass) =>
        $$$"""{"computeFault": {"code": 500, "message": "{{{Unexpected}}}<class 'nova.exception.{{{exceptionClass}}}'>"}}""";

    [Fact]
    public async Task ServerError500_WrappedVolumeNotFound_IsVolumeNotFoundNamingTheVolume()
    {
        var (e, _) = await Fail(Create, f => f.ThenJson(500, ComputeFault("VolumeNotFound")));

        AssertResponseError(e, OpenStackErrorKind.VolumeNotFound, 500, "computeFault", "POST", SnapshotsUrl);
        Assert.StartsWith($"Volume {TestCloud.VolumeId} was not found", e.Message);
        Assert.DoesNotContain("Unexpected API Error", e.Message);
    }

    [Fact]
    public async Task ServerError500_WrappedInvalidInput_IsVolumeNotAvailableSuggestingForce()
    {
        var (e, _) = await Fail(Create, f => f.ThenJson(500, ComputeFault("InvalidInput")));

        AssertResponseError(e, OpenStackErrorKind.VolumeNotAvailable, 500, "computeFault", "POST", SnapshotsUrl);
        Assert.Contains(TestCloud.VolumeId, e.Message);
        Assert.Contains("a forced snapshot may be taken", e.Message);
    }

    [Fact]
    public async Task ServerError500_WrappedInvalidInputWithForce_SaysForceDidNotHelp()
    {
        var (e, _) = await Fail(CreateForced, f => f.ThenJson(500, ComputeFault("InvalidInput")));

        AssertResponseError(e, OpenStackErrorKind.VolumeNotAvailable, 500, "computeFault", "POST", SnapshotsUrl);
        Assert.Contains("even though the snapshot was forced", e.Message);
        Assert.DoesNotContain("a forced snapshot may be taken", e.Message);
    }

    [Fact]
    public async Task ServerError500_WrappedCinderConnectionFailed_IsAnOutageOfBlockStorage()
    {
        var (e, _) = await Fail(Get, f => f.ThenJson(500, ComputeFault("CinderConnectionFailed")));

        AssertResponseError(e, OpenStackErrorKind.ServiceUnavailable, 500, "computeFault", "GET", ItemUrl);
        Assert.Contains("Nova could not reach the block-storage service (Cinder)", e.Message);
    }

    [Fact]
    public async Task ServerError500_Unrecognised_KeepsTheServersMessage()
    {
        var (e, _) = await Fail(Get, f => f.ThenJson(500, """{"computeFault": {"code": 500, "message": "Something broke."}}"""));

        AssertResponseError(e, OpenStackErrorKind.ServerError, 500, "computeFault", "GET", ItemUrl);
        Assert.Equal("Something broke.", e.ServerMessage);
    }

    [Theory]
    [InlineData(502, "<html><body><h1>502 Bad Gateway</h1></body></html>", "text/html", null, "502 Bad Gateway")]
    [InlineData(503, """{"serviceUnavailable": {"code": 503, "message": "Service is unavailable at this time."}}""", "application/json",
        "serviceUnavailable", "Service is unavailable at this time.")]
    [InlineData(504, "<html><body><h1>504 Gateway Time-out</h1>\nThe server didn't respond in time.\n</body></html>", "text/html", null,
        "504 Gateway Time-out The server didn't respond in time.")]
    public async Task GatewayAndUnavailable_AreServiceUnavailable(int status, string body, string mediaType, string? fault, string message)
    {
        var (e, _) = await Fail(Get, f => f.ThenBody(status, body, mediaType));

        AssertResponseError(e, OpenStackErrorKind.ServiceUnavailable, status, fault, "GET", ItemUrl);
        Assert.Equal(message, e.ServerMessage);
    }

    [Theory]
    [InlineData("<html><body>Please log in</body></html>", "text/html")]
    [InlineData("", "application/json")]
    [InlineData("""{"snapshot": {"id": "a", "volumeId": """, "application/json")]
    [InlineData("""{"snapshots": []}""", "application/json")]
    [InlineData("""{"snapshot": "available"}""", "application/json")]
    [InlineData("""{"snapshot": {"volumeId": "v", "status": "available"}}""", "application/json")]
    public async Task UnreadableSuccessBody_IsInvalidResponse(string body, string mediaType)
    {
        var (e, _) = await Fail(Get, f => f.ThenBody(200, body, mediaType));

        Assert.Equal(OpenStackErrorKind.InvalidResponse, e.Kind);
        Assert.Equal(200, e.StatusCode);
        Assert.Equal(Rid, e.RequestId);
        Assert.Equal("GET", e.Method);
        Assert.Equal(ItemUrl, e.Url);
        Assert.Contains(Rid, e.Message);
    }

    [Fact]
    public async Task ListWithoutSnapshotsKey_IsInvalidResponse()
    {
        var (e, _) = await Fail(List, f => f.ThenJson(200, FakeTransport.SnapshotBody()));

        Assert.Equal(OpenStackErrorKind.InvalidResponse, e.Kind);
        Assert.Contains("\"snapshots\"", e.Message);
    }

    [Fact]
    public async Task NoAnswerWithinTimeout_IsTimeout()
    {
        var (e, fake) = await Fail(Get, f => f.ThenHang(), o => o.Timeout = TestCloud.ShortTimeout);

        Assert.Equal(OpenStackErrorKind.Timeout, e.Kind);
        Assert.Null(e.StatusCode);
        Assert.Equal("GET", e.Method);
        Assert.Equal(ItemUrl, e.Url);
        Assert.Single(fake.Nova);
    }

    [Fact]
    public async Task ConnectionRefused_IsConnectionFailed()
    {
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
        }
        var options = new ConnectionOptions(new Uri($"http://127.0.0.1:{port}/v3"), TestCloud.PasswordByName())
        {
            StatusCodeRetries = 1, ConnectRetries = 1, RetryInterval = TimeSpan.Zero, Timeout = TimeSpan.FromSeconds(10),
        };
        var e = await Assert.ThrowsAsync<OpenStackException>(() => OpenStackSession.ConnectAsync(options, TestCloud.Call()));

        Assert.Equal(OpenStackErrorKind.ConnectionFailed, e.Kind);
        Assert.Null(e.StatusCode);
        Assert.Equal("POST", e.Method);
        Assert.Equal($"http://127.0.0.1:{port}/v3/auth/tokens", e.Url);
        Assert.Contains($"127.0.0.1:{port}", e.Message);
        Assert.DoesNotContain(TestCloud.Password, e.ToString());
    }
}
