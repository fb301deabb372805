using System.Globalization;
using System.Text.Json;
using OpenStackSnapshot.Emulator.Http;
using static OpenStackSnapshot.Emulator.Nova.RequestValidation;

namespace OpenStackSnapshot.Emulator.Cinder;

/// <summary>
/// Cinder's schemas/volumes.py create (3.0 to 3.52: other keys in "volume" are let through; group_id from 3.13), with its
/// messages, for the keys the emulator reads. Name and description longer than 255 characters (once stripped) are refused
/// by Cinder's format checker as InvalidInput.
/// </summary>
internal static class VolumeSchema
{
    private static readonly string[] Properties =
    [
        "name", "description", "display_name", "display_description", "volume_type", "metadata", "snapshot_id", "source_volid",
        "consistencygroup_id", "size", "availability_zone",
    ];

    public static string? Create(JsonElement body, bool groupVolumes)
    {
        if (body.ValueKind != JsonValueKind.Object) return $"{PythonRepr.Repr(body)} is not of type 'object'";
        var members = JsonBody.Members(body);
        if (JsonBody.TryGet(members, "volume", out var volume) && Volume(volume, groupVolumes) is { } problem) return problem;
        if (!JsonBody.TryGet(members, "volume", out _)) return "'volume' is a required property";
        return Additional(members, ["volume", "OS-SCH-HNT:scheduler_hints"]);
    }

    /// <summary>A size the schema let through: a number, or a string of digits as Cinder reads it.</summary>
    public static int SizeValue(JsonElement value) =>
        value.ValueKind == JsonValueKind.Number ? (int)Math.Min(value.GetInt64(), int.MaxValue)
        : int.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : int.MaxValue;

    private static string? Volume(JsonElement volume, bool groupVolumes)
    {
        if (volume.ValueKind != JsonValueKind.Object) return Field("volume", volume, $"{PythonRepr.Repr(volume)} is not of type 'object'");
        var members = JsonBody.Members(volume);
        foreach (var name in groupVolumes ? [.. Properties, "group_id"] : Properties)
        {
            if (!JsonBody.TryGet(members, name, out var value)) continue;
            var problem = name switch
            {
                "name" or "display_name" => Text(value, "name"),
                "description" or "display_description" => Text(value, "description"),
                "metadata" => SnapshotSchema.MetadataProblem(value),
                "snapshot_id" or "source_volid" or "consistencygroup_id" => SnapshotSchema.UuidOrNull(value) is { } p ? Field(name, value, p) : null,
                "size" => Size(value) is { } p ? Field(name, value, p) : null,
                "availability_zone" => Bounded(value, 1) is { } p ? Field(name, value, p) : null,
                _ => Bounded(value, 0) is { } p ? Field(name, value, p) : null,
            };
            if (problem is not null) return problem;
        }

        return null;
    }

    // ['string', 'null'] and a format that strips and counts: too long is InvalidInput, not a schema message.
    private static string? Text(JsonElement value, string entity) => value.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.String when value.GetString()!.Trim().EnumerateRunes().Count() is var n && n > 255 =>
            $"Invalid input received: {entity} has {n} characters, more than 255.",
        JsonValueKind.String => null,
        _ => $"Invalid input for field/attribute {entity}. Value: {PythonRepr.Str(value)}. {PythonRepr.Repr(value)} is not of type 'string', 'null'",
    };

    private static string? Bounded(JsonElement value, int minLength) => value.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.String when value.GetString()!.EnumerateRunes().Count() < minLength => $"{PythonRepr.Repr(value)} is too short",
        JsonValueKind.String when value.GetString()!.EnumerateRunes().Count() > 255 => $"{PythonRepr.Repr(value)} is too long",
        JsonValueKind.String => null,
        _ => $"{PythonRepr.Repr(value)} is not of type 'string', 'null'",
    };

    // volume_size_allows_null: {'type': ['integer', 'string', 'null'], 'pattern': '^[0-9]+$', 'minimum': 1, ...}.
    private static string? Size(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.Number when !value.TryGetInt64(out _) => $"{PythonRepr.Repr(value)} is not of type 'integer', 'string', 'null'",
        JsonValueKind.Number when value.GetInt64() < 1 => $"{PythonRepr.Repr(value)} is less than the minimum of 1",
        JsonValueKind.Number => null,
        JsonValueKind.String when !value.GetString()!.All(char.IsAsciiDigit) || value.GetString()!.Length == 0 =>
            $"{PythonRepr.Repr(value)} does not match '^[0-9]+$'",
        JsonValueKind.String => null,
        _ => $"{PythonRepr.Repr(value)} is not of type 'integer', 'string', 'null'",
    };
}
