using System.Text.Json;
using OpenStackSnapshot.Emulator.Http;
using OpenStackSnapshot.Emulator.Nova;
using OpenStackSnapshot.Emulator.State;

namespace OpenStackSnapshot.Emulator.Cinder;

/// <summary>One authenticated block-storage request after Cinder's generic checks, ready for a controller.</summary>
internal sealed record CinderRequest(
    BlockStorageRoute Route, IssuedToken Token, ApiVersion Version, JsonElement? Body, IQueryCollection Query, string ApplicationUrl,
    bool NewPolicyDefaults)
{
    /// <summary>The token's project (Cinder's context.project_id).</summary>
    public string? ProjectId => Token.Project?.Id;

    /// <summary>Cinder's context.is_admin: the admin role (policy rule context_is_admin).</summary>
    public bool IsAdmin => Token.HasRole(Seed.AdminRole);

    public bool AtLeast(int major, int minor) => Version >= new ApiVersion(major, minor);

    /// <summary>
    /// Cinder's policy check on a resource of the token's project: with the new defaults the role is needed, with the
    /// legacy ones (the rule admin_or_owner is enough) any role of the project passes; else 403 naming the rule.
    /// </summary>
    public Reply? Deny(string role, string rule) =>
        Token.Project is not null && (Token.HasRole(role) || !NewPolicyDefaults) ? null : Faults.PolicyDenied(rule);

    /// <summary>Links carry the project id when the request's URL did (ViewBuilder._get_project_id_in_url).</summary>
    public string CollectionUrl(string collection) =>
        ApplicationUrl + (Route.PathProjectId is null ? "" : "/" + ProjectId) + "/" + collection;
}
