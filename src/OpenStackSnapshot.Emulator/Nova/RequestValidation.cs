using System.Text.Json;
using System.Text.RegularExpressions;
using OpenStackSnapshot.Emulator.Http;

namespace OpenStackSnapshot.Emulator.Nova;

/// <summary>
/// Nova's JSON-schema checks for these routes, with its message formats: the first jsonschema error in schema
/// order, shown as "Invalid input for field/attribute {name}. Value: {str}. {message}" (body) or
/// "Invalid input for query parameters {name}. Value: {str}. {message}" (query); top-level errors bare.
/// </summary>
internal static partial class RequestValidation
{
    // parameter_types.boolean: Nova's accepted spellings, printed in the order of its enum.
    private static readonly object[] BooleanEnum =
    [
        true, "True", "TRUE", "true", "1", "ON", "On", "on", "YES", "Yes", "yes",
        false, "False", "FALSE", "false", "0", "OFF", "Off", "off", "NO", "No", "no",
    ];

    private static readonly string[] SnapshotProperties = ["volume_id", "force", "display_name", "display_description"];

    /// <summary>volumes.snapshot_create; <paramref name="body"/> is null when the request had none.</summary>
    public static string? SnapshotCreate(JsonElement? body)
    {
        if (body is not { ValueKind: JsonValueKind.Object } root) return $"{PythonRepr.Repr(body)} is not of type 'object'";

        var members = JsonBody.Members(root);
        if (JsonBody.TryGet(members, "snapshot", out var snapshot) && SnapshotObject(snapshot) is { } inner) return inner;
        if (!JsonBody.TryGet(members, "snapshot", out _)) return "'snapshot' is a required property";
        return Additional(members, ["snapshot"]) is { } extra ? extra : null;
    }

    private static string? SnapshotObject(JsonElement snapshot)
    {
        if (snapshot.ValueKind != JsonValueKind.Object) return Field("snapshot", snapshot, $"{PythonRepr.Repr(snapshot)} is not of type 'object'");

        var members = JsonBody.Members(snapshot);
        foreach (var name in SnapshotProperties)
        {
            if (!JsonBody.TryGet(members, name, out var value)) continue;
            var problem = name == "force" ? ForceProblem(value) : StringProblem(value);
            if (problem is not null) return Field(name, value, problem);
        }

        if (!JsonBody.TryGet(members, "volume_id", out _)) return Field("snapshot", snapshot, "'volume_id' is a required property");
        return Additional(members, SnapshotProperties) is { } extra ? Field("snapshot", snapshot, extra) : null;
    }

    private static string? StringProblem(JsonElement value) =>
        value.ValueKind == JsonValueKind.String ? null : $"{PythonRepr.Repr(value)} is not of type 'string'";

    private static string? ForceProblem(JsonElement value)
    {
        if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False or JsonValueKind.String))
        {
            return $"{PythonRepr.Repr(value)} is not of type 'boolean', 'string'";
        }

        return ForceValue(value) is null
            ? $"{PythonRepr.Repr(value)} is not one of [{string.Join(", ", BooleanEnum.Select(EnumRepr))}]"
            : null;
    }

    /// <summary>The boolean a valid <c>force</c> stands for (strutils.bool_from_string), or null if invalid.</summary>
    public static bool? ForceValue(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.String => Array.IndexOf(BooleanEnum, value.GetString()!) is var i and >= 0 ? i < 11 : null,
        _ => null,
    };

    private static string EnumRepr(object value) => value switch
    {
        bool b => b ? "True" : "False",
        _ => PythonRepr.ReprString((string)value),
    };

    // jsonschema's additionalProperties message, extras in body order.
    internal static string? Additional(IReadOnlyList<KeyValuePair<string, JsonElement>> members, IReadOnlyCollection<string> allowed)
    {
        var extras = members.Select(m => m.Key).Where(k => !allowed.Contains(k)).ToList();
        if (extras.Count == 0) return null;
        var names = string.Join(", ", extras.Select(PythonRepr.ReprString));
        return $"Additional properties are not allowed ({names} {(extras.Count == 1 ? "was" : "were")} unexpected)";
    }

    internal static string Field(string name, JsonElement value, string message) =>
        $"Invalid input for field/attribute {name}. Value: {PythonRepr.Str(value)}. {message}";

    /// <summary>
    /// volumes.index_query: every value of limit and offset must be a non-negative integer; other parameters
    /// are ignored. Returns the 400 message, or null and the page window.
    /// </summary>
    public static string? Paging(IQueryCollection query, int pageLimit, out int offset, out int limit)
    {
        offset = 0;
        limit = pageLimit;
        foreach (var name in new[] { "limit", "offset" })
        {
            if (!query.TryGetValue(name, out var values)) continue;
            foreach (var value in values)
            {
                var text = value ?? "";
                if (!Digits().IsMatch(text)) return Query(name, text, $"{PythonRepr.ReprString(text)} does not match '^[0-9]*$'");
                if (text.Length == 0) return Query(name, text, "'' is too short");
            }
        }

        // common.limited reads the last value of each; limit 0 or missing means the page limit.
        if (query.TryGetValue("limit", out var limits) && Parse(limits[^1]!) is var l and > 0) limit = (int)Math.Min(l, pageLimit);
        if (query.TryGetValue("offset", out var offsets)) offset = (int)Math.Min(Parse(offsets[^1]!), int.MaxValue);
        return null;
    }

    private static readonly string[] VolumeProperties =
        ["volume_type", "metadata", "snapshot_id", "size", "availability_zone", "display_name", "display_description"];

    /// <summary>volumes.create: a "volume" object whose size (an integer, or a string of digits) is required.</summary>
    public static string? VolumeCreate(JsonElement? body)
    {
        if (body is not { ValueKind: JsonValueKind.Object } root) return $"{PythonRepr.Repr(body)} is not of type 'object'";

        var members = JsonBody.Members(root);
        if (JsonBody.TryGet(members, "volume", out var volume) && VolumeObject(volume) is { } inner) return inner;
        if (!JsonBody.TryGet(members, "volume", out _)) return "'volume' is a required property";
        return Additional(members, ["volume"]) is { } extra ? extra : null;
    }

    private static string? VolumeObject(JsonElement volume)
    {
        if (volume.ValueKind != JsonValueKind.Object) return Field("volume", volume, $"{PythonRepr.Repr(volume)} is not of type 'object'");

        var members = JsonBody.Members(volume);
        foreach (var name in VolumeProperties)
        {
            if (!JsonBody.TryGet(members, name, out var value)) continue;
            var problem = name switch
            {
                "metadata" => value.ValueKind == JsonValueKind.Object ? null : $"{PythonRepr.Repr(value)} is not of type 'object'",
                "size" => SizeProblem(value),
                _ => StringProblem(value),
            };
            if (problem is not null) return Field(name, value, problem);
        }

        if (!JsonBody.TryGet(members, "size", out _)) return Field("volume", volume, "'size' is a required property");
        return Additional(members, VolumeProperties) is { } extra ? Field("volume", volume, extra) : null;
    }

    // {'type': ['integer', 'string'], 'pattern': '^[0-9]+$', 'minimum': 1}: the pattern binds strings, the minimum numbers.
    private static string? SizeProblem(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number when !value.TryGetInt64(out _) => $"{PythonRepr.Repr(value)} is not of type 'integer', 'string'",
        JsonValueKind.Number when value.GetInt64() < 1 => $"{PythonRepr.Repr(value)} is less than the minimum of 1",
        JsonValueKind.Number => null,
        JsonValueKind.String when !SizeDigits().IsMatch(value.GetString()!) => $"{PythonRepr.Repr(value)} does not match '^[0-9]+$'",
        JsonValueKind.String => null,
        _ => $"{PythonRepr.Repr(value)} is not of type 'integer', 'string'",
    };

    /// <summary>A size the schema let through, as a number (a string of digits is read as block storage reads it).</summary>
    public static int? SizeValue(JsonElement value) =>
        value.ValueKind == JsonValueKind.Number ? (int)Math.Min(value.GetInt64(), int.MaxValue)
        : int.TryParse(value.GetString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n
        : int.MaxValue;

    [GeneratedRegex("^[0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex SizeDigits();

    // Digit strings of any length; anything beyond long is as good as infinite here.
    private static long Parse(string digits) =>
        long.TryParse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n)
            ? n
            : long.MaxValue;

    private static string Query(string name, string value, string message) =>
        $"Invalid input for query parameters {name}. Value: {value}. {message}";

    [GeneratedRegex("^[0-9]*$", RegexOptions.CultureInvariant)]
    private static partial Regex Digits();
}
