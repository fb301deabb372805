using System.Text.Json;
using System.Text.Json.Nodes;
using OpenStackSnapshot.Emulator.Http;
using OpenStackSnapshot.Emulator.Nova;
using OpenStackSnapshot.Emulator.State;

namespace OpenStackSnapshot.Emulator.Cinder;

/// <summary>
/// Cinder's snapshot_metadata controller: no JSON schema, only assert_valid_body and check_metadata_properties
/// (a key of 1-255 characters, a string value of at most 255; longer is 413). Metadata lives in the snapshot store.
/// </summary>
internal sealed class SnapshotMetadataController(EmulatorState state)
{
    public Reply List(CinderRequest request)
    {
        if (SnapshotController.Find(state, request) is not { } snapshot) return SnapshotController.NotFound(request.Route.Id!);
        if (request.Deny(Seed.ReaderRole, "volume:get_snapshot_metadata") is { } denied) return denied;
        return Reply.Json(200, new JsonObject { ["metadata"] = CinderViews.Metadata(snapshot.Metadata) });
    }

    /// <summary>POST merges into the snapshot's metadata, PUT replaces it; both answer the whole result.</summary>
    public Reply Merge(CinderRequest request, bool replace)
    {
        if (request.Body is null) return MissingBodyArgument();
        if (Element(request.Body, "metadata") is not { } given) return Faults.BadRequest("Missing required element 'metadata' in request body.");
        var (result, error) = Save(request, given, replace);
        return error ?? Reply.Json(200, new JsonObject { ["metadata"] = CinderViews.Metadata(result!) });
    }

    public Reply Show(CinderRequest request)
    {
        if (SnapshotController.Find(state, request) is not { } snapshot) return SnapshotController.NotFound(request.Route.Id!);
        if (request.Deny(Seed.ReaderRole, "volume:get_snapshot_metadata") is { } denied) return denied;
        var key = request.Route.Key!;
        return snapshot.Metadata.TryGetValue(key, out var value)
            ? Reply.Json(200, new JsonObject { ["meta"] = new JsonObject { [key] = value } })
            : KeyNotFound(snapshot.Id, key);
    }

    public Reply UpdateKey(CinderRequest request)
    {
        if (request.Body is null) return MissingBodyArgument();
        if (Element(request.Body, "meta") is not { } meta) return Faults.BadRequest("Missing required element 'meta' in request body.");
        var members = JsonBody.Members(meta);
        if (members.All(m => m.Key != request.Route.Key)) return Faults.BadRequest("Request body and URI mismatch");
        if (members.Count > 1) return Faults.BadRequest("Request body contains too many items");
        var (_, error) = Save(request, meta, replace: false);
        return error ?? Reply.Json(200, new JsonObject { ["meta"] = JsonNode.Parse(meta.GetRawText()) });
    }

    public Reply Delete(CinderRequest request)
    {
        if (SnapshotController.Find(state, request) is not { } snapshot) return SnapshotController.NotFound(request.Route.Id!);
        var key = request.Route.Key!;
        // Cinder asks the delete policy only once the key is found: the store refuses only a key it has.
        var denied = request.Deny(Seed.MemberRole, "volume:delete_snapshot_metadata");
        return state.Snapshots.RemoveMetadataKey(snapshot.Id, key, permitted: denied is null) switch
        {
            KeyRemoval.Removed => Reply.Empty(200),
            KeyRemoval.Refused => denied!,
            KeyRemoval.NoSuchKey => KeyNotFound(snapshot.Id, key),
            _ => SnapshotController.NotFound(snapshot.Id),
        };
    }

    // volume API update_snapshot_metadata: lookup (404), policy (403), then the merged or given set is checked and saved.
    private (IReadOnlyDictionary<string, string>? Metadata, Reply? Error) Save(CinderRequest request, JsonElement given, bool replace)
    {
        if (SnapshotController.Find(state, request) is not { } snapshot) return (null, SnapshotController.NotFound(request.Route.Id!));
        if (request.Deny(Seed.MemberRole, "volume:update_snapshot_metadata") is { } denied) return (null, denied);

        var pairs = new Dictionary<string, string>();
        foreach (var (key, value) in JsonBody.Members(given))
        {
            if (Problem(key, value) is { } problem) return (null, problem);
            pairs[key] = value.GetString()!;
        }

        // Keys kept from before were checked when they were set; only the given ones can be wrong.
        var saved = state.Snapshots.Update(snapshot.Id, default, default, current => replace ? pairs : Merged(current, pairs));
        return saved is null ? (null, SnapshotController.NotFound(snapshot.Id)) : (saved.Metadata, null);
    }

    private static Dictionary<string, string> Merged(IReadOnlyDictionary<string, string> current, Dictionary<string, string> pairs)
    {
        var result = new Dictionary<string, string>(current);
        foreach (var (key, value) in pairs) result[key] = value;
        return result;
    }

    // utils.check_metadata_properties, as the controller turns its errors into 400 / 413.
    private static Reply? Problem(string key, JsonElement value)
    {
        if (key.Length == 0)
            return Faults.BadRequest($"Invalid metadata: Invalid input received: Metadata key: {key} has 0 characters, less than 1.");
        if (value.ValueKind != JsonValueKind.String)
        {
            return Faults.BadRequest(
                $"Invalid metadata: Invalid input received: Value for metadata key: {key} is not a string or unicode");
        }
        if (key.EnumerateRunes().Count() > 255)
            return Faults.Fault(413, $"Invalid metadata size: Metadata property key {key} greater than 255 characters.");
        if (value.GetString()!.EnumerateRunes().Count() > 255)
            return Faults.Fault(413, $"Invalid metadata size: Metadata property key {key} value greater than 255 characters.");
        return null;
    }

    // assert_valid_body: the element must be there and be a dict.
    private static JsonElement? Element(JsonElement? body, string name) =>
        JsonBody.Get(body, name) is { ValueKind: JsonValueKind.Object } element ? element : null;

    // Without a body the controller method misses its body argument: a TypeError, which Cinder answers 400.
    private static Reply MissingBodyArgument() => Faults.BadRequest(Faults.DefaultMessage(400));

    private static Reply KeyNotFound(string snapshotId, string key) => Faults.NotFound($"Snapshot {snapshotId} has no metadata with key {key}.");
}
