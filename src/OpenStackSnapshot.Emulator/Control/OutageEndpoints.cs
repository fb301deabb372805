using System.Globalization;
using System.Text.Json.Nodes;
using OpenStackSnapshot.Emulator.Http;
using static OpenStackSnapshot.Emulator.Control.ControlJson;

namespace OpenStackSnapshot.Emulator.Control;

/// <summary><c>/_emulator/outage</c>: start a dead cloud, show it (while it still answers), end it.</summary>
internal sealed class OutageEndpoints(OutageControl outage)
{
    /// <summary>Answers before a refusal starts: the port closes a few milliseconds after this reply.</summary>
    public Reply Start(byte[] body)
    {
        var json = Parse(body);
        var seconds = Number(json, "seconds") ?? throw new ArgumentException("seconds is required");
        if (seconds is not (> 0 and <= 3600)) throw new ArgumentException("seconds must be more than 0 and at most 3600");
        var (started, _) = outage.Start(ControlJson.Enum(json, "mode", OutageMode.Unavailable), TimeSpan.FromSeconds(seconds), RetryAfter(json));
        return Reply.Json(200, new JsonObject { ["outage"] = OutageJson(started) });
    }

    public Reply Show() => Reply.Json(200, new JsonObject { ["outage"] = outage.Current is { } current ? OutageJson(current) : null });

    private static JsonObject OutageJson(OutageInfo o) => new()
    {
        ["mode"] = CamelCase(o.Mode),
        ["seconds"] = o.Duration.TotalSeconds,
        ["retryAfter"] = o.RetryAfter,
        ["startedAt"] = Timestamp(o.StartedAt),
        ["endsAt"] = Timestamp(o.EndsAt),
    };

    private static string Timestamp(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
