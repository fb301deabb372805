using System.Text.Json.Nodes;
using OpenStackSnapshot.Emulator.Http;
using static OpenStackSnapshot.Emulator.Control.ControlJson;

namespace OpenStackSnapshot.Emulator.Control;

/// <summary><c>/_emulator/chaos</c>: turn chaos on with a spec and read what it did.</summary>
internal sealed class ChaosEndpoints(ChaosMode chaos)
{
    public Reply Start(byte[] body)
    {
        var json = Parse(body);
        chaos.Start(new ChaosSpec
        {
            Rate = Number(json, "rate") ?? throw new ArgumentException("rate (0 to 1) is required"),
            Seed = Int(json, "seed"),
            Kinds = Strings(json, "kinds")?.Select(k => EnumNamed<ChaosKind>(k, "kinds")).ToList(),
            Routes = Strings(json, "routes"),
            HeldBackMs = Int(json, "heldBackMs") ?? ChaosSpec.DefaultHeldBackMs,
            LatencyMs = Int(json, "latencyMs") ?? ChaosSpec.DefaultLatencyMs,
        });
        return Show();
    }

    public Reply Show() => Reply.Json(200, ReportJson(chaos.Report()));

    private static JsonObject ReportJson(ChaosReport r) => new()
    {
        ["active"] = r.Active,
        ["rate"] = r.Spec?.Rate,
        ["seed"] = r.Spec?.Seed,
        ["kinds"] = r.Spec is { } s ? new JsonArray(s.Kinds!.Select(k => (JsonNode)CamelCase(k)).ToArray()) : null,
        ["routes"] = r.Spec is { } t ? new JsonArray(t.Routes!.Select(k => (JsonNode)k).ToArray()) : null,
        ["heldBackMs"] = r.Spec?.HeldBackMs,
        ["latencyMs"] = r.Spec?.LatencyMs,
        ["requests"] = r.Requests,
        ["injected"] = PerKind(r.Injected),
        ["carriedOut"] = PerKind(r.CarriedOut),
        ["proxyPage502AfterProcessing"] = r.ProxyPage502AfterProcessing,
    };

    private static JsonObject PerKind(IReadOnlyDictionary<ChaosKind, int> counts)
    {
        var json = new JsonObject();
        foreach (var (kind, n) in counts) json[CamelCase(kind)] = n;
        return json;
    }
}
