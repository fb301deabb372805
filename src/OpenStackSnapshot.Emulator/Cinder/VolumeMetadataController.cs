using System.Text.Json.Nodes;
using OpenStackSnapshot.Emulator.Http;
using OpenStackSnapshot.Emulator.Nova;
using OpenStackSnapshot.Emulator.State;

namespace OpenStackSnapshot.Emulator.Cinder;

/// <summary>
/// Cinder's v3 volume_metadata controller (Zed: v3/volume_metadata.py over v2's) for the collection: GET, POST (merge)
/// and PUT (replace). In Cinder's order: the body schema (a missing body is the schema wrapper's KeyError, a 500), the
/// volume (404, before any policy), the policies (volume:get, then volume:create_volume_metadata for POST or
/// volume:update_volume_metadata for PUT), the volume's state (maintenance or uploading: 400), then the save. POST
/// answers the whole merged set, PUT the set given. The ETag of 3.15 and If-Match on PUT are not emulated.
/// </summary>
internal sealed class VolumeMetadataController(EmulatorState state)
{
    public Reply List(CinderRequest request)
    {
        if (VolumeController.Find(state, request) is not { } volume) return VolumeController.NotFound(request.Route.Id!);
        if ((request.Deny(Seed.ReaderRole, "volume:get") ?? request.Deny(Seed.ReaderRole, "volume:get_volume_metadata")) is { } denied)
            return denied;
        return Reply.Json(200, new JsonObject { ["metadata"] = CinderViews.Metadata(state.VolumeMetadata.Of(volume.Id)) });
    }

    public Reply Merge(CinderRequest request, bool replace)
    {
        if (request.Body is not { } body) return Faults.Fault(500, Faults.DefaultMessage(500));
        if (VolumeMetadataSchema.Create(body) is { } invalid) return Faults.BadRequest(invalid);
        if (VolumeController.Find(state, request) is not { } volume) return VolumeController.NotFound(request.Route.Id!);
        var rule = replace ? "volume:update_volume_metadata" : "volume:create_volume_metadata";
        if ((request.Deny(Seed.ReaderRole, "volume:get") ?? request.Deny(Seed.MemberRole, rule)) is { } denied) return denied;

        var status = state.Attachments.StatusOf(volume);
        if (status is "maintenance" or "uploading")
            return Faults.BadRequest($"Invalid volume: Updating volume metadata is not allowed for volumes in {status} status.");

        var given = JsonBody.Members(JsonBody.Get(body, "metadata")!.Value).ToDictionary(p => p.Key, p => p.Value.GetString()!);
        var saved = state.VolumeMetadata.Update(volume.Id, current => replace ? given : Merged(current, given));
        return Reply.Json(200, new JsonObject { ["metadata"] = CinderViews.Metadata(replace ? given : saved) });
    }

    private static Dictionary<string, string> Merged(IReadOnlyDictionary<string, string> current, Dictionary<string, string> pairs)
    {
        var result = new Dictionary<string, string>(current);
        foreach (var (key, value) in pairs) result[key] = value;
        return result;
    }
}
