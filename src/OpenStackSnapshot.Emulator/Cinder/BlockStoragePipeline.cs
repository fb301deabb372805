using OpenStackSnapshot.Emulator.Http;
using OpenStackSnapshot.Emulator.Nova;
using OpenStackSnapshot.Emulator.State;

namespace OpenStackSnapshot.Emulator.Cinder;

/// <summary>
/// What Cinder does to every v3 request before a controller runs, in Cinder's order: auth middleware (401), the
/// version header (400/406), a body's Content-Type (415) and JSON (400), the path's project id (400). Every answer
/// after the version is read echoes it.
/// </summary>
internal sealed class BlockStoragePipeline(EmulatorState state)
{
    private static readonly string[] JsonContentTypes = ["application/json", "application/vnd.openstack.volume+json"];

    private readonly SnapshotController _snapshots = new(state);
    private readonly SnapshotMetadataController _metadata = new(state);
    private readonly VolumeController _volumes = new(state);
    private readonly MessageController _messages = new(state);
    private readonly VolumeMetadataController _volumeMetadata = new(state);

    public Reply Handle(BlockStorageRoute route, HttpRequest request, byte[] body)
    {
        var token = state.Tokens.Validate(request.Headers["X-Auth-Token"].ToString(), state.Now);
        if (token is null) return Faults.Unauthorized(state.BaseUri);

        var version = VolumeMicroversion.Parse(request.Headers);
        var reply = version.IsError
            ? Faults.Fault(version.ErrorStatus, version.ErrorMessage!)
            : Process(route, request, body, token, version.Version);
        if (!version.Echo) return reply;
        return reply
            .WithHeader(VolumeMicroversion.Header, "volume " + version.Version)
            .WithHeader("Vary", VolumeMicroversion.Header);
    }

    private Reply Process(BlockStorageRoute route, HttpRequest request, byte[] body, IssuedToken token, ApiVersion version)
    {
        // Cinder looks at Content-Type only when there is a body; without the header the body is ignored.
        System.Text.Json.JsonElement? json = null;
        if (body.Length > 0 && request.Headers.ContainsKey("Content-Type"))
        {
            var mediaType = request.Headers.ContentType.ToString().Split(';')[0].Trim();
            if (!JsonContentTypes.Contains(mediaType)) return Faults.Fault(415, "Unsupported Content-Type");
            json = JsonBody.TryParse(body);
            if (json is null) return Faults.BadRequest("Malformed request body");
        }

        if (route.PathProjectId is { } pathProject && pathProject != token.Project?.Id) return Faults.BadRequest("Malformed request url");

        var applicationUrl = new Uri(state.BaseUri, request.Path.Value!.TrimStart('/').Split('/')[0] + "/v3").ToString();
        var cinder = new CinderRequest(route, token, version, json, request.Query, applicationUrl, state.Options.CinderNewPolicyDefaults);
        return route.Action switch
        {
            BlockStorageAction.SnapshotsList => _snapshots.List(cinder, detail: false),
            BlockStorageAction.SnapshotsDetail => _snapshots.List(cinder, detail: true),
            BlockStorageAction.SnapshotsShow => _snapshots.Show(cinder),
            BlockStorageAction.SnapshotsCreate => _snapshots.Create(cinder),
            BlockStorageAction.SnapshotsUpdate => _snapshots.Update(cinder),
            BlockStorageAction.SnapshotsDelete => _snapshots.Delete(cinder),
            BlockStorageAction.MetadataList => _metadata.List(cinder),
            BlockStorageAction.MetadataCreate => _metadata.Merge(cinder, replace: false),
            BlockStorageAction.MetadataReplace => _metadata.Merge(cinder, replace: true),
            BlockStorageAction.MetadataShow => _metadata.Show(cinder),
            BlockStorageAction.MetadataUpdate => _metadata.UpdateKey(cinder),
            BlockStorageAction.MetadataDelete => _metadata.Delete(cinder),
            BlockStorageAction.VolumesList => _volumes.List(cinder, detail: false),
            BlockStorageAction.VolumesDetail => _volumes.List(cinder, detail: true),
            BlockStorageAction.VolumesShow => _volumes.Show(cinder),
            BlockStorageAction.VolumesCreate => _volumes.Create(cinder),
            BlockStorageAction.VolumesDelete => _volumes.Delete(cinder),
            BlockStorageAction.VolumesAction => _volumes.Action(cinder),
            BlockStorageAction.MessagesList => _messages.List(cinder),
            BlockStorageAction.VolumeMetadataList => _volumeMetadata.List(cinder),
            BlockStorageAction.VolumeMetadataCreate => _volumeMetadata.Merge(cinder, replace: false),
            BlockStorageAction.VolumeMetadataReplace => _volumeMetadata.Merge(cinder, replace: true),
            _ => Faults.NotFound(),
        };
    }
}
