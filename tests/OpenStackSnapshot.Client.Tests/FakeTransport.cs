using System.Net;
using System.Net.Http.Headers;
using System.Security;
using System.Text;
using System.Text.Json.Nodes;
using OpenStackSnapshot.Client.Auth;
using OpenStackSnapshot.Client.Http;
using OpenStackSnapshot.Client.Paging;
using Xunit;

namespace OpenStackSnapshot.Client.Tests;

/// <summary>One request as the network would have seen it (headers and body copied at send time).</summary>
internal sealed record Recorded(string Method, string Url, IReadOnlyDictionary<string, string> Headers, string? Body)
{
    /// <summary>The URL as sent, percent-encoding kept (Url is Uri.ToString(), which decodes some of it).</summary>
    public string SentUrl { get; init; } = Url;

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
    public bool IsKeystone => Url == FakeTransport.TokensUrl;
}

/// <summary>
/// The transport under the client's handler pipeline: records every request and answers from a script,
/// in order. A request with nothing left in the script fails the test.
/// </summary>
internal sealed class FakeTransport : HttpMessageHandler
{
    public const string AuthUrl = "http://keystone.test:5000/v3";
    public const string TokensUrl = "http://keystone.test:5000/v3/auth/tokens";
    public const string ComputeUrl = "http://nova.test:8774/v2.1";
    public const string BlockStorageUrl = "http://cinder.test:8776/v3/p-123";
    public const string RequestId = "req-5d1f0c1e-7a2b-4c3d-9e8f-0123456789ab";

    private readonly Queue<Func<Recorded, CancellationToken, Task<HttpResponseMessage>>> _script = new();
    private readonly List<Recorded> _requests = new();

    public IReadOnlyList<Recorded> Requests { get { lock (_requests) return _requests.ToList(); } }
    public IReadOnlyList<Recorded> Keystone => Requests.Where(r => r.IsKeystone).ToList();
    public IReadOnlyList<Recorded> Nova => Requests.Where(r => !r.IsKeystone).ToList();

    public FakeTransport Then(Func<Recorded, CancellationToken, Task<HttpResponseMessage>> answer)
    {
        lock (_script) _script.Enqueue(answer);
        return this;
    }

    /// <summary>Forgets the answers not given yet.</summary>
    public void Clear()
    {
        lock (_script) _script.Clear();
    }

    public FakeTransport Then(Func<HttpResponseMessage> answer) => Then((_, _) => Task.FromResult(answer()));

    /// <summary>Keystone's 201 with the token in X-Subject-Token.</summary>
    public FakeTransport ThenToken(string token = "gAAAAA-token-1", DateTime? expiresAt = null, JsonArray? catalog = null) =>
        Then(() =>
        {
            var body = TokenBody(expiresAt ?? DateTime.UtcNow.AddHours(1), catalog ?? Catalog());
            var response = Respond(201, body, "application/json", "req-keystone-0001");
            response.Headers.TryAddWithoutValidation("X-Subject-Token", token);
            return response;
        });

    public FakeTransport ThenJson(int status, string body, string? requestId = RequestId, Action<HttpResponseMessage>? more = null) =>
        ThenBody(status, body, "application/json", requestId, more);

    public FakeTransport ThenBody(
        int status, string body, string mediaType, string? requestId = RequestId, Action<HttpResponseMessage>? more = null) =>
        Then(() =>
        {
            var response = Respond(status, body, mediaType, requestId);
            more?.Invoke(response);
            return response;
        });

    /// <summary>An answer that never comes in time: waits until the client gives up (its timeout cancels us).</summary>
    public FakeTransport ThenHang() => Then(async (_, cancel) =>
    {
        await Task.Delay(TimeSpan.FromSeconds(30), cancel);
        throw new InvalidOperationException("the client did not time out");
    });

    public FakeTransport ThenThrow(Exception error) => Then((_, _) => Task.FromException<HttpResponseMessage>(error));

    public static HttpResponseMessage Respond(int status, string body, string mediaType, string? requestId)
    {
        var response = new HttpResponseMessage((HttpStatusCode)status) { Content = new StringContent(body, Encoding.UTF8, mediaType) };
        if (requestId != null)
        {
            response.Headers.TryAddWithoutValidation("x-openstack-request-id", requestId);
            response.Headers.TryAddWithoutValidation("x-compute-request-id", requestId);
        }
        return response;
    }

    public static string SnapshotBody(string id = "fe06e9f2-e6b0-47d1-a63e-c0a15ad51994", string status = "available") =>
        $$$"""{"snapshot": {"id": "{{{id}}}", "volumeId": "521752a6-acf6-4b2d-bc7a-119f9148cd8c", "status": "{{{status}}}", "size": 100,"""
        + """ "createdAt": "2025-06-12T14:56:30.215430", "displayName": "snap-001", "displayDescription": "Daily backup"}}""";

    public static JsonArray Catalog(params (string Type, string Interface, string? Region, string Url)[] endpoints)
    {
        if (endpoints.Length == 0)
        {
            endpoints = new[]
            {
                ("identity", "public", (string?)"RegionOne", "http://keystone.test:5000/v3"),
                ("compute", "public", "RegionOne", ComputeUrl),
            };
        }
        var catalog = new JsonArray();
        foreach (var service in endpoints.GroupBy(e => e.Type))
        {
            var list = new JsonArray();
            foreach (var e in service)
            {
                list.Add(new JsonObject
                {
                    ["id"] = Guid.NewGuid().ToString("N"), ["interface"] = e.Interface, ["region_id"] = e.Region, ["region"] = e.Region,
                    ["url"] = e.Url,
                });
            }
            catalog.Add(new JsonObject
            {
                ["type"] = service.Key, ["name"] = service.Key, ["id"] = Guid.NewGuid().ToString("N"), ["endpoints"] = list,
            });
        }
        return catalog;
    }

    public static string TokenBody(DateTime expiresAt, JsonArray catalog) => new JsonObject
    {
        ["token"] = new JsonObject
        {
            ["methods"] = new JsonArray("password"),
            ["expires_at"] = expiresAt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'"),
            ["issued_at"] = DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'"),
            ["user"] = new JsonObject { ["id"] = "u-1", ["name"] = "demo", ["domain"] = new JsonObject { ["id"] = "default", ["name"] = "Default" } },
            ["project"] = new JsonObject
            {
                ["id"] = "p-123", ["name"] = "demo-project", ["domain"] = new JsonObject { ["id"] = "default", ["name"] = "Default" },
            },
            ["roles"] = new JsonArray(new JsonObject { ["id"] = "r-1", ["name"] = "member" }),
            ["catalog"] = catalog,
        },
    }.ToJsonString();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var h in request.Headers) headers[h.Key] = string.Join(", ", h.Value);
        string? body = null;
        if (request.Content != null)
        {
            foreach (var h in request.Content.Headers) headers[h.Key] = string.Join(", ", h.Value);
            body = await request.Content.ReadAsStringAsync(cancellationToken);
        }
        var recorded = new Recorded(request.Method.Method, request.RequestUri!.ToString(), headers, body)
        {
            SentUrl = request.RequestUri.AbsoluteUri,
        };
        lock (_requests) _requests.Add(recorded);

        Func<Recorded, CancellationToken, Task<HttpResponseMessage>> answer;
        lock (_script)
        {
            if (_script.Count == 0) throw new InvalidOperationException($"Unscripted request: {recorded.Method} {recorded.Url}");
            answer = _script.Dequeue();
        }
        var response = await answer(recorded, cancellationToken);
        response.RequestMessage = request;
        return response;
    }
}

/// <summary>Options and sessions over a <see cref="FakeTransport"/>: fast, no retries unless a test asks.</summary>
internal static class TestCloud
{
    public const string Password = "Sup3rS3cretPa55word";
    public const string VolumeId = "521752a6-acf6-4b2d-bc7a-119f9148cd8c";
    /// <summary>For timeout tests: long enough for the (instant) sign-in on a busy machine, short for the hang.</summary>
    public static readonly TimeSpan ShortTimeout = TimeSpan.FromSeconds(1);

    public static SecureString Secure(string text)
    {
        var secure = new SecureString();
        foreach (var c in text) secure.AppendChar(c);
        secure.MakeReadOnly();
        return secure;
    }

    public static PasswordAuth PasswordByName() => new("demo", Secure(Password)) { ProjectName = "demo-project" };

    public static ConnectionOptions Options(FakeTransport fake, AuthMethod? auth = null, string authUrl = FakeTransport.AuthUrl) =>
        new(new Uri(authUrl), auth ?? PasswordByName())
        {
            Transport = () => fake,
            StatusCodeRetries = 0,
            ConnectRetries = 0,
            RetryInterval = TimeSpan.Zero,
            Timeout = TimeSpan.FromSeconds(10),
            Reconcile = QuickReconcile,
        };

    /// <summary>A lost create's grace and twin polls in milliseconds, so a test of its steps takes no seconds.</summary>
    public static readonly Reconciling.ReconcileTimes QuickReconcile = new()
    {
        Grace = TimeSpan.FromMilliseconds(20), TwinPoll = TimeSpan.FromMilliseconds(5), TwinWait = TimeSpan.FromSeconds(5),
    };

    /// <summary>Both retry counts at once, as Connect-OSCloud -MaximumRetryCount sets them.</summary>
    public static void Retries(this ConnectionOptions options, int count)
    {
        options.StatusCodeRetries = count;
        options.ConnectRetries = count;
    }

    /// <summary>Connects through the fake; the test scripts the token answer first.</summary>
    public static Task<OpenStackSession> ConnectAsync(FakeTransport fake, Action<ConnectionOptions>? configure = null, IRequestLog? log = null)
    {
        var options = Options(fake);
        configure?.Invoke(options);
        return OpenStackSession.ConnectAsync(options, new CallContext(CancellationToken.None, log));
    }

    public static CallContext Call(IRequestLog? log = null) => new(CancellationToken.None, log);

    /// <summary>Every page of a listing, in order.</summary>
    public static async Task<List<T>> ReadAll<T>(Pager<T> pager)
    {
        var all = new List<T>();
        IReadOnlyList<T>? page;
        while ((page = await pager.NextAsync(Call())) != null) all.AddRange(page);
        return all;
    }

    /// <summary>A Compute session's own snapshot service (under the session's decorators), for what only it has (offset pages).</summary>
    internal static Compute.Snapshots.ComputeSnapshotService ComputeSnapshots(this OpenStackSession session) =>
        (Compute.Snapshots.ComputeSnapshotService)((Snapshots.DeleteRefusal)((Snapshots.CreateReconciler)session.Snapshots).Inner).Inner;
}

/// <summary>An IRequestLog that keeps every line and warning.</summary>
internal sealed class RecordingLog : IRequestLog
{
    public RecordingLog(bool debug, bool verbose = true)
    {
        DebugEnabled = debug;
        VerboseEnabled = verbose;
    }
    public bool VerboseEnabled { get; }
    public bool DebugEnabled { get; }
    public List<string> VerboseLines { get; } = new();
    public List<string> DebugTexts { get; } = new();
    public List<string> Warnings { get; } = new();
    public void Verbose(string line) { lock (VerboseLines) VerboseLines.Add(line); }
    public void Debug(string text) { lock (DebugTexts) DebugTexts.Add(text); }
    public void Warning(string line) { lock (Warnings) Warnings.Add(line); }
    public string AllText => string.Join("\n", VerboseLines) + "\n" + string.Join("\n", DebugTexts);
}

internal static class JsonAssert
{
    /// <summary>Same keys, values and types (key order aside); prints both on failure.</summary>
    public static void Equal(string expected, string? actual)
    {
        Assert.NotNull(actual);
        var same = JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(actual!));
        Assert.True(same, $"JSON differs.\nExpected: {JsonNode.Parse(expected)!.ToJsonString()}\nActual:   {actual}");
    }
}
