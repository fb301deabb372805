using System.Text.Json;
using System.Text.Json.Nodes;
using OpenStackSnapshot.Emulator.Http;
using OpenStackSnapshot.Emulator.Nova;
using OpenStackSnapshot.Emulator.State;

namespace OpenStackSnapshot.Emulator.Cinder;

/// <summary>
/// Cinder's v3 VolumeController over the volume store: list, detail and show (an admin may list all projects), create from
/// a snapshot, delete, and the revert action (3.40), each in Cinder's order of checks.
/// </summary>
internal sealed class VolumeController(State.EmulatorState state)
{
    private readonly ListResource<VolumeView> _listing = new()
    {
        Name = "volume",
        ConfiguredFilters =
        [
            "name", "status", "metadata", "bootable", "migration_status", "availability_zone", "group_id", "size", "created_at",
            "updated_at", "consumes_quota",
        ],
        LegacyFilters =
        [
            ("name", VolumeMicroversion.Min), ("status", VolumeMicroversion.Min), ("metadata", VolumeMicroversion.Min),
            ("availability_zone", VolumeMicroversion.Min), ("bootable", new(3, 2)), ("group_id", new(3, 10)),
        ],
        Columns = new Dictionary<string, Func<VolumeView, IComparable?>>
        {
            ["id"] = v => v.Id,
            ["created_at"] = v => v.CreatedAt,
            ["updated_at"] = v => v.UpdatedAt,
            ["display_name"] = v => v.Name,
            ["status"] = v => v.Status, // as stored: an attachment the test control added does not make it in-use here
            ["size"] = v => v.Size,
            ["project_id"] = v => v.ProjectId,
            ["availability_zone"] = _ => "nova",
            ["bootable"] = _ => false,
            ["migration_status"] = _ => null,
            ["group_id"] = _ => null,
            ["consumes_quota"] = _ => true,
        },
        // Cinder matches a pair in the user metadata or the admin metadata; the emulator keeps no admin metadata.
        Metadata = v => state.VolumeMetadata.Of(v.Id),
        Id = v => v.Id,
        NameSortSince = VolumeMicroversion.Min,
    };

    public Reply List(CinderRequest request, bool detail) => CinderListing.Answer(
        request, _listing, state.Settings.PageLimit, "volume:get_all", detail,
        allTenants => allTenants ? state.Volumes.ListAll() : state.Volumes.List(request.ProjectId!),
        v => detail
            ? CinderViews.VolumeDetail(request, v, state.Attachments.Of(v), state.VolumeMetadata.Of(v.Id))
            : CinderViews.VolumeSummary(request, v),
        NotFound);

    public Reply Show(CinderRequest request)
    {
        if (request.Deny(Seed.ReaderRole, "volume:get") is { } denied) return denied;
        var volume = Find(state, request);
        return volume is null
            ? NotFound(request.Route.Id!)
            : Reply.Json(200, new JsonObject
            {
                ["volume"] = CinderViews.VolumeDetail(request, volume, state.Attachments.Of(volume), state.VolumeMetadata.Of(volume.Id)),
            });
    }

    /// <summary>
    /// Schema (400), the volume type (404), the snapshot (404), policy (403), then the create flow's checks (snapshot status,
    /// size, zone: 400; quota: 413); 202 with the new volume, creating.
    /// </summary>
    public Reply Create(CinderRequest request)
    {
        if (request.Body is not { } body) return Faults.Fault(500, Faults.DefaultMessage(500));
        if (VolumeSchema.Create(body, request.AtLeast(3, 13)) is { } invalid) return Faults.BadRequest(invalid);

        var volume = JsonBody.Get(body, "volume")!.Value;
        if (VolumeCreation.TypeProblem(JsonBody.GetString(volume, "volume_type")) is { } noType)
            return Faults.Fault(noType.Status, noType.Message);
        var snapshotId = JsonBody.GetString(volume, "snapshot_id");
        SnapshotView? snapshot = null;
        if (snapshotId is not null)
        {
            snapshot = request.IsAdmin ? state.Snapshots.GetAny(snapshotId) : state.Snapshots.Get(request.ProjectId!, snapshotId);
            if (snapshot is null) return SnapshotController.NotFound(snapshotId);
        }

        if (request.Deny(Seed.MemberRole, "volume:create") is { } denied) return denied;
        // A volume only from a snapshot here, as the module makes them; an empty volume is not emulated.
        if (snapshot is null) return Faults.BadRequest(VolumeCreation.SnapshotRequired);

        var size = JsonBody.Get(volume, "size") is { ValueKind: not JsonValueKind.Null } given ? VolumeSchema.SizeValue(given) : (int?)null;
        var (refused, created) = VolumeCreation.Create(state, Seed.ProjectById(request.ProjectId)!, request.Token.User.Id, snapshot, size,
            JsonBody.GetString(volume, "name") ?? JsonBody.GetString(volume, "display_name"),
            JsonBody.GetString(volume, "description") ?? JsonBody.GetString(volume, "display_description"),
            JsonBody.GetString(volume, "availability_zone"), ReadMetadata(JsonBody.Get(volume, "metadata")));
        if (refused is not null) return Faults.Fault(refused.Status, refused.Message, refused.RetryAfter);
        var view = CinderViews.VolumeDetail(request, created!, [], state.VolumeMetadata.Of(created!.Id), tenantAttribute: false);
        return Reply.Json(202, new JsonObject { ["volume"] = view });
    }

    /// <summary>The volume (404), policy (403), then one refusal for attached, snapshots left or a status that may not go (400).</summary>
    public Reply Delete(CinderRequest request)
    {
        if (Find(state, request) is not { } volume) return NotFound(request.Route.Id!);
        if (request.Deny(Seed.MemberRole, "volume:delete") is { } denied) return denied;
        if (VolumeCreation.DeleteProblem(state, volume) is { } refused) return Faults.Fault(refused.Status, refused.Message);
        state.Volumes.Delete(volume.Id, state.Settings.SnapshotDelayMs);
        return Reply.Empty(202);
    }

    /// <summary>
    /// POST volumes/{id}/action. Only revert is emulated (from 3.40; below it the method does not exist: a bare 404). Its
    /// checks in Cinder's order: the body, the volume (404), its newest snapshot (400 when none, or not the one named), the
    /// sizes (400), policy (403), the volume available then the snapshot available (409). As in Cinder 21, the volume is
    /// set reverting before the snapshot is checked, and a snapshot refused then leaves it reverting.
    /// </summary>
    public Reply Action(CinderRequest request)
    {
        if (request.Body is not { ValueKind: JsonValueKind.Object } body || JsonBody.Members(body).Count != 1)
            return Faults.BadRequest("Malformed request body");
        var action = JsonBody.Members(body)[0];
        if (action.Key != "revert")
        {
            return Faults.BadRequest(
                $"There is no such action: {action.Key}. Verify the request body and Content-Type header and try again.");
        }

        if (!request.AtLeast(3, 40)) return Faults.NotFound();
        if (action.Value.ValueKind != JsonValueKind.Object) return Faults.BadRequest("Missing required element 'revert' in request body.");
        if (Find(state, request) is not { } volume) return NotFound(request.Route.Id!);

        var snapshotId = JsonBody.GetString(action.Value, "snapshot_id");
        var latest = state.Snapshots.OfVolume(volume.Id).FirstOrDefault();
        if (latest is null) return Faults.BadRequest($"Volume {volume.Id} doesn't have any snapshots.");
        if (snapshotId != latest.Id)
            return Faults.BadRequest($"Specified snapshot {snapshotId ?? "None"} is None or not the latest one of volume {volume.Id}.");
        if (volume.Size != latest.Size)
        {
            return Faults.BadRequest($"Can't revert volume {volume.Id} to its latest snapshot {snapshotId}. "
                + "The volume size must be equal to the snapshot size.");
        }

        if (request.Deny(Seed.MemberRole, "volume:revert_to_snapshot") is { } denied) return denied;
        var delay = state.Settings.SnapshotDelayMs;
        if (state.Attachments.Of(volume).Count > 0 || !state.Volumes.BeginRevert(volume.Id, delay))
        {
            return Faults.Fault(409, $"Invalid volume: Can't revert volume {volume.Id} to its latest snapshot {snapshotId}. "
                + "Volume's status must be 'available'.");
        }

        if (!state.Snapshots.BeginRestore(latest.Id, delay))
        {
            state.Volumes.ForceStatus(volume.Id, "reverting"); // nothing resets it: the revert was never cast to the backend
            return Faults.Fault(409, $"Invalid snapshot: Can't revert volume {volume.Id} to its latest snapshot {snapshotId}. "
                + "Snapshot's status must be 'available'.");
        }

        return Reply.Empty(202);
    }

    /// <summary>The volume the route names, as the request may see it (an admin: any project's; others: their own).</summary>
    public static VolumeView? Find(EmulatorState state, CinderRequest request) =>
        request.IsAdmin ? state.Volumes.GetAny(request.Route.Id!) : state.Volumes.Get(request.ProjectId!, request.Route.Id!);

    private static Dictionary<string, string>? ReadMetadata(JsonElement? metadata) =>
        metadata is { ValueKind: JsonValueKind.Object } m ? JsonBody.Members(m).ToDictionary(p => p.Key, p => p.Value.GetString()!) : null;

    public static Reply NotFound(string id) => Faults.NotFound($"Volume {id} could not be found.");
}
