using System.Text.Json;
using System.Text.Json.Nodes;
using OpenStackSnapshot.Emulator.Http;
using OpenStackSnapshot.Emulator.Nova;
using OpenStackSnapshot.Emulator.State;

namespace OpenStackSnapshot.Emulator.Control;

/// <summary>
/// The test-only API under <c>{base}_emulator/</c> (README "Test controls"); no token. Its own errors are
/// <c>{"error": "..."}</c>, deliberately unlike any OpenStack body.
/// </summary>
internal sealed class ControlEndpoints(EmulatorState state)
{
    public Reply Handle(string method, IReadOnlyList<string> segments, byte[] body)
    {
        var path = string.Join('/', segments);
        try
        {
            return (method, path) switch
            {
                ("POST", "faults") => AddFault(body),
                ("GET", "faults") => Reply.Json(200, new JsonObject { ["faults"] = FaultsJson() }),
                ("DELETE", "faults") => Done(state.Faults.Clear),
                ("GET", "requests") => Reply.Json(200, CountsJson()),
                ("POST", "reset") => Done(state.Reset),
                ("GET", "settings") => Reply.Json(200, SettingsJson(state.Settings)),
                ("PUT", "settings") => UpdateSettings(body),
                ("POST", _) when segments is ["snapshots", var id, "status"] => ForceStatus(id, body),
                _ => Error(404, $"no control {method} /_emulator/{path}"),
            };
        }
        catch (Exception e) when (e is ArgumentException or JsonException or InvalidOperationException or FormatException)
        {
            return Error(400, e.Message);
        }
    }

    private static Reply Done(Action action)
    {
        action();
        return Reply.Empty(204);
    }

    private Reply AddFault(byte[] body)
    {
        var json = Parse(body);
        var spec = new FaultSpec
        {
            Route = JsonBody.GetString(json, "route") ?? throw new ArgumentException("route is required"),
            Count = Int(json, "count") ?? 1,
            Status = Int(json, "status") ?? 0,
            Body = JsonBody.Get(json, "body") switch
            {
                null or { ValueKind: JsonValueKind.Null } => null,
                { ValueKind: JsonValueKind.String } s => s.GetString(),
                { } other => other.GetRawText(),
            },
            ContentType = JsonBody.GetString(json, "contentType"),
            RetryAfter = JsonBody.Get(json, "retryAfter") is { ValueKind: JsonValueKind.Number } n ? n.GetRawText() : JsonBody.GetString(json, "retryAfter"),
            DelayMs = Int(json, "delayMs") ?? 0,
            Drop = JsonBody.Get(json, "drop") is { ValueKind: JsonValueKind.True },
            AfterProcessing = JsonBody.Get(json, "afterProcessing") is { ValueKind: JsonValueKind.True },
        };
        state.Faults.Add(spec);
        return Reply.Json(200, new JsonObject { ["queued"] = FaultJson(spec) });
    }

    private Reply UpdateSettings(byte[] body)
    {
        var json = Parse(body);
        var settings = state.UpdateSettings(Int(json, "pageLimit"), Int(json, "snapshotDelayMs"), Int(json, "tokenTtlSeconds"));
        return Reply.Json(200, SettingsJson(settings));
    }

    private Reply ForceStatus(string id, byte[] body)
    {
        var status = JsonBody.GetString(Parse(body), "status");
        if (string.IsNullOrEmpty(status)) return Error(400, "status (a non-empty string) is required");
        var snapshot = state.Snapshots.ForceStatus(id, status);
        return snapshot is null
            ? Error(404, $"no snapshot {id}")
            : Reply.Json(200, new JsonObject { ["snapshot"] = Views.Snapshot(snapshot) });
    }

    private JsonArray FaultsJson() => new(state.Faults.PendingFaults().Select(f => (JsonNode)FaultJson(f)).ToArray());

    private JsonObject CountsJson()
    {
        var counts = new JsonObject();
        foreach (var (key, count) in state.Counters.Snapshot()) counts[key] = count;
        return counts;
    }

    internal static JsonObject SettingsJson(EmulatorSettings s) => new()
    {
        ["pageLimit"] = s.PageLimit,
        ["snapshotDelayMs"] = s.SnapshotDelayMs,
        ["tokenTtlSeconds"] = s.TokenTtlSeconds,
    };

    private static JsonObject FaultJson(FaultSpec f) => new()
    {
        ["route"] = f.Route,
        ["count"] = f.Count,
        ["status"] = f.Status,
        ["body"] = f.Body,
        ["contentType"] = f.ContentType,
        ["retryAfter"] = f.RetryAfter,
        ["delayMs"] = f.DelayMs,
        ["drop"] = f.Drop,
    };

    private static JsonElement Parse(byte[] body) =>
        JsonBody.TryParse(body) is { ValueKind: JsonValueKind.Object } json ? json : throw new ArgumentException("the body must be a JSON object");

    private static int? Int(JsonElement json, string name) => JsonBody.Get(json, name) switch
    {
        null or { ValueKind: JsonValueKind.Null } => null,
        { ValueKind: JsonValueKind.Number } n when n.TryGetInt32(out var i) => i,
        _ => throw new ArgumentException($"{name} must be an integer"),
    };

    private static Reply Error(int status, string message) => Reply.Json(status, new JsonObject { ["error"] = message });
}
