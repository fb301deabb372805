using System.Text.Json.Nodes;
using OpenStackSnapshot.Emulator.Http;
using OpenStackSnapshot.Emulator.State;

namespace OpenStackSnapshot.Emulator.Nova;

/// <summary>
/// Nova's SnapshotController over the emulated block storage. Block-storage refusals reach the client the way
/// Nova lets them through: a 500 naming the Nova exception class.
/// </summary>
internal sealed class SnapshotEndpoints(EmulatorState state)
{
    private const string Policy = "os_compute_api:os-volumes:snapshots:";

    public Reply List(NovaRequest request, bool detail)
    {
        // The query schema runs before the policy check.
        if (RequestValidation.Paging(request.Query, state.Settings.PageLimit, out var offset, out var limit) is { } error)
        {
            return Faults.BadRequest(error);
        }

        if (request.Deny(Seed.ReaderRole, Policy + (detail ? "detail" : "list")) is { } denied) return denied;

        var page = state.Snapshots.List(request.ProjectId!).Skip(offset).Take(limit);
        var items = new JsonArray(page.Select(s => (JsonNode)Views.Snapshot(s)).ToArray());
        return Reply.Json(200, new JsonObject { ["snapshots"] = items });
    }

    public Reply Show(NovaRequest request)
    {
        if (request.Deny(Seed.ReaderRole, Policy + "show") is { } denied) return denied;
        var snapshot = state.Snapshots.Get(request.ProjectId!, request.Route.Id!);
        return snapshot is null
            ? NotFound(request.Route.Id!)
            : Reply.Json(200, new JsonObject { ["snapshot"] = Views.Snapshot(snapshot) });
    }

    public Reply Create(NovaRequest request)
    {
        // The body schema runs before the policy check, so a reader with a bad body gets 400, not 403.
        if (RequestValidation.SnapshotCreate(request.Body) is { } invalid) return Faults.BadRequest(invalid);
        if (request.Deny(Seed.MemberRole, Policy + "create") is { } denied) return denied;

        var body = JsonBody.Get(request.Body, "snapshot")!.Value;
        var volumeId = JsonBody.GetString(body, "volume_id")!;
        var name = JsonBody.GetString(body, "display_name");
        var description = JsonBody.GetString(body, "display_description");
        var force = JsonBody.Get(body, "force") is { } f && RequestValidation.ForceValue(f) == true;

        // Block storage's own request checks: a UUID volume id and names of at most 255 characters.
        if (!IsUuidLike(volumeId) || TooLong(name) || TooLong(description)) return Faults.Unexpected("InvalidInput");

        var volume = state.Volumes.Get(request.ProjectId!, volumeId);
        if (volume is null) return Faults.Unexpected("VolumeNotFound");

        // An attached volume needs force (attachments added by the test control count); any other state than available
        // or in-use is refused outright.
        var status = state.Attachments.StatusOf(volume);
        if (status != "available" && !(status == "in-use" && force)) return Faults.Unexpected("InvalidInput");

        var project = Seed.ProjectById(request.ProjectId)!;
        var (outcome, snapshot) = state.Snapshots.Create(
            project, state.Settings.SnapshotQuota ?? project.SnapshotQuota, volume, name, description, state.Settings.SnapshotDelayMs);
        if (outcome == CreateOutcome.QuotaExceeded) return Faults.Fault(403, "Quota exceeded for resources: snapshots");

        // Nova answers 200 (not 201/202) and no Location header.
        return Reply.Json(200, new JsonObject { ["snapshot"] = Views.Snapshot(snapshot!) });
    }

    public Reply Delete(NovaRequest request)
    {
        if (request.Deny(Seed.MemberRole, Policy + "delete") is { } denied) return denied;
        return state.Snapshots.Delete(request.ProjectId!, request.Route.Id!, state.Settings.SnapshotDelayMs) switch
        {
            DeleteOutcome.Accepted => Reply.Empty(202),
            DeleteOutcome.NotFound => NotFound(request.Route.Id!),
            // Block storage deletes only available or error snapshots; its 400 becomes Nova's 500.
            _ => Faults.Unexpected("InvalidInput"),
        };
    }

    private static Reply NotFound(string id) => Faults.NotFound($"Snapshot {id} could not be found.");

    // Python's len() counts code points, not UTF-16 units.
    private static bool TooLong(string? text) => text is not null && text.EnumerateRunes().Count() > 255;

    // oslo's is_uuid_like: 32 hex digits once "urn:", "uuid:", surrounding braces and dashes are removed.
    private static bool IsUuidLike(string text)
    {
        var bare = text.Replace("urn:", "", StringComparison.Ordinal).Replace("uuid:", "", StringComparison.Ordinal)
            .Trim('{', '}').Replace("-", "", StringComparison.Ordinal);
        return bare.Length == 32 && bare.All(char.IsAsciiHexDigit);
    }
}
