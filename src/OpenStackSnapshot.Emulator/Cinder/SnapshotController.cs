using System.Text.Json;
using System.Text.Json.Nodes;
using OpenStackSnapshot.Emulator.Http;
using OpenStackSnapshot.Emulator.Nova;
using OpenStackSnapshot.Emulator.State;

namespace OpenStackSnapshot.Emulator.Cinder;

/// <summary>
/// Cinder's v3 SnapshotsController over the shared snapshot store, in Cinder's order of checks: body schema,
/// lookup (404), policy (403), state (400), quota (413). Policies as <see cref="EmulatorOptions.CinderNewPolicyDefaults"/> says.
/// </summary>
internal sealed class SnapshotController(EmulatorState state)
{
    public static readonly ListResource<SnapshotView> Listing = new()
    {
        Name = "snapshot",
        ConfiguredFilters = ["name", "status", "volume_id", "metadata", "availability_zone", "consumes_quota"],
        LegacyFilters =
        [
            ("status", VolumeMicroversion.Min), ("volume_id", VolumeMicroversion.Min), ("name", VolumeMicroversion.Min),
            ("metadata", new(3, 22)),
        ],
        Columns = new Dictionary<string, Func<SnapshotView, IComparable?>>
        {
            ["id"] = s => s.Id,
            ["created_at"] = s => s.CreatedAt,
            ["updated_at"] = s => s.UpdatedAt,
            ["display_name"] = s => s.Name,
            ["display_description"] = s => s.Description,
            ["status"] = s => s.Status,
            ["volume_id"] = s => s.VolumeId,
            ["project_id"] = s => s.ProjectId,
            ["user_id"] = s => s.UserId,
            ["volume_size"] = s => s.Size,
            ["progress"] = s => s.Progress,
            ["availability_zone"] = _ => "nova",
            ["consumes_quota"] = _ => true,
        },
        Metadata = s => s.Metadata,
        Id = s => s.Id,
        NameSortSince = new(3, 30),
    };

    public Reply List(CinderRequest request, bool detail) => CinderListing.Answer(
        request, Listing, state.Settings.PageLimit, "volume:get_all_snapshots", detail,
        allTenants => allTenants ? state.Snapshots.ListAll() : state.Snapshots.List(request.ProjectId!),
        s => detail ? CinderViews.WithExtendedAttributes(CinderViews.SnapshotDetail(request, s), s) : CinderViews.SnapshotSummary(s),
        NotFound);

    public Reply Show(CinderRequest request)
    {
        if (request.Deny(Seed.ReaderRole, "volume:get_snapshot") is { } denied) return denied;
        return Find(state, request) is { } s
            ? Reply.Json(200, new JsonObject { ["snapshot"] = CinderViews.WithExtendedAttributes(CinderViews.SnapshotDetail(request, s), s) })
            : NotFound(request.Route.Id!);
    }

    public Reply Create(CinderRequest request)
    {
        // The schema wrapper reads kwargs['body']: without a body that is a KeyError, Cinder's 500.
        if (request.Body is not { } body) return Faults.Fault(500, Faults.DefaultMessage(500));
        if (SnapshotSchema.Create(body) is { } invalid) return Faults.BadRequest(invalid);

        var snapshot = JsonBody.Get(body, "snapshot")!.Value;
        var volumeId = JsonBody.GetString(snapshot, "volume_id");
        var volume = volumeId is null ? null : request.IsAdmin ? state.Volumes.GetAny(volumeId) : state.Volumes.Get(request.ProjectId!, volumeId);
        if (volume is null) return Faults.NotFound($"Volume {volumeId ?? "None"} could not be found.");

        var force = JsonBody.Get(snapshot, "force") is { ValueKind: not JsonValueKind.Null } flag ? SnapshotSchema.ForceValue(flag) : (bool?)null;
        if (force == false && request.Version >= VolumeMicroversion.SnapshotInUse)
        {
            return Faults.BadRequest(
                $"Since microversion {VolumeMicroversion.SnapshotInUse} the 'force' flag is invalid for this request.  "
                + "For backward compatability, however, when the 'force' flag is passed with a value evaluating to True, "
                + "it is silently ignored.");
        }

        if (request.Deny(Seed.MemberRole, "volume:create_snapshot") is { } denied) return denied;

        var inUseAllowed = force == true || request.Version >= VolumeMicroversion.SnapshotInUse;
        var allowed = inUseAllowed ? "available, in-use" : "available";
        var status = state.Attachments.StatusOf(volume); // attachments added by the test control count, as on the Nova side
        if (status != "available" && !(inUseAllowed && status == "in-use"))
        {
            return Faults.BadRequest($"Invalid volume: Volume {volume.Id} status must be {allowed}, but current status is: {status}.");
        }

        // "name" wins over "display_name"; both are stripped, as validate_name_and_description does.
        var name = (JsonBody.GetString(snapshot, "name") ?? JsonBody.GetString(snapshot, "display_name"))?.Trim();
        var description = JsonBody.GetString(snapshot, "description")?.Trim();
        var metadata = ReadMetadata(JsonBody.Get(snapshot, "metadata"));
        var project = Seed.ProjectById(request.ProjectId)!;
        var (outcome, created) = state.Snapshots.Create(project, state.Settings.SnapshotQuota ?? project.SnapshotQuota, volume, name, description,
            state.Settings.SnapshotDelayMs, metadata, request.Token.User.Id);
        if (outcome == CreateOutcome.QuotaExceeded) return QuotaExceeded(state.Settings.SnapshotQuota ?? project.SnapshotQuota);

        return Reply.Json(202, new JsonObject { ["snapshot"] = CinderViews.SnapshotDetail(request, created!) });
    }

    public Reply Update(CinderRequest request)
    {
        if (request.Body is not { } body) return Faults.Fault(500, Faults.DefaultMessage(500));
        if (SnapshotSchema.Update(body) is { } invalid) return Faults.BadRequest(invalid);
        if (Find(state, request) is not { } current) return NotFound(request.Route.Id!);
        if (request.Deny(Seed.MemberRole, "volume:update_snapshot") is { } denied) return denied;

        var snapshot = JsonBody.Get(body, "snapshot")!.Value;
        var updated = state.Snapshots.Update(
            current.Id, Text(snapshot, "name", "display_name"), Text(snapshot, "description", "display_description"), null);
        // The answer is rendered from the object read before the save, so it shows the previous updated_at.
        return updated is null
            ? NotFound(current.Id)
            : Reply.Json(200, new JsonObject { ["snapshot"] = CinderViews.SnapshotDetail(request, updated with { UpdatedAt = current.UpdatedAt }) });
    }

    public Reply Delete(CinderRequest request)
    {
        if (Find(state, request) is not { } snapshot) return NotFound(request.Route.Id!);
        if (request.Deny(Seed.MemberRole, "volume:delete_snapshot") is { } denied) return denied;
        return state.Snapshots.Delete(snapshot.ProjectId, snapshot.Id, state.Settings.SnapshotDelayMs) switch
        {
            DeleteOutcome.Accepted => Reply.Empty(202),
            DeleteOutcome.NotFound => NotFound(snapshot.Id),
            _ => Faults.BadRequest("Invalid snapshot: Snapshot status must be available or error and must not be part of a group."),
        };
    }

    /// <summary>The snapshot the caller may see: its own project's, or any for an admin.</summary>
    /// <summary>The snapshot the route names, as the request may see it (an admin: any project's).</summary>
    public static SnapshotView? Find(EmulatorState state, CinderRequest request) =>
        request.IsAdmin ? state.Snapshots.GetAny(request.Route.Id!) : state.Snapshots.Get(request.ProjectId!, request.Route.Id!);

    public static Reply NotFound(string id) => Faults.NotFound($"Snapshot {id} could not be found.");

    // QuotaError is "safe": the fault middleware shows its class name, and its Retry-After of 0.
    private static Reply QuotaExceeded(int allowed) =>
        Faults.Fault(413, $"SnapshotLimitExceeded: Maximum number of snapshots allowed ({allowed}) exceeded", retryAfter: "0");

    // The later of "name" and "display_name" in Cinder's handling: "name" replaces "display_name" when both are given.
    private static Optional<string?> Text(JsonElement snapshot, string name, string legacyName)
    {
        foreach (var key in new[] { name, legacyName })
        {
            if (JsonBody.Get(snapshot, key) is { } value)
                return Optional<string?>.Of(value.ValueKind == JsonValueKind.String ? value.GetString()!.Trim() : null);
        }

        return Optional<string?>.Absent;
    }

    private static Dictionary<string, string>? ReadMetadata(JsonElement? metadata) =>
        metadata is { ValueKind: JsonValueKind.Object } m ? JsonBody.Members(m).ToDictionary(p => p.Key, p => p.Value.GetString()!) : null;
}
