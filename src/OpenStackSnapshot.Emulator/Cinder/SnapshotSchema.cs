using System.Text.Json;
using System.Text.RegularExpressions;
using OpenStackSnapshot.Emulator.Http;
using static OpenStackSnapshot.Emulator.Nova.RequestValidation;

namespace OpenStackSnapshot.Emulator.Cinder;

/// <summary>
/// Cinder's schemas/snapshots.py create and update, with its messages: the first jsonschema error in schema
/// order, "Invalid input for field/attribute {name}. Value: {str}. {message}", top-level errors bare.
/// </summary>
internal static partial class SnapshotSchema
{
    // parameter_types.boolean: Cinder's spellings (Nova's plus y/t/n/f), in the order of its enum.
    private static readonly object[] BooleanEnum =
    [
        true, "True", "TRUE", "true", "1", "ON", "On", "on", "YES", "Yes", "yes", "y", "t",
        false, "False", "FALSE", "false", "0", "OFF", "Off", "off", "NO", "No", "no", "n", "f",
    ];

    private static readonly string[] CreateProperties = ["name", "display_name", "description", "volume_id", "force", "metadata"];
    private static readonly string[] UpdateProperties = ["name", "description", "display_name", "display_description"];

    public static string? Create(JsonElement body) => Envelope(body, CreateSnapshot);

    public static string? Update(JsonElement body) => Envelope(body, UpdateSnapshot);

    /// <summary>The boolean a valid <c>force</c> stands for (strutils.bool_from_string, strict).</summary>
    public static bool ForceValue(JsonElement value) => value.ValueKind == JsonValueKind.True ||
        (value.ValueKind == JsonValueKind.String && Array.IndexOf(BooleanEnum, value.GetString()!) is >= 0 and < 13);

    private static string? Envelope(JsonElement body, Func<JsonElement, string?> snapshot)
    {
        if (body.ValueKind != JsonValueKind.Object) return $"{PythonRepr.Repr(body)} is not of type 'object'";
        var members = JsonBody.Members(body);
        if (JsonBody.TryGet(members, "snapshot", out var inner) && snapshot(inner) is { } problem) return problem;
        if (!JsonBody.TryGet(members, "snapshot", out _)) return "'snapshot' is a required property";
        return Additional(members, ["snapshot", "type"]);
    }

    private static string? CreateSnapshot(JsonElement snapshot)
    {
        if (snapshot.ValueKind != JsonValueKind.Object) return NotObject(snapshot);
        var members = JsonBody.Members(snapshot);
        foreach (var name in CreateProperties)
        {
            if (!JsonBody.TryGet(members, name, out var value)) continue;
            var problem = name switch
            {
                "volume_id" => UuidOrNull(value),
                "force" => Boolean(value),
                "metadata" => MetadataProblem(value),
                _ => ShortText(value),
            };
            if (problem is not null) return name == "metadata" ? problem : Field(name, value, problem);
        }

        if (!JsonBody.TryGet(members, "volume_id", out _)) return Field("snapshot", snapshot, "'volume_id' is a required property");
        return Additional(members, CreateProperties) is { } extra ? Field("snapshot", snapshot, extra) : null;
    }

    private static string? UpdateSnapshot(JsonElement snapshot)
    {
        if (snapshot.ValueKind != JsonValueKind.Object) return NotObject(snapshot);
        var members = JsonBody.Members(snapshot);
        foreach (var name in UpdateProperties)
        {
            if (JsonBody.TryGet(members, name, out var value) && ShortText(value) is { } problem) return Field(name, value, problem);
        }

        if (Additional(members, UpdateProperties) is { } extra) return Field("snapshot", snapshot, extra);
        return members.Any(m => UpdateProperties.Contains(m.Key))
            ? null
            : Field("snapshot", snapshot, $"{PythonRepr.Repr(snapshot)} is not valid under any of the given schemas");
    }

    private static string NotObject(JsonElement snapshot) => Field("snapshot", snapshot, $"{PythonRepr.Repr(snapshot)} is not of type 'object'");

    // name and description: a string or null of at most 255 characters (Python counts code points).
    private static string? ShortText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.String when value.GetString()!.EnumerateRunes().Count() > 255 => $"{PythonRepr.Repr(value)} is too long",
        JsonValueKind.String => null,
        _ => $"{PythonRepr.Repr(value)} is not of type 'string', 'null'",
    };

    internal static string? UuidOrNull(JsonElement value) =>
        value.ValueKind == JsonValueKind.Null || (value.ValueKind == JsonValueKind.String && Guid.TryParse(value.GetString(), out _))
            ? null
            : $"{PythonRepr.Repr(value)} is not valid under any of the given schemas";

    private static string? Boolean(JsonElement value)
    {
        if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False or JsonValueKind.String))
            return $"{PythonRepr.Repr(value)} is not of type 'boolean', 'string'";
        if (value.ValueKind == JsonValueKind.String && Array.IndexOf(BooleanEnum, value.GetString()!) < 0)
        {
            var allowed = BooleanEnum.Select(e => e is bool b ? (b ? "True" : "False") : PythonRepr.ReprString((string)e));
            return $"{PythonRepr.Repr(value)} is not one of [{string.Join(", ", allowed)}]";
        }

        return null;
    }

    // metadata_allows_null: keys match ^[a-zA-Z0-9-_:. /]{1,255}$ (others are "additional"), values strings of at most 255.
    internal static string? MetadataProblem(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind != JsonValueKind.Object) return Field("metadata", value, $"{PythonRepr.Repr(value)} is not of type 'object', 'null'");
        var members = JsonBody.Members(value);
        foreach (var (key, item) in members.Where(m => MetadataKey().IsMatch(m.Key)))
        {
            if (item.ValueKind != JsonValueKind.String) return Field(key, item, $"{PythonRepr.Repr(item)} is not of type 'string'");
            if (item.GetString()!.EnumerateRunes().Count() > 255) return Field(key, item, $"{PythonRepr.Repr(item)} is too long");
        }

        // With patternProperties, jsonschema names the keys no pattern matched, sorted, instead of "additional" ones.
        var extras = members.Select(m => m.Key).Where(k => !MetadataKey().IsMatch(k)).Order(StringComparer.Ordinal).ToList();
        if (extras.Count == 0) return null;
        var names = string.Join(", ", extras.Select(PythonRepr.ReprString));
        return Field(
            "metadata", value,
            $"{names} {(extras.Count == 1 ? "does" : "do")} not match any of the regexes: '^[a-zA-Z0-9-_:. /]{{1,255}}$'");
    }

    [GeneratedRegex(@"^[a-zA-Z0-9\-_:. /]{1,255}$", RegexOptions.CultureInvariant)]
    private static partial Regex MetadataKey();
}
