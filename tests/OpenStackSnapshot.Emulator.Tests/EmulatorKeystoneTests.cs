using System.Net;
using System.Text.Json;
using Xunit;

namespace OpenStackSnapshot.Emulator.Tests;

/// <summary>Keystone v3 token issue: the three methods, scoping, the token body and Keystone's errors.</summary>
public sealed class EmulatorKeystoneTests : EmulatorTest
{
    private const string AuthRequired = "The request you have made requires authentication.";

    // The sentence Keystone adds to every ValidationError message.
    private const string CannotComply =
        " The server could not comply with the request since it is either malformed or otherwise incorrect."
        + " The client is assumed to be in error.";

    [Fact]
    public async Task Password_by_name_gives_201_with_subject_token_and_project_scoped_body()
    {
        using var response = await AuthAsync(PasswordAuth("demo", "demo-secret"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var tokenId = response.Headers.GetValues("X-Subject-Token").Single();
        Assert.StartsWith("gAAAAA", tokenId);
        Assert.Matches("^req-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", Header(response, "x-openstack-request-id"));
        var token = (await JsonAsync(response)).GetProperty("token");
        Assert.Equal(["password"], token.GetProperty("methods").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal(Seed.DemoUserId, token.GetProperty("user").GetProperty("id").GetString());
        Assert.Equal("Default", token.GetProperty("user").GetProperty("domain").GetProperty("name").GetString());
        Assert.Equal(Seed.DemoProjectId, token.GetProperty("project").GetProperty("id").GetString());
        Assert.Equal("demo", token.GetProperty("project").GetProperty("name").GetString());
        Assert.Equal("default", token.GetProperty("project").GetProperty("domain").GetProperty("id").GetString());
        Assert.Equal(["member", "reader"], token.GetProperty("roles").EnumerateArray().Select(r => r.GetProperty("name").GetString()));
        Assert.Equal("2025-06-12T14:56:30.000000Z", token.GetProperty("issued_at").GetString());
        Assert.Equal("2025-06-12T15:56:30.000000Z", token.GetProperty("expires_at").GetString());
    }

    [Fact]
    public async Task Catalog_lists_compute_per_interface_and_region_and_identity()
    {
        using var response = await AuthAsync(PasswordAuth("demo", "demo-secret"));
        var catalog = (await JsonAsync(response)).GetProperty("token").GetProperty("catalog");

        var compute = catalog.EnumerateArray().Single(s => s.GetProperty("type").GetString() == "compute");
        Assert.Equal("nova", compute.GetProperty("name").GetString());
        var endpoints = compute.GetProperty("endpoints").EnumerateArray()
            .Select(e => $"{e.GetProperty("interface").GetString()}|{e.GetProperty("region_id").GetString()}|{e.GetProperty("url").GetString()}")
            .ToList();
        var b = Emu.BaseUri.ToString();
        Assert.Equal(
            [$"public|RegionOne|{b}compute/v2.1", $"internal|RegionOne|{b}compute-internal/v2.1",
             $"admin|RegionOne|{b}compute-admin/v2.1", $"public|RegionTwo|{b}compute-r2/v2.1"],
            endpoints);
        Assert.Equal(Emu.ComputeUrl, $"{b}compute/v2.1");

        var identity = catalog.EnumerateArray().Single(s => s.GetProperty("type").GetString() == "identity");
        Assert.All(identity.GetProperty("endpoints").EnumerateArray(), e => Assert.Equal(Emu.AuthUrl, e.GetProperty("url").GetString()));
        Assert.Equal($"{b}identity/v3", Emu.AuthUrl);
    }

    [Fact]
    public async Task Password_by_ids_and_project_by_id_work()
    {
        var body = "{\"auth\": {\"identity\": {\"methods\": [\"password\"], \"password\": {\"user\": {\"id\": \"" + Seed.ReaderUserId +
                   "\", \"password\": \"reader-secret\"}}}, \"scope\": {\"project\": {\"id\": \"" + Seed.DemoProjectId + "\"}}}}";
        using var response = await AuthAsync(body);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var token = (await JsonAsync(response)).GetProperty("token");
        Assert.Equal("reader", token.GetProperty("user").GetProperty("name").GetString());
        Assert.Equal(["reader"], token.GetProperty("roles").EnumerateArray().Select(r => r.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task No_scope_scopes_to_the_default_project()
    {
        using var response = await AuthAsync(PasswordAuth("tiny", "tiny-secret", project: null));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(Seed.TinyProjectId, (await JsonAsync(response)).GetProperty("token").GetProperty("project").GetProperty("id").GetString());
    }

    [Theory]
    [InlineData("{\"id\": \"" + Seed.AppCredentialId + "\", \"secret\": \"appcred-secret\"}")]
    [InlineData("{\"name\": \"demo-appcred\", \"secret\": \"appcred-secret\", \"user\": {\"id\": \"" + Seed.DemoUserId + "\"}}")]
    [InlineData("{\"name\": \"demo-appcred\", \"secret\": \"appcred-secret\", \"user\": {\"name\": \"demo\", \"domain\": {\"name\": \"Default\"}}}")]
    public async Task Application_credential_by_id_or_name_is_scoped_by_the_credential(string credential)
    {
        using var response = await AuthAsync(
            "{\"auth\": {\"identity\": {\"methods\": [\"application_credential\"], \"application_credential\": " + credential + "}}}");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var token = (await JsonAsync(response)).GetProperty("token");
        Assert.Equal(Seed.DemoProjectId, token.GetProperty("project").GetProperty("id").GetString());
        Assert.Equal(Seed.AppCredentialId, token.GetProperty("application_credential").GetProperty("id").GetString());
        Assert.Equal(["application_credential"], token.GetProperty("methods").EnumerateArray().Select(m => m.GetString()));
    }

    [Fact]
    public async Task Application_credential_with_a_scope_is_401()
    {
        using var response = await AuthAsync(
            "{\"auth\": {\"identity\": {\"methods\": [\"application_credential\"], \"application_credential\": {\"id\": \"" +
            Seed.AppCredentialId + "\", \"secret\": \"appcred-secret\"}}, \"scope\": {\"project\": {\"id\": \"" + Seed.DemoProjectId + "\"}}}}");

        await AssertKeystoneErrorAsync(response, 401, "Unauthorized",
            "Error authenticating with application credential: Application credentials cannot request a scope.");
    }

    [Theory]
    [InlineData("demo", "wrong", "demo")]
    [InlineData("nobody", "demo-secret", "demo")]
    [InlineData("demo", "demo-secret", "tiny")]
    [InlineData("demo", "demo-secret", "no-such-project")]
    public async Task Bad_credentials_or_scope_are_401_in_keystone_shape(string user, string password, string project)
    {
        using var response = await AuthAsync(PasswordAuth(user, password, project));

        await AssertKeystoneErrorAsync(response, 401, "Unauthorized", AuthRequired);
        Assert.StartsWith("Keystone uri=", response.Headers.WwwAuthenticate.ToString());
        Assert.False(response.Headers.Contains("X-Subject-Token"));
    }

    [Fact]
    public async Task Wrong_application_credential_secret_is_401_and_unknown_id_is_404()
    {
        using var wrong = await AuthAsync("{\"auth\": {\"identity\": {\"methods\": [\"application_credential\"], " +
                                          "\"application_credential\": {\"id\": \"" + Seed.AppCredentialId + "\", \"secret\": \"nope\"}}}}");
        await AssertKeystoneErrorAsync(wrong, 401, "Unauthorized", AuthRequired);

        using var unknown = await AuthAsync("{\"auth\": {\"identity\": {\"methods\": [\"application_credential\"], " +
                                            "\"application_credential\": {\"id\": \"0000\", \"secret\": \"x\"}}}}");
        await AssertKeystoneErrorAsync(unknown, 404, "Not Found", "Could not find Application Credential: 0000.");
    }

    [Fact]
    public async Task Token_method_rescopes_and_keeps_the_original_expiry()
    {
        var original = await TokenAsync();
        Clock.Advance(TimeSpan.FromMinutes(10));

        using var response = await AuthAsync("{\"auth\": {\"identity\": {\"methods\": [\"token\"], \"token\": {\"id\": \"" + original +
                                             "\"}}, \"scope\": {\"project\": {\"id\": \"" + Seed.DemoProjectId + "\"}}}}");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var token = (await JsonAsync(response)).GetProperty("token");
        Assert.Equal("2025-06-12T15:56:30.000000Z", token.GetProperty("expires_at").GetString());
        Assert.NotEqual(original, response.Headers.GetValues("X-Subject-Token").Single());
    }

    [Fact]
    public async Task Tokens_expire_after_the_ttl_setting()
    {
        Emu.UpdateSettings(tokenTtlSeconds: 60);
        var token = await TokenAsync();

        using (var fresh = await GetAsync(Compute + "os-snapshots", token)) Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        Clock.Advance(TimeSpan.FromSeconds(60));
        using var expired = await GetAsync(Compute + "os-snapshots", token);

        await AssertUnauthorizedAsync(expired);
        using var renew = await AuthAsync(TokenAuth(token));
        await AssertKeystoneErrorAsync(renew, 404, "Not Found", "Failed to validate token");
        using var unknown = await AuthAsync(TokenAuth("gAAAAAnot-issued"));
        await AssertKeystoneErrorAsync(unknown, 400, "Bad Request", "Could not recognize Fernet token");
    }

    private static string TokenAuth(string token) =>
        "{\"auth\": {\"identity\": {\"methods\": [\"token\"], \"token\": {\"id\": \"" + token + "\"}}}}";

    [Theory]
    [InlineData("", "Expecting to find auth in request body." + CannotComply)]
    [InlineData("{not json", "Expecting to find valid JSON in request body." + CannotComply)]
    [InlineData("{\"auth\": {}}", "'identity' is a required property")]
    [InlineData("{\"auth\": {\"identity\": {}}}", "Invalid input for field 'identity': 'methods' is a required property")]
    [InlineData("{\"auth\": {\"identity\": {\"methods\": \"password\"}}}",
        "Invalid input for field 'identity/methods': 'password' is not of type 'array'")]
    [InlineData("{\"auth\": {\"identity\": {\"methods\": [\"password\"]}}}", "Expecting to find password in identity." + CannotComply)]
    [InlineData("{\"auth\": {\"identity\": {\"methods\": [\"password\"], \"password\": {\"user\": {\"password\": \"x\"}}}}}",
        "Invalid input for field identity/password/user: id or name must be present.")]
    [InlineData(
        "{\"auth\": {\"identity\": {\"methods\": [\"password\"], \"password\": {\"user\": {\"name\": \"demo\", \"password\": \"demo-secret\"}}}}}",
        "Expecting to find domain in user." + CannotComply)]
    public async Task Malformed_requests_are_400_in_keystone_shape(string body, string message)
    {
        using var response = await AuthAsync(body);

        await AssertKeystoneErrorAsync(response, 400, "Bad Request", message);
    }

    [Fact]
    public async Task Non_json_content_type_is_400()
    {
        using var response = await PostRawAsync("identity/v3/auth/tokens", null, PasswordAuth("demo", "demo-secret"), "text/xml");

        await AssertKeystoneErrorAsync(response, 400, "Bad Request",
            "Expecting to find application/json in Content-Type header." + CannotComply);
    }

    [Fact]
    public async Task Version_document_needs_no_token()
    {
        using var response = await GetAsync("identity/v3", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var version = (await JsonAsync(response)).GetProperty("version");
        Assert.Equal("v3.14", version.GetProperty("id").GetString());
        Assert.Equal(Emu.AuthUrl + "/", version.GetProperty("links")[0].GetProperty("href").GetString());
    }

    private static async Task AssertKeystoneErrorAsync(HttpResponseMessage response, int status, string title, string message)
    {
        Assert.Equal(status, (int)response.StatusCode);
        var error = (await JsonAsync(response)).GetProperty("error");
        Assert.Equal(status, error.GetProperty("code").GetInt32());
        Assert.Equal(title, error.GetProperty("title").GetString());
        Assert.Equal(message, error.GetProperty("message").GetString());
        Assert.Equal(JsonValueKind.String, error.GetProperty("message").ValueKind);
    }
}
