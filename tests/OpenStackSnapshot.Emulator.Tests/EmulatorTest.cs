using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Xunit;

namespace OpenStackSnapshot.Emulator.Tests;

/// <summary>A clock that moves only when a test says so, for token expiry and snapshot transitions.</summary>
public sealed class ManualClock : TimeProvider
{
    private DateTimeOffset _now = new(2025, 6, 12, 14, 56, 30, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}

/// <summary>
/// Each test gets its own emulator on a free port (so tests never share state) and an HttpClient for it,
/// plus helpers that speak the wire protocol the way a client would.
/// </summary>
public abstract class EmulatorTest : IAsyncLifetime
{
    public const string Compute = "compute/v2.1/";

    protected ManualClock Clock { get; } = new();

    protected EmulatorHost Emu { get; private set; } = null!;

    protected HttpClient Http { get; private set; } = null!;

    /// <summary>Start-up options; tests override to change them.</summary>
    protected virtual EmulatorOptions Options() => new();

    public async Task InitializeAsync()
    {
        var options = Options();
        options.TimeProvider = Clock;
        Emu = await EmulatorHost.StartAsync(options);
        Http = new HttpClient { BaseAddress = Emu.BaseUri };
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Emu.DisposeAsync();
    }

    public static string PasswordAuth(string user, string password, string? project = "demo") =>
        "{\"auth\": {\"identity\": {\"methods\": [\"password\"], \"password\": {\"user\": {\"name\": \"" + user +
        "\", \"domain\": {\"name\": \"Default\"}, \"password\": \"" + password + "\"}}}" +
        (project is null ? "" : ", \"scope\": {\"project\": {\"name\": \"" + project + "\", \"domain\": {\"id\": \"default\"}}}") + "}}";

    protected async Task<HttpResponseMessage> AuthAsync(string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        return await Http.PostAsync("identity/v3/auth/tokens", content);
    }

    /// <summary>A token for a seeded user, scoped to the project named.</summary>
    protected async Task<string> TokenAsync(string user = "demo", string password = "demo-secret", string project = "demo")
    {
        using var response = await AuthAsync(PasswordAuth(user, password, project));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return response.Headers.GetValues("X-Subject-Token").Single();
    }

    protected async Task<HttpResponseMessage> SendAsync(
        HttpMethod method, string path, string? token, string? json = null, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(method, path);
        if (token is not null) request.Headers.Add("X-Auth-Token", token);
        foreach (var (name, value) in headers) request.Headers.TryAddWithoutValidation(name, value);
        if (json is not null) request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        return await Http.SendAsync(request);
    }

    protected Task<HttpResponseMessage> GetAsync(string path, string? token, params (string Name, string Value)[] headers) =>
        SendAsync(HttpMethod.Get, path, token, null, headers);

    protected Task<HttpResponseMessage> PostAsync(string path, string? token, string json, params (string Name, string Value)[] headers) =>
        SendAsync(HttpMethod.Post, path, token, json, headers);

    protected Task<HttpResponseMessage> DeleteAsync(string path, string? token, params (string Name, string Value)[] headers) =>
        SendAsync(HttpMethod.Delete, path, token, null, headers);

    /// <summary>Sends a body with an explicit (possibly odd) Content-Type, or none at all.</summary>
    protected async Task<HttpResponseMessage> PostRawAsync(string path, string? token, string body, string? contentType)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path);
        if (token is not null) request.Headers.Add("X-Auth-Token", token);
        request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        if (contentType is not null) request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return await Http.SendAsync(request);
    }

    /// <summary>A test control: <c>{base}_emulator/{path}</c>.</summary>
    protected async Task<HttpResponseMessage> ControlAsync(HttpMethod method, string path, string? json = null)
    {
        using var request = new HttpRequestMessage(method, "_emulator/" + path);
        if (json is not null) request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        return await Http.SendAsync(request);
    }

    /// <summary>Asserts that a control refuses a body with 400 and an error containing <paramref name="error"/>.</summary>
    protected async Task AssertControlRefusesAsync(string path, string json, string error)
    {
        using var response = await ControlAsync(HttpMethod.Post, path, json);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(error, (await JsonAsync(response)).GetProperty("error").GetString());
    }

    /// <summary>How many snapshots the project has, read on a route a test's faults leave alone (detail).</summary>
    protected async Task<int> SnapshotCountAsync(string token)
    {
        using var response = await GetAsync(Compute + "os-snapshots/detail", token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await JsonAsync(response)).GetProperty("snapshots").GetArrayLength();
    }

    public static string CreateBody(string volumeId = Seed.VolumeData01, string? name = "snap-001", string? description = null, string? force = null)
    {
        var fields = new List<string> { "\"volume_id\": \"" + volumeId + "\"" };
        if (name is not null) fields.Add("\"display_name\": \"" + name + "\"");
        if (description is not null) fields.Add("\"display_description\": \"" + description + "\"");
        if (force is not null) fields.Add("\"force\": " + force);
        return "{\"snapshot\": {" + string.Join(", ", fields) + "}}";
    }

    /// <summary>Creates a snapshot that must succeed and returns its view.</summary>
    protected async Task<JsonElement> CreateSnapshotAsync(string token, string volumeId = Seed.VolumeData01, string name = "snap-001")
    {
        using var response = await PostAsync(Compute + "os-snapshots", token, CreateBody(volumeId, name));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await JsonAsync(response)).GetProperty("snapshot");
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        using var doc = JsonDocument.Parse(text);
        return doc.RootElement.Clone();
    }

    /// <summary>Asserts Nova's fault body exactly: one key, the fault name, holding code and message.</summary>
    public static async Task AssertFaultAsync(HttpResponseMessage response, int status, string faultName, string message)
    {
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = await JsonAsync(response);
        var property = Assert.Single(body.EnumerateObject());
        Assert.Equal(faultName, property.Name);
        Assert.Equal(status, property.Value.GetProperty("code").GetInt32());
        Assert.Equal(message, property.Value.GetProperty("message").GetString());
    }

    /// <summary>Asserts the auth middleware's 401: Keystone's body, WWW-Authenticate, request id, no version headers.</summary>
    public static async Task AssertUnauthorizedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var error = (await JsonAsync(response)).GetProperty("error");
        Assert.Equal(401, error.GetProperty("code").GetInt32());
        Assert.Equal("Unauthorized", error.GetProperty("title").GetString());
        Assert.Equal("The request you have made requires authentication.", error.GetProperty("message").GetString());
        Assert.StartsWith("Keystone uri=\"http://127.0.0.1:", response.Headers.WwwAuthenticate.ToString());
        Assert.False(response.Headers.Contains("OpenStack-API-Version"));
        Assert.False(response.Headers.Contains("X-OpenStack-Nova-API-Version"));
    }

    public static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : "";

    public static void AssertVersionHeaders(HttpResponseMessage response, string version)
    {
        Assert.Equal("compute " + version, Header(response, "OpenStack-API-Version"));
        Assert.Equal(version, Header(response, "X-OpenStack-Nova-API-Version"));
        Assert.Equal(["OpenStack-API-Version", "X-OpenStack-Nova-API-Version"], response.Headers.Vary);
    }

    public static string Ids(JsonElement list, string key) =>
        string.Join(",", list.GetProperty(key).EnumerateArray().Select(s => s.GetProperty("displayName").GetString()));
}
