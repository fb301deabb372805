using System.Text.Json;
using System.Text.Json.Nodes;
using OpenStackSnapshot.Emulator.Http;
using OpenStackSnapshot.Emulator.Nova;
using OpenStackSnapshot.Emulator.State;
using static OpenStackSnapshot.Emulator.Control.ControlJson;

namespace OpenStackSnapshot.Emulator.Control;

/// <summary>
/// The test-only API under <c>{base}_emulator/</c> (README "Test controls"); no token. Its own errors are
/// <c>{"error": "..."}</c>, deliberately unlike any OpenStack body.
/// </summary>
internal sealed class ControlEndpoints(EmulatorState state)
{
    private readonly OutageEndpoints _outage = new(state.Outage);
    private readonly ChaosEndpoints _chaos = new(state.Chaos);

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
                ("POST", "outage") => _outage.Start(body),
                ("GET", "outage") => _outage.Show(),
                ("DELETE", "outage") => Done(() => _ = state.Outage.EndAsync()),
                ("POST", "chaos") => _chaos.Start(body),
                ("GET", "chaos") => _chaos.Show(),
                ("DELETE", "chaos") => Done(state.Chaos.Stop),
                ("POST", _) when segments is ["snapshots", var id, "status"] => ForceStatus(id, body),
                ("POST", _) when segments is ["snapshots", var id, "createdAt"] => SetCreatedAt(id, body),
                ("POST", _) when segments is ["volumes", var id, "attachments"] => Attach(id, body),
                ("POST", _) when segments is ["volumes", var id, "status"] => ForceVolumeStatus(id, body),
                ("POST", _) when segments is ["volumes", var id, "size"] => SetVolumeSize(id, body),
                ("POST", "volume-failures") => FailVolumes(body),
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
        var queued = state.Faults.Add(new FaultSpec
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
            RetryAfter = RetryAfter(json),
            DelayMs = Int(json, "delayMs") ?? 0,
            Drop = Flag(json, "drop"),
            AfterProcessing = Flag(json, "afterProcessing"),
            Truncate = ControlJson.Enum(json, "truncate", Truncation.None),
            ProxyPage = Flag(json, "proxyPage"),
        });
        return Reply.Json(200, new JsonObject { ["queued"] = FaultJson(queued) });
    }

    private Reply UpdateSettings(byte[] body)
    {
        var json = Parse(body);
        var settings = state.UpdateSettings(
            Int(json, "pageLimit"), Int(json, "snapshotDelayMs"), Int(json, "tokenTtlSeconds"), Int(json, "snapshotQuota"));
        return Reply.Json(200, SettingsJson(settings));
    }

    private Reply ForceStatus(string id, byte[] body)
    {
        var status = JsonBody.GetString(Parse(body), "status");
        if (string.IsNullOrEmpty(status)) return Error(400, "status (a non-empty string) is required");
        return Snapshot(id, state.Snapshots.ForceStatus(id, status));
    }

    private Reply SetCreatedAt(string id, byte[] body)
    {
        var text = JsonBody.GetString(Parse(body), "createdAt");
        if (string.IsNullOrEmpty(text)) return Error(400, "createdAt (an ISO 8601 time; UTC when it has no zone) is required");
        var createdAt = DateTimeOffset.Parse(
            text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal);
        return Snapshot(id, state.Snapshots.SetCreatedAt(id, createdAt));
    }

    private Reply Attach(string volumeId, byte[] body)
    {
        var json = Parse(body);
        var serverId = JsonBody.GetString(json, "serverId");
        if (string.IsNullOrEmpty(serverId)) return Error(400, "serverId (a non-empty string) is required");
        if (state.Volumes.GetAny(volumeId) is null) return Error(404, $"no volume {volumeId}");
        state.Attachments.Attach(volumeId, serverId, ControlJson.String(json, "device"));
        return Reply.Empty(204);
    }

    private Reply ForceVolumeStatus(string id, byte[] body)
    {
        var status = JsonBody.GetString(Parse(body), "status");
        if (string.IsNullOrEmpty(status)) return Error(400, "status (a non-empty string) is required");
        return Volume(id, state.Volumes.ForceStatus(id, status));
    }

    private Reply SetVolumeSize(string id, byte[] body)
    {
        var size = Int(Parse(body), "size");
        if (size is not > 0) return Error(400, "size (a whole number of GiB, at least 1) is required");
        return Volume(id, state.Volumes.SetSize(id, size.Value));
    }

    // The next `count` volume creates (or reverts) go to error in the backend, each leaving this user message.
    private Reply FailVolumes(byte[] body)
    {
        var json = Parse(body);
        var step = ControlJson.Enum(json, "on", VolumeFailureStep.Create);
        var message = JsonBody.GetString(json, "message") ?? "schedule allocate volume:Could not find any available weighted backend.";
        var count = Int(json, "count") ?? 1;
        if (count < 1) return Error(400, "count must be at least 1");
        state.Volumes.FailNext(step, message, count);
        return Reply.Empty(204);
    }

    private Reply Volume(string id, VolumeView? volume) =>
        volume is null
            ? Error(404, $"no volume {id}")
            : Reply.Json(200, new JsonObject { ["volume"] = Views.Volume(volume, state.Attachments.Of(volume), state.VolumeMetadata.Of(id)) });

    private static Reply Snapshot(string id, SnapshotView? snapshot) =>
        snapshot is null ? Error(404, $"no snapshot {id}") : Reply.Json(200, new JsonObject { ["snapshot"] = Views.Snapshot(snapshot) });

    private JsonArray FaultsJson() => new(state.Faults.PendingFaults().Select(f => (JsonNode)FaultJson(f)).ToArray());

    // Every route key, then the requests answered during outages.
    private JsonObject CountsJson()
    {
        var counts = new JsonObject();
        foreach (var (key, count) in state.Counters.Snapshot()) counts[key] = count;
        counts[RouteKeys.Outage] = state.Counters.Get(RouteKeys.Outage);
        return counts;
    }

    internal static JsonObject SettingsJson(EmulatorSettings s) => new()
    {
        ["pageLimit"] = s.PageLimit,
        ["snapshotDelayMs"] = s.SnapshotDelayMs,
        ["tokenTtlSeconds"] = s.TokenTtlSeconds,
        ["snapshotQuota"] = s.SnapshotQuota,
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
        ["afterProcessing"] = f.AfterProcessing,
        ["truncate"] = f.Truncate == Truncation.None ? null : CamelCase(f.Truncate),
        ["proxyPage"] = f.ProxyPage,
    };
}
