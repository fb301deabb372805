using System.Text.Json;
using System.Text.Json.Nodes;
using OpenStackSnapshot.Emulator.Http;

namespace OpenStackSnapshot.Emulator.Control;

/// <summary>Reading control bodies: each helper throws ArgumentException, which the controls answer with 400.</summary>
internal static class ControlJson
{
    public static JsonElement Parse(byte[] body) =>
        JsonBody.TryParse(body) is { ValueKind: JsonValueKind.Object } json ? json : throw new ArgumentException("the body must be a JSON object");

    public static int? Int(JsonElement json, string name) => JsonBody.Get(json, name) switch
    {
        null or { ValueKind: JsonValueKind.Null } => null,
        { ValueKind: JsonValueKind.Number } n when n.TryGetInt32(out var i) => i,
        _ => throw new ArgumentException($"{name} must be an integer"),
    };

    public static double? Number(JsonElement json, string name) => JsonBody.Get(json, name) switch
    {
        null or { ValueKind: JsonValueKind.Null } => null,
        { ValueKind: JsonValueKind.Number } n => n.GetDouble(),
        _ => throw new ArgumentException($"{name} must be a number"),
    };

    public static bool Flag(JsonElement json, string name) => JsonBody.Get(json, name) is { ValueKind: JsonValueKind.True };

    public static string? String(JsonElement json, string name) => JsonBody.Get(json, name) switch
    {
        null or { ValueKind: JsonValueKind.Null } => null,
        { ValueKind: JsonValueKind.String } s => s.GetString(),
        _ => throw new ArgumentException($"{name} must be a string"),
    };

    /// <summary>Retry-After as given: a string, or a number sent as its JSON text ("retryAfter": 1 is "1").</summary>
    public static string? RetryAfter(JsonElement json) =>
        JsonBody.Get(json, "retryAfter") is { ValueKind: JsonValueKind.Number } n ? n.GetRawText() : JsonBody.GetString(json, "retryAfter");

    /// <summary>An array of strings, or null when absent.</summary>
    public static IReadOnlyList<string>? Strings(JsonElement json, string name) => JsonBody.Get(json, name) switch
    {
        null or { ValueKind: JsonValueKind.Null } => null,
        { ValueKind: JsonValueKind.Array } a when a.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String) =>
            a.EnumerateArray().Select(e => e.GetString()!).ToList(),
        _ => throw new ArgumentException($"{name} must be an array of strings"),
    };

    /// <summary>A member given by its camel-case name, or <paramref name="fallback"/> when absent.</summary>
    public static T Enum<T>(JsonElement json, string name, T fallback) where T : struct, System.Enum =>
        String(json, name) is { } text ? EnumNamed<T>(text, name) : fallback;

    public static T EnumNamed<T>(string text, string name) where T : struct, System.Enum
    {
        foreach (var value in System.Enum.GetValues<T>())
        {
            if (CamelCase(value) == text) return value;
        }

        throw new ArgumentException($"{name}: '{text}' is none of {string.Join(", ", System.Enum.GetValues<T>().Select(v => CamelCase(v)))}");
    }

    /// <summary>The wire name of an enum member: "Refuse" is "refuse", "ResetAfter" is "resetAfter".</summary>
    public static string CamelCase<T>(T value) where T : struct, System.Enum
    {
        var name = value.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }

    public static Reply Error(int status, string message) => Reply.Json(status, new JsonObject { ["error"] = message });
}
