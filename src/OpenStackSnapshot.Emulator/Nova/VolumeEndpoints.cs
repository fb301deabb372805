using System.Text.Json.Nodes;
using OpenStackSnapshot.Emulator.Http;
using OpenStackSnapshot.Emulator.State;

namespace OpenStackSnapshot.Emulator.Nova;

/// <summary>Nova's VolumeController reads (list, detail, show) over the seeded volumes of the token's project.</summary>
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

        var page = Seed.Volumes.Where(v => v.ProjectId == request.ProjectId).Skip(offset).Take(limit);
        var volumes = page.Select(v => (JsonNode)Views.Volume(v, state.Attachments.Of(v), state.VolumeMetadata.Of(v.Id))).ToArray();
        return Reply.Json(200, new JsonObject { ["volumes"] = new JsonArray(volumes) });
    }

    public Reply Show(NovaRequest request)
    {
        if (request.Deny(Seed.ReaderRole, Policy + "show") is { } denied) return denied;
        var id = request.Route.Id!;
        var volume = Seed.Volumes.FirstOrDefault(v => v.Id == id && v.ProjectId == request.ProjectId);
        return volume is null
            ? Faults.NotFound($"Volume {id} could not be found.")
            : Reply.Json(200, new JsonObject
            {
                ["volume"] = Views.Volume(volume, state.Attachments.Of(volume), state.VolumeMetadata.Of(volume.Id)),
            });
    }
}
