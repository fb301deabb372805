using System.Text.Json;
using System.Text.Json.Nodes;
using OpenStackSnapshot.Emulator.Http;
using OpenStackSnapshot.Emulator.State;

namespace OpenStackSnapshot.Emulator.Keystone;

/// <summary>Who authenticated, on what scope, with which roles; or the Keystone error to answer instead.</summary>
internal sealed record AuthOutcome(
    Reply? Error,
    SeedUser? User = null,
    SeedProject? Project = null,
    IReadOnlyList<string>? Roles = null,
    IReadOnlyList<string>? Methods = null,
    SeedAppCredential? AppCredential = null,
    DateTimeOffset? ExpiresNoLaterThan = null)
{
    public static AuthOutcome Fail(Reply error) => new(error);
}

/// <summary>
/// Keystone's token issue logic (AuthInfo + the password, token and application_credential plugins) over the
/// seeded identities, in Keystone's order: validate methods, resolve the scope, run each method, default scope.
/// </summary>
internal sealed class Authenticator(EmulatorState state)
{
    private static readonly string[] SupportedMethods = ["password", "token", "application_credential"];

    public AuthOutcome Authenticate(JsonElement auth)
    {
        var identity = JsonBody.Get(auth, "identity")!.Value;
        var methods = JsonBody.Get(identity, "methods")!.Value.EnumerateArray().Select(m => m.GetString()!).Distinct().ToList();

        foreach (var method in methods)
        {
            if (JsonBody.Get(identity, method) is null) return AuthOutcome.Fail(KeystoneErrors.Expecting(method, "identity"));
        }

        if (methods.FirstOrDefault(m => !SupportedMethods.Contains(m)) is not null)
        {
            var known = new JsonObject { ["methods"] = new JsonArray(SupportedMethods.Select(m => (JsonNode)m!).ToArray()) };
            return AuthOutcome.Fail(KeystoneErrors.Unauthorized("Attempted to authenticate with an unsupported method.", known));
        }

        // Scope first, as Keystone resolves it while parsing the request.
        var scope = JsonBody.Get(auth, "scope");
        SeedAppCredential? appCred = null;
        SeedProject? project = null;
        var explicitlyUnscoped = false;
        if (methods.Contains("application_credential"))
        {
            if (scope is not null)
            {
                return AuthOutcome.Fail(KeystoneErrors.Unauthorized(
                    "Error authenticating with application credential: Application credentials cannot request a scope.",
                    new JsonObject()));
            }

            var (found, error) = LookUpAppCredential(JsonBody.Get(identity, "application_credential")!.Value);
            if (error is not null) return AuthOutcome.Fail(error);
            appCred = found;
            project = Seed.ProjectById(found!.ProjectId);
        }
        else if (scope is { } s)
        {
            var (scoped, unscoped, error) = ResolveScope(s);
            if (error is not null) return AuthOutcome.Fail(error);
            project = scoped;
            explicitlyUnscoped = unscoped;
        }

        // Each method must succeed, and all must name the same user.
        SeedUser? user = null;
        DateTimeOffset? expiresNoLaterThan = null;
        foreach (var method in methods)
        {
            var payload = JsonBody.Get(identity, method)!.Value;
            SeedUser? who;
            switch (method)
            {
                case "password":
                    var (passwordUser, passwordError) = CheckPassword(payload);
                    if (passwordError is not null) return AuthOutcome.Fail(passwordError);
                    who = passwordUser;
                    break;
                case "token":
                    // Keystone's own words: a string it cannot decrypt is a 400, an expired token a 404.
                    var token = state.Tokens.Find(JsonBody.GetString(payload, "id"));
                    if (token is null) return AuthOutcome.Fail(KeystoneErrors.Error(400, "Could not recognize Fernet token"));
                    if (state.Now >= token.ExpiresAt) return AuthOutcome.Fail(KeystoneErrors.Error(404, "Failed to validate token"));
                    who = token.User;
                    // A token made from a token keeps the original expiry.
                    expiresNoLaterThan = token.ExpiresAt;
                    break;
                default:
                    if (JsonBody.GetString(payload, "secret") != appCred!.Secret) return AuthOutcome.Fail(KeystoneErrors.Unauthorized());
                    who = Seed.UserById(appCred.UserId);
                    break;
            }

            if (who is null || (user is not null && user.Id != who.Id)) return AuthOutcome.Fail(KeystoneErrors.Unauthorized());
            user = who;
        }

        if (user is null) return AuthOutcome.Fail(KeystoneErrors.Unauthorized());

        // No scope asked for: Keystone scopes to the user's default project.
        if (project is null && !explicitlyUnscoped && appCred is null) project = Seed.ProjectById(user.ProjectId);

        IReadOnlyList<string> roles = appCred?.Roles ?? (project?.Id == user.ProjectId ? user.Roles : []);
        if (project is not null && roles.Count == 0) return AuthOutcome.Fail(KeystoneErrors.Unauthorized());

        return new AuthOutcome(null, user, project, roles, methods, appCred, expiresNoLaterThan);
    }

    private static (SeedProject? Project, bool Unscoped, Reply? Error) ResolveScope(JsonElement scope)
    {
        string[] kinds = ["project", "domain", "unscoped", "system", "OS-TRUST:trust"];
        // Python's "x in scope" is a key test on a dict but a substring test on a string: "unscoped" passes.
        var present = scope.ValueKind == JsonValueKind.String
            ? kinds.Where(k => scope.GetString()!.Contains(k, StringComparison.Ordinal)).ToList()
            : kinds.Where(k => JsonBody.Get(scope, k) is not null).ToList();
        if (present.Count != 1)
        {
            return (null, false, KeystoneErrors.Expecting("system, project, domain, OS-TRUST:trust or unscoped", "scope"));
        }

        switch (present[0])
        {
            case "unscoped":
                return (null, true, null);
            case "project":
                var p = JsonBody.Get(scope, "project")!.Value;
                var projectName = JsonBody.GetString(p, "name");
                if (projectName is not null)
                {
                    var domain = JsonBody.Get(p, "domain");
                    if (domain is null) return (null, false, KeystoneErrors.Expecting("domain", "project"));
                    if (!DomainMatches(domain.Value)) return (null, false, KeystoneErrors.Unauthorized());
                    var byName = Seed.Projects.FirstOrDefault(x => x.Name == projectName);
                    return byName is null ? (null, false, KeystoneErrors.Unauthorized()) : (byName, false, null);
                }

                var byId = Seed.ProjectById(JsonBody.GetString(p, "id"));
                return byId is null ? (null, false, KeystoneErrors.Unauthorized()) : (byId, false, null);
            default:
                // Domain, system and trust scopes exist in Keystone, but no seeded user holds a role there.
                return (null, false, KeystoneErrors.Unauthorized());
        }
    }

    private static (SeedUser? User, Reply? Error) CheckPassword(JsonElement payload)
    {
        if (JsonBody.Get(payload, "user") is not { } userInfo) return (null, KeystoneErrors.Expecting("user", "password"));
        var (user, error) = LookUpUser(userInfo);
        if (error is not null) return (null, error);
        return JsonBody.GetString(userInfo, "password") == user!.Password ? (user, null) : (null, KeystoneErrors.Unauthorized());
    }

    private static (SeedAppCredential? AppCredential, Reply? Error) LookUpAppCredential(JsonElement payload)
    {
        var id = JsonBody.GetString(payload, "id");
        if (!string.IsNullOrEmpty(id))
        {
            // Keystone (Zed) lets ApplicationCredentialNotFound through as a 404 here.
            var byId = Seed.AppCredentials.FirstOrDefault(a => a.Id == id);
            return byId is null
                ? (null, KeystoneErrors.Error(404, $"Could not find Application Credential: {id}."))
                : (byId, null);
        }

        var name = JsonBody.GetString(payload, "name");
        if (string.IsNullOrEmpty(name)) return (null, KeystoneErrors.Expecting("name or ID", "application credential"));
        if (JsonBody.Get(payload, "user") is not { } userInfo) return (null, KeystoneErrors.Expecting("user", "application credential"));
        var (user, error) = LookUpUser(userInfo);
        if (error is not null) return (null, error);
        var byName = Seed.AppCredentials.FirstOrDefault(a => a.Name == name && a.UserId == user!.Id);
        return byName is null ? (null, KeystoneErrors.Unauthorized()) : (byName, null);
    }

    // A user by id, or by name within a domain (by domain id or name); an unknown one is a plain 401.
    private static (SeedUser? User, Reply? Error) LookUpUser(JsonElement userInfo)
    {
        var id = JsonBody.GetString(userInfo, "id");
        var name = JsonBody.GetString(userInfo, "name");
        if (string.IsNullOrEmpty(id) && string.IsNullOrEmpty(name)) return (null, KeystoneErrors.Expecting("id or name", "user"));
        if (!string.IsNullOrEmpty(name))
        {
            if (JsonBody.Get(userInfo, "domain") is not { } domain) return (null, KeystoneErrors.Expecting("domain", "user"));
            if (!DomainMatches(domain)) return (null, KeystoneErrors.Unauthorized());
            var byName = Seed.Users.FirstOrDefault(u => u.Name == name);
            return byName is null ? (null, KeystoneErrors.Unauthorized()) : (byName, null);
        }

        var byId = Seed.UserById(id);
        return byId is null ? (null, KeystoneErrors.Unauthorized()) : (byId, null);
    }

    // Keystone looks a domain up by name first, else by id.
    private static bool DomainMatches(JsonElement domain) =>
        JsonBody.GetString(domain, "name") is { Length: > 0 } name
            ? name == Seed.DomainName
            : JsonBody.GetString(domain, "id") == Seed.DomainId;
}
