using System.Text.Json;
using OpenStackSnapshot.Emulator.Http;
using OpenStackSnapshot.Emulator.State;

namespace OpenStackSnapshot.Emulator.Nova;

/// <summary>One authenticated compute request after Nova's generic checks, ready for a controller.</summary>
internal sealed record NovaRequest(ComputeRoute Route, IssuedToken Token, ApiVersion Version, JsonElement? Body, IQueryCollection Query)
{
    /// <summary>The token's project (Nova's context.project_id); null for an unscoped token.</summary>
    public string? ProjectId => Token.Project?.Id;

    /// <summary>Nova's policy check: the token needs the role on its own project, else 403 naming the rule.</summary>
    public Reply? Deny(string role, string rule) => Token.Project is not null && Token.HasRole(role) ? null : Faults.PolicyDenied(rule);
}

/// <summary>
/// What Nova does to every compute request before a controller runs, in Nova's order: auth middleware (401),
/// microversion headers (400/406), Content-Type (415), body parsing (400), path project id (400), the
/// method's version range (404). Every answer after the version is known echoes it.
/// </summary>
internal sealed class ComputePipeline(EmulatorState state)
{
    private static readonly string[] JsonContentTypes = ["application/json", "application/vnd.openstack.compute+json"];

    private readonly SnapshotEndpoints _snapshots = new(state);
    private readonly VolumeEndpoints _volumes = new(state);
    private readonly VersionEndpoints _versions = new(state);

    public Reply Handle(ComputeRoute route, HttpRequest request, byte[] body)
    {
        // Version discovery sits outside the auth middleware.
        if (route.IsVersionDiscovery) return _versions.Handle(route.Action, request.Path);

        var token = state.Tokens.Validate(request.Headers["X-Auth-Token"].ToString(), state.Now);
        if (token is null) return Faults.Unauthorized(state.BaseUri);

        var microversion = Microversion.Parse(request.Headers);
        if (microversion.IsError) return Faults.Fault(microversion.ErrorStatus, microversion.ErrorMessage!);

        var reply = Process(route, request, body, token, microversion.Version);
        var version = microversion.Version.ToString();
        return reply
            .WithHeader(Microversion.StandardHeader, "compute " + version)
            .WithHeader(Microversion.LegacyHeader, version)
            .WithHeader("Vary", Microversion.StandardHeader)
            .WithHeader("Vary", Microversion.LegacyHeader);
    }

    private Reply Process(ComputeRoute route, HttpRequest request, byte[] body, IssuedToken token, ApiVersion version)
    {
        // Checked for every method: a GET that declares an odd body type is refused too.
        if (request.Headers.ContainsKey("Content-Type"))
        {
            var mediaType = request.Headers.ContentType.ToString().Split(';')[0];
            if (mediaType.Length > 0 && mediaType != "text/plain" && !JsonContentTypes.Contains(mediaType))
            {
                return Faults.Fault(415, "Unsupported Content-Type");
            }
        }

        // Nova reads a body only on POST/PUT; an empty one is None (chunked bodies are read whole, as webob does).
        JsonElement? json = null;
        if (request.Method is "POST" or "PUT" && body.Length > 0)
        {
            json = JsonBody.TryParse(body);
            if (json is null) return Faults.BadRequest("Malformed request body");
        }

        if (route.PathProjectId is { } pathProject && pathProject != token.Project?.Id)
        {
            return Faults.BadRequest(
                $"Malformed request URL: URL's project_id '{pathProject}' doesn't match Context's project_id '{token.Project?.Id ?? "None"}'");
        }

        // os-snapshots and os-volumes were removed in 2.36: Nova answers as if the method did not exist.
        if (version > Microversion.MaxProxy) return Faults.NotFound();

        var nova = new NovaRequest(route, token, version, json, request.Query);
        return route.Action switch
        {
            ComputeAction.SnapshotsList => _snapshots.List(nova, detail: false),
            ComputeAction.SnapshotsDetail => _snapshots.List(nova, detail: true),
            ComputeAction.SnapshotsShow => _snapshots.Show(nova),
            ComputeAction.SnapshotsCreate => _snapshots.Create(nova),
            ComputeAction.SnapshotsDelete => _snapshots.Delete(nova),
            ComputeAction.VolumesList => _volumes.List(nova, detail: false),
            ComputeAction.VolumesDetail => _volumes.List(nova, detail: true),
            ComputeAction.VolumesShow => _volumes.Show(nova),
            ComputeAction.VolumesCreate => _volumes.Create(nova, new Uri(state.BaseUri, request.Path.Value!.TrimStart('/')).ToString()),
            ComputeAction.VolumesDelete => _volumes.Delete(nova),
            _ => Faults.NotFound(),
        };
    }
}
