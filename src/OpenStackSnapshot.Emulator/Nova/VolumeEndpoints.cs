using System.Text.Json;
using System.Text.Json.Nodes;
using OpenStackSnapshot.Emulator.Cinder;
using OpenStackSnapshot.Emulator.Http;
using OpenStackSnapshot.Emulator.State;

namespace OpenStackSnapshot.Emulator.Nova;

/// <summary>
/// Nova's VolumeController over the emulated block storage: list, detail and show of the token's project's volumes, create
/// (from a snapshot) and delete. Block storage's refusals reach the client as Nova lets them through: its 400s inside Nova's
/// "Invalid input received" (with cinderclient's HTTP code and request id), its quota 413 as a 403, a missing type as a 500.
/// </summary>
internal sealed class VolumeEndpoints(EmulatorState state)
{
    private const string Policy = "os_compute_api:os-volumes:";

    public Reply List(NovaRequest request, bool detail)
    {
        if (RequestValidation.Paging(request.Query, state.Settings.PageLimit, out var offset, out var limit) is { } error)
        {
            return Faults.BadRequest(error);
        }

        if (request.Deny(Seed.ReaderRole, Policy + (detail ? "detail" : "list")) is { } denied) return denied;

        var page = state.Volumes.List(request.ProjectId!).Skip(offset).Take(limit);
        var volumes = page.Select(v => (JsonNode)Views.Volume(v, state.Attachments.Of(v), state.VolumeMetadata.Of(v.Id))).ToArray();
        return Reply.Json(200, new JsonObject { ["volumes"] = new JsonArray(volumes) });
    }

    public Reply Show(NovaRequest request)
    {
        if (request.Deny(Seed.ReaderRole, Policy + "show") is { } denied) return denied;
        var id = request.Route.Id!;
        var volume = state.Volumes.Get(request.ProjectId!, id);
        return volume is null
            ? Faults.NotFound($"Volume {id} could not be found.")
            : Reply.Json(200, new JsonObject
            {
                ["volume"] = Views.Volume(volume, state.Attachments.Of(volume), state.VolumeMetadata.Of(volume.Id)),
            });
    }

    /// <summary>Schema, policy, the snapshot (404), then block storage's create: 200 with the new volume and a Location.</summary>
    public Reply Create(NovaRequest request, string requestUrl)
    {
        if (RequestValidation.VolumeCreate(request.Body) is { } invalid) return Faults.BadRequest(invalid);
        if (request.Deny(Seed.MemberRole, Policy + "create") is { } denied) return denied;

        var body = JsonBody.Get(request.Body, "volume")!.Value;
        var snapshotId = JsonBody.GetString(body, "snapshot_id");
        SnapshotView? snapshot = null;
        if (snapshotId is not null)
        {
            snapshot = state.Snapshots.Get(request.ProjectId!, snapshotId);
            if (snapshot is null) return Faults.NotFound($"Snapshot {snapshotId} could not be found.");
        }

        // A volume only from a snapshot here, as the module makes them; an empty volume is not emulated.
        if (snapshot is null) return Faults.BadRequest(VolumeCreation.SnapshotRequired);
        if (VolumeCreation.TypeProblem(JsonBody.GetString(body, "volume_type")) is not null) return Faults.Unexpected("NotFound");

        var size = JsonBody.Get(body, "size") is { } given ? RequestValidation.SizeValue(given) : (int?)null;
        var project = Seed.ProjectById(request.ProjectId)!;
        var (refused, volume) = VolumeCreation.Create(state, project, request.Token.User.Id, snapshot, size,
            JsonBody.GetString(body, "display_name"), JsonBody.GetString(body, "display_description"),
            JsonBody.GetString(body, "availability_zone"), StringMap(JsonBody.Get(body, "metadata")));
        if (refused is not null) return Passed(refused);

        return Reply.Json(200, new JsonObject { ["volume"] = Views.Volume(volume!, [], state.VolumeMetadata.Of(volume!.Id)) })
            .WithHeader("Location", requestUrl.TrimEnd('/') + "/" + volume!.Id);
    }

    public Reply Delete(NovaRequest request)
    {
        if (request.Deny(Seed.MemberRole, Policy + "delete") is { } denied) return denied;
        var id = request.Route.Id!;
        var volume = state.Volumes.Get(request.ProjectId!, id);
        if (volume is null) return Faults.NotFound($"Volume {id} could not be found.");
        if (VolumeCreation.DeleteProblem(state, volume) is { } refused) return Passed(refused);
        state.Volumes.Delete(id, state.Settings.SnapshotDelayMs);
        return Reply.Empty(202);
    }

    // nova.volume.cinder: a BadRequest becomes InvalidInput (400, the client exception's text inside), OverLimit OverQuota
    // (the controller's 403 with block storage's message).
    private static Reply Passed(BlockStorageRefusal refused) => refused.Status switch
    {
        400 => Faults.BadRequest($"Invalid input received: {refused.Message} (HTTP 400) (Request-ID: req-{Guid.NewGuid():D})"),
        413 => Faults.Fault(403, refused.Message),
        _ => Faults.Fault(refused.Status, refused.Message),
    };

    private static Dictionary<string, string>? StringMap(JsonElement? metadata) =>
        metadata is { ValueKind: JsonValueKind.Object } m
            ? JsonBody.Members(m).ToDictionary(
                p => p.Key, p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText())
            : null;
}
