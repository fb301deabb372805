using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using OpenStackSnapshot.Emulator.Http;
using OpenStackSnapshot.Emulator.State;

namespace OpenStackSnapshot.Emulator.Keystone;

/// <summary>Keystone v3 under <c>{base}identity</c>: the version documents and <c>POST /v3/auth/tokens</c>.</summary>
internal sealed class TokenEndpoints(EmulatorState state)
{
    private readonly Authenticator _authenticator = new(state);

    /// <summary>Routes a path below <c>/identity</c>; returns the route key (null when unknown) and the answer.</summary>
    public (string? RouteKey, Func<Reply> Handle) Route(string method, IReadOnlyList<string> segments, HttpRequest request, byte[] body)
    {
        var path = string.Join('/', segments);
        return path switch
        {
            "" when method == "GET" => (RouteKeys.IdentityVersions, Versions),
            "v3" or "v3/" when method == "GET" => (RouteKeys.IdentityVersions, () => Reply.Json(200, new JsonObject { ["version"] = V3() })),
            "v3/auth/tokens" when method == "POST" => (RouteKeys.IdentityTokens, () => IssueToken(request, body)),
            "v3/auth/tokens" when method == "GET" => (RouteKeys.IdentityTokenValidate, () => ValidateToken(request)),
            "v3/auth/tokens" when method == "DELETE" => (RouteKeys.IdentityTokenRevoke, () => RevokeToken(request)),
            "" or "v3" or "v3/" or "v3/auth/tokens" => (null, () => KeystoneErrors.Error(405, "The method is not allowed for the requested URL.")),
            _ => (null, () => KeystoneErrors.Error(404, "The resource could not be found.")),
        };
    }

    // GET /identity/: Keystone answers its version list with 300 Multiple Choices.
    private Reply Versions() =>
        Reply.Json(300, new JsonObject { ["versions"] = new JsonObject { ["values"] = new JsonArray(V3()) } });

    private JsonObject V3() => new()
    {
        ["id"] = "v3.14",
        ["status"] = "stable",
        ["updated"] = "2020-04-07T00:00:00Z",
        ["links"] = new JsonArray(new JsonObject { ["rel"] = "self", ["href"] = Catalog.IdentityUrl(state.BaseUri) + "/" }),
        ["media-types"] = new JsonArray(new JsonObject
        {
            ["base"] = "application/json",
            ["type"] = "application/vnd.openstack.identity-v3+json",
        }),
    };

    private Reply IssueToken(HttpRequest request, byte[] body)
    {
        JsonElement? auth = null;
        if (body.Length > 0)
        {
            // Keystone's json_body check: JSON content (or none declared), parsed to an object.
            var contentType = request.ContentType;
            if (!string.IsNullOrEmpty(contentType) && !IsJson(contentType))
            {
                return KeystoneErrors.Expecting("application/json", "Content-Type header");
            }

            if (JsonBody.TryParse(body) is not { ValueKind: JsonValueKind.Object } document)
            {
                return KeystoneErrors.Expecting("valid JSON", "request body");
            }

            auth = JsonBody.Get(document, "auth");
        }

        if (auth is null || auth.Value.ValueKind == JsonValueKind.Null) return KeystoneErrors.Expecting("auth", "request body");
        if (TokenRequestSchema.Check(auth.Value) is { } schemaError) return KeystoneErrors.Schema(schemaError);

        var outcome = _authenticator.Authenticate(auth.Value);
        if (outcome.Error is not null)
        {
            return outcome.Error.Status == 401
                ? outcome.Error.WithHeader("WWW-Authenticate", $"Keystone uri=\"{new Uri(state.BaseUri, "identity")}\"")
                : outcome.Error;
        }

        var now = state.Now;
        var expires = now.AddSeconds(state.Settings.TokenTtlSeconds);
        if (outcome.ExpiresNoLaterThan is { } limit && limit < expires) expires = limit;
        var token = state.Tokens.Issue(outcome.User!, outcome.Project, outcome.Roles!, outcome.Methods!, now, expires, outcome.AppCredential);

        return Reply.Json(201, new JsonObject { ["token"] = Render(token) })
            .WithHeader("X-Subject-Token", token.Id)
            .WithHeader("Vary", "X-Auth-Token");
    }

    // Keystone: the caller's own token must be valid (401), the subject token must exist and not be expired (404).
    private Reply ValidateToken(HttpRequest request)
    {
        if (Caller(request) is { } refused) return refused;
        var subject = state.Tokens.Validate(request.Headers["X-Subject-Token"].ToString(), state.Now);
        if (subject is null) return KeystoneErrors.Error(404, "Could not find token: " + request.Headers["X-Subject-Token"]);
        return Reply.Json(200, new JsonObject { ["token"] = Render(subject) })
            .WithHeader("X-Subject-Token", subject.Id)
            .WithHeader("Vary", "X-Auth-Token");
    }

    private Reply RevokeToken(HttpRequest request)
    {
        if (Caller(request) is { } refused) return refused;
        var subjectId = request.Headers["X-Subject-Token"].ToString();
        if (state.Tokens.Validate(subjectId, state.Now) is null) return KeystoneErrors.Error(404, "Could not find token: " + subjectId);
        state.Tokens.Revoke(subjectId);
        return Reply.Empty(204);
    }

    private Reply? Caller(HttpRequest request) =>
        state.Tokens.Validate(request.Headers["X-Auth-Token"].ToString(), state.Now) is null
            ? KeystoneErrors.Error(401, "The request you have made requires authentication.")
                .WithHeader("WWW-Authenticate", $"Keystone uri=\"{new Uri(state.BaseUri, "identity")}\"")
            : null;

    private JsonObject Render(IssuedToken token)
    {
        var body = new JsonObject
        {
            ["methods"] = new JsonArray(token.Methods.Select(m => (JsonNode)m!).ToArray()),
            ["user"] = new JsonObject
            {
                ["domain"] = Domain(),
                ["id"] = token.User.Id,
                ["name"] = token.User.Name,
                ["password_expires_at"] = null,
            },
            ["audit_ids"] = new JsonArray(token.AuditId),
            ["expires_at"] = KeystoneTime(token.ExpiresAt),
            ["issued_at"] = KeystoneTime(token.IssuedAt),
        };

        if (token.Project is { } project)
        {
            body["project"] = new JsonObject { ["domain"] = Domain(), ["id"] = project.Id, ["name"] = project.Name };
            body["is_domain"] = false;
            body["roles"] = new JsonArray(token.Roles
                .Select(r => (JsonNode)new JsonObject { ["id"] = Seed.RoleId(r), ["name"] = r }).ToArray());
            body["catalog"] = Catalog.Build(state.BaseUri, state.Options.ComputeUrlWithProject, project.Id);
        }

        if (token.AppCredential is { } appCred)
        {
            body["application_credential"] = new JsonObject { ["id"] = appCred.Id, ["name"] = appCred.Name, ["restricted"] = true };
        }

        return body;
    }

    private static JsonObject Domain() => new() { ["id"] = Seed.DomainId, ["name"] = Seed.DomainName };

    // Keystone's isotime with subseconds: "2025-06-12T14:56:30.000000Z".
    private static string KeystoneTime(DateTimeOffset t) =>
        t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    // Flask's is_json: application/json or application/*+json.
    private static bool IsJson(string contentType)
    {
        var mediaType = contentType.Split(';')[0].Trim().ToLowerInvariant();
        return mediaType == "application/json"
            || (mediaType.StartsWith("application/", StringComparison.Ordinal) && mediaType.EndsWith("+json", StringComparison.Ordinal));
    }
}
