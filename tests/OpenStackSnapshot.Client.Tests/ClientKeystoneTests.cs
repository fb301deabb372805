using System.Text.Json.Nodes;
using OpenStackSnapshot.Client.Auth;
using OpenStackSnapshot.Client.Errors;
using Xunit;

namespace OpenStackSnapshot.Client.Tests;

public class ClientKeystoneTests
{
    private static async Task<FakeTransport> ConnectWith(AuthMethod auth)
    {
        var fake = new FakeTransport().ThenToken();
        using var session = await OpenStackSession.ConnectAsync(TestCloud.Options(fake, auth), TestCloud.Call());
        return fake;
    }

    [Fact]
    public async Task PasswordWithProjectName_SendsUserAndProjectDomains()
    {
        var auth = new PasswordAuth("demo", TestCloud.Secure(TestCloud.Password))
        {
            UserDomainName = "Users", ProjectName = "demo-project", ProjectDomainName = "Projects",
        };
        var sent = Assert.Single((await ConnectWith(auth)).Requests);

        Assert.Equal("POST", sent.Method);
        Assert.Equal(FakeTransport.TokensUrl, sent.Url);
        Assert.Null(sent.Header("X-Auth-Token"));
        Assert.StartsWith("application/json", sent.Header("Content-Type"));
        JsonAssert.Equal($$$"""
            {"auth": {"identity": {"methods": ["password"],
                                   "password": {"user": {"name": "demo", "domain": {"name": "Users"}, "password": "{{{TestCloud.Password}}}"} } },
                      "scope": {"project": {"name": "demo-project", "domain": {"name": "Projects"} } } } }
            """, sent.Body);
    }

    [Fact]
    public async Task PasswordWithProjectId_ScopesByIdOnly()
    {
        var auth = new PasswordAuth("demo", TestCloud.Secure(TestCloud.Password))
        {
            ProjectId = "8f2b1c4d5e6f4a7b8c9d0e1f2a3b4c5d",
            ProjectName = "ignored",
        };
        var sent = Assert.Single((await ConnectWith(auth)).Requests);

        JsonAssert.Equal($$$"""
            {"auth": {"identity": {"methods": ["password"],
                                   "password": {"user": {"name": "demo", "domain": {"name": "Default"}, "password": "{{{TestCloud.Password}}}"} } },
                      "scope": {"project": {"id": "8f2b1c4d5e6f4a7b8c9d0e1f2a3b4c5d"} } } }
            """, sent.Body);
    }

    [Fact]
    public async Task ApplicationCredential_SendsIdAndSecretWithoutScope()
    {
        var auth = new ApplicationCredentialAuth("ac-0123", TestCloud.Secure("app-cred-secret-XYZ"));
        var sent = Assert.Single((await ConnectWith(auth)).Requests);

        JsonAssert.Equal("""
            {"auth": {"identity": {"methods": ["application_credential"],
                                   "application_credential": {"id": "ac-0123", "secret": "app-cred-secret-XYZ"}}}}
            """, sent.Body);
    }

    [Fact]
    public async Task PasswordWithoutProject_NeverSendsANullProjectName()
    {
        // Either refuse before sending, or ask for an unscoped token (Keystone then uses the default project):
        // {"project": {"name": null}} is a Keystone 400.
        var fake = new FakeTransport().ThenToken();
        var auth = new PasswordAuth("demo", TestCloud.Secure(TestCloud.Password));
        try
        {
            using var session = await OpenStackSession.ConnectAsync(TestCloud.Options(fake, auth), TestCloud.Call());
        }
        catch (OpenStackException e) when (e.Kind == OpenStackErrorKind.InvalidArgument)
        {
            Assert.Empty(fake.Requests);
            return;
        }
        var body = Assert.Single(fake.Requests).Body!;
        Assert.DoesNotContain("null", body);
    }

    [Theory]
    [InlineData("http://keystone.test:5000", "http://keystone.test:5000/v3/auth/tokens")]
    [InlineData("http://keystone.test:5000/", "http://keystone.test:5000/v3/auth/tokens")]
    [InlineData("http://keystone.test:5000/v3", "http://keystone.test:5000/v3/auth/tokens")]
    [InlineData("http://keystone.test:5000/v3/", "http://keystone.test:5000/v3/auth/tokens")]
    [InlineData("https://cloud.test/identity", "https://cloud.test/identity/v3/auth/tokens")]
    [InlineData("https://cloud.test/identity/v3", "https://cloud.test/identity/v3/auth/tokens")]
    public async Task AuthUrl_WithOrWithoutV3_PostsToTokens(string authUrl, string tokensUrl)
    {
        var fake = new FakeTransport().ThenToken();
        using var session = await OpenStackSession.ConnectAsync(TestCloud.Options(fake, authUrl: authUrl), TestCloud.Call());
        Assert.Equal(tokensUrl, Assert.Single(fake.Requests).Url);
    }

    [Fact]
    public async Task Token_FromSubjectHeader_IsSentAsAuthTokenOnNovaCalls()
    {
        var expires = new DateTime(2099, 1, 2, 3, 4, 5, DateTimeKind.Utc);
        var fake = new FakeTransport().ThenToken("gAAAAABnTokenValue42", expires).ThenJson(200, FakeTransport.SnapshotBody());
        using var session = await TestCloud.ConnectAsync(fake);
        await session.Snapshots.GetAsync("fe06e9f2-e6b0-47d1-a63e-c0a15ad51994", TestCloud.Call());

        Assert.Equal("gAAAAABnTokenValue42", Assert.Single(fake.Nova).Header("X-Auth-Token"));
        Assert.Equal("demo", session.UserName);
        Assert.Equal("p-123", session.ProjectId);
        Assert.Equal("demo-project", session.ProjectName);
        Assert.Equal(expires, session.TokenExpiresAt);
        Assert.Equal(DateTimeKind.Utc, session.TokenExpiresAt.Kind);
    }

    private static JsonArray MixedCatalog() => FakeTransport.Catalog(
        ("volumev3", "public", "RegionOne", "http://cinder.test:8776/v3/p-123"),
        ("compute", "admin", "RegionOne", "http://nova-admin.test:8774/v2.1"),
        ("compute", "public", "RegionOne", "http://nova-r1.test:8774/v2.1"),
        ("compute", "internal", "RegionOne", "http://nova-internal.test:8774/v2.1"),
        ("compute", "public", "RegionTwo", "http://nova-r2.test:8774/v2.1/p-123/"),
        ("identity", "public", "RegionOne", "http://keystone.test:5000/v3"));

    [Theory]
    [InlineData("public", null, "http://nova-r1.test:8774/v2.1/os-snapshots/detail?limit=10&offset=0")]
    [InlineData("public", "RegionOne", "http://nova-r1.test:8774/v2.1/os-snapshots/detail?limit=10&offset=0")]
    [InlineData("internal", "RegionOne", "http://nova-internal.test:8774/v2.1/os-snapshots/detail?limit=10&offset=0")]
    [InlineData("admin", null, "http://nova-admin.test:8774/v2.1/os-snapshots/detail?limit=10&offset=0")]
    [InlineData("public", "RegionTwo", "http://nova-r2.test:8774/v2.1/p-123/os-snapshots/detail?limit=10&offset=0")]
    public async Task ComputeEndpoint_ChosenByTypeInterfaceAndRegion(string iface, string? region, string expectedUrl)
    {
        var fake = new FakeTransport().ThenToken(catalog: MixedCatalog()).ThenJson(200, """{"snapshots": []}""");
        using var session = await TestCloud.ConnectAsync(fake, o => { o.Interface = iface; o.Region = region; });
        await session.ComputeSnapshots().ListPageAsync(10, 0, TestCloud.Call());

        Assert.Equal(expectedUrl, Assert.Single(fake.Nova).Url);
        Assert.DoesNotContain("//os-snapshots", expectedUrl);
    }

    [Fact]
    public async Task ComputeEndpoint_MissingRegion_IsEndpointNotFoundNamingWhatWasWanted()
    {
        var fake = new FakeTransport().ThenToken(catalog: MixedCatalog());
        var e = await Assert.ThrowsAsync<OpenStackException>(() => TestCloud.ConnectAsync(fake, o =>
        {
            o.Interface = "internal";
            o.Region = "RegionThree";
        }));

        Assert.Equal(OpenStackErrorKind.EndpointNotFound, e.Kind);
        Assert.Contains("'compute'", e.Message);
        Assert.Contains("'internal'", e.Message);
        Assert.Contains("'RegionThree'", e.Message);
        Assert.Contains("public in RegionTwo", e.Message); // what the catalog does offer
        Assert.Empty(fake.Nova);
    }

    [Fact]
    public async Task ComputeEndpoint_NoComputeService_IsEndpointNotFound()
    {
        var fake = new FakeTransport().ThenToken(catalog: FakeTransport.Catalog(("identity", "public", "RegionOne", "http://keystone.test:5000/v3")));
        var e = await Assert.ThrowsAsync<OpenStackException>(() => TestCloud.ConnectAsync(fake));

        Assert.Equal(OpenStackErrorKind.EndpointNotFound, e.Kind);
        Assert.Contains("no 'compute' service", e.Message);
    }

    [Fact]
    public async Task WrongPassword_401_IsAuthenticationFailedWithRequestId_AndNoRetry()
    {
        var fake = new FakeTransport().ThenJson(401,
            """{"error": {"code": 401, "title": "Unauthorized", "message": "The request you have made requires authentication."}}""",
            "req-keystone-401", r => r.Headers.TryAddWithoutValidation("WWW-Authenticate", "Keystone uri=\"http://keystone.test:5000\""));
        var e = await Assert.ThrowsAsync<OpenStackException>(() => TestCloud.ConnectAsync(fake, o => o.Retries(3)));

        Assert.Equal(OpenStackErrorKind.AuthenticationFailed, e.Kind);
        Assert.Equal(401, e.StatusCode);
        Assert.Equal("req-keystone-401", e.RequestId);
        Assert.Equal("The request you have made requires authentication.", e.ServerMessage);
        Assert.Equal("POST", e.Method);
        Assert.Equal(FakeTransport.TokensUrl, e.Url);
        Assert.Contains("req-keystone-401", e.Message);
        Assert.Contains("'demo'", e.Message);
        Assert.DoesNotContain(TestCloud.Password, e.ToString());
        Assert.Single(fake.Requests);
    }

    [Fact]
    public async Task TokenAnswerWithoutSubjectHeader_IsInvalidResponse()
    {
        var fake = new FakeTransport().ThenJson(201, FakeTransport.TokenBody(DateTime.UtcNow.AddHours(1), FakeTransport.Catalog()), "req-no-subject");
        var e = await Assert.ThrowsAsync<OpenStackException>(() => TestCloud.ConnectAsync(fake));

        Assert.Equal(OpenStackErrorKind.InvalidResponse, e.Kind);
        Assert.Equal("req-no-subject", e.RequestId);
        Assert.Contains("X-Subject-Token", e.Message);
    }

    [Fact]
    public async Task TheTokensRoles_AreTheSessions_AndOnlyAdminGivesEveryProject()
    {
        using var member = await TestCloud.ConnectAsync(new FakeTransport().ThenToken());
        Assert.Equal(new[] { "member" }, member.Roles);
        Assert.False(member.HasAdminRole);

        var body = FakeTransport.TokenBody(DateTime.UtcNow.AddHours(1), FakeTransport.Catalog()).Replace(
            """[{"id":"r-1","name":"member"}]""", """[{"id":"r-1","name":"reader"},{"id":"r-2","name":"Admin"}]""");
        Assert.Contains("Admin", body);
        using var admin = await TestCloud.ConnectAsync(
            new FakeTransport().ThenJson(201, body, more: r => r.Headers.TryAddWithoutValidation("X-Subject-Token", "gAAAAA-admin")));
        Assert.Equal(new[] { "reader", "Admin" }, admin.Roles);
        Assert.True(admin.HasAdminRole);
    }

    [Fact]
    public async Task KeystoneRefusingTheMethod_NamesTheIdentityUrl_NotAnotherApi()
    {
        var fake = new FakeTransport().ThenJson(405,
            """{"error": {"code": 405, "title": "Method Not Allowed", "message": "The method is not allowed."}}""", "req-405");
        var e = await Assert.ThrowsAsync<OpenStackException>(() => TestCloud.ConnectAsync(fake));

        Assert.Equal(OpenStackErrorKind.MethodNotAllowed, e.Kind);
        Assert.Contains("identity URL", e.RecommendedAction);
    }

    [Fact]
    public async Task TokenExpiringWithinAMinute_IsRenewedBeforeTheNextCall()
    {
        var fake = new FakeTransport()
            .ThenToken("token-old", DateTime.UtcNow.AddSeconds(30))
            .ThenToken("token-new", DateTime.UtcNow.AddHours(2))
            .ThenJson(200, FakeTransport.SnapshotBody())
            .ThenJson(200, FakeTransport.SnapshotBody());
        using var session = await TestCloud.ConnectAsync(fake);
        await session.Snapshots.GetAsync("snap-1", TestCloud.Call());
        await session.Snapshots.GetAsync("snap-1", TestCloud.Call());

        Assert.Equal(new[] { true, true, false, false }, fake.Requests.Select(r => r.IsKeystone));
        Assert.All(fake.Nova, r => Assert.Equal("token-new", r.Header("X-Auth-Token")));
        Assert.True(session.TokenExpiresAt > DateTime.UtcNow.AddHours(1));
    }

    [Fact]
    public async Task TokenValidForLong_IsNotRenewed()
    {
        var fake = new FakeTransport().ThenToken("token-1", DateTime.UtcNow.AddHours(1))
            .ThenJson(200, FakeTransport.SnapshotBody()).ThenJson(200, FakeTransport.SnapshotBody());
        using var session = await TestCloud.ConnectAsync(fake);
        await session.Snapshots.GetAsync("snap-1", TestCloud.Call());
        await session.Snapshots.GetAsync("snap-1", TestCloud.Call());

        Assert.Single(fake.Keystone);
        Assert.All(fake.Nova, r => Assert.Equal("token-1", r.Header("X-Auth-Token")));
    }
}
