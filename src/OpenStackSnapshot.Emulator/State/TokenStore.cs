using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace OpenStackSnapshot.Emulator.State;

/// <summary>A token Keystone issued: who, which project (null when unscoped), which roles, until when.</summary>
internal sealed record IssuedToken(
    string Id,
    SeedUser User,
    SeedProject? Project,
    IReadOnlyList<string> Roles,
    IReadOnlyList<string> Methods,
    DateTimeOffset IssuedAt,
    DateTimeOffset ExpiresAt,
    string AuditId,
    SeedAppCredential? AppCredential)
{
    public bool HasRole(string role) => Roles.Contains(role);
}

/// <summary>Opaque random tokens, valid until their expiry; tokens survive a reset so tests can keep theirs.</summary>
internal sealed class TokenStore
{
    private readonly ConcurrentDictionary<string, IssuedToken> _tokens = new(StringComparer.Ordinal);

    public IssuedToken Issue(
        SeedUser user, SeedProject? project, IReadOnlyList<string> roles, IReadOnlyList<string> methods,
        DateTimeOffset now, DateTimeOffset expiresAt, SeedAppCredential? appCredential)
    {
        // Fernet tokens look like "gAAAAA..." followed by url-safe base64; clients must treat them as opaque.
        var id = "gAAAAA" + Base64Url(RandomNumberGenerator.GetBytes(96));
        var token = new IssuedToken(id, user, project, roles, methods, now, expiresAt,
            Base64Url(RandomNumberGenerator.GetBytes(16)), appCredential);
        _tokens[id] = token;
        if (_tokens.Count > 10_000) PruneExpired(now);
        return token;
    }

    /// <summary>The token if it exists and has not expired; null otherwise (both are a 401).</summary>
    public IssuedToken? Validate(string? id, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(id) || !_tokens.TryGetValue(id, out var token)) return null;
        return now < token.ExpiresAt ? token : null;
    }

    /// <summary>The token if it was ever issued, expired or not (Keystone tells those apart on re-authentication).</summary>
    public IssuedToken? Find(string? id) => !string.IsNullOrEmpty(id) && _tokens.TryGetValue(id, out var token) ? token : null;

    /// <summary>Keystone's revocation: the token is refused from now on.</summary>
    public void Revoke(string id) => _tokens.TryRemove(id, out _);

    private void PruneExpired(DateTimeOffset now)
    {
        foreach (var (id, token) in _tokens)
        {
            if (token.ExpiresAt <= now) _tokens.TryRemove(id, out _);
        }
    }

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
