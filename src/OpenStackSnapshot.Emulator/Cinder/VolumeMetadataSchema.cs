using System.Text.Json;
using OpenStackSnapshot.Emulator.Http;
using static OpenStackSnapshot.Emulator.Nova.RequestValidation;

namespace OpenStackSnapshot.Emulator.Cinder;

/// <summary>
/// Cinder's schemas/volume_metadata.py create, which both POST and PUT volumes/{id}/metadata are validated against (the
/// snapshot metadata routes have no schema): an object with a required "metadata" object and nothing else (a "type" key
/// is let through, as the schema's properties name one), whose keys match ^[a-zA-Z0-9-_:. /]{1,255}$ and whose values
/// are strings of at most 255 characters (parameter_types.extra_specs: not null). Messages as jsonschema's, in
/// schema order: the body's type, its properties, required, additional ones.
/// </summary>
internal static class VolumeMetadataSchema
{
    public static string? Create(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object) return $"{PythonRepr.Repr(body)} is not of type 'object'";
        var members = JsonBody.Members(body);
        if (JsonBody.TryGet(members, "metadata", out var metadata) && Pairs(metadata) is { } problem) return problem;
        if (!JsonBody.TryGet(members, "metadata", out _)) return "'metadata' is a required property";
        return Additional(members, ["metadata", "type"]);
    }

    // extra_specs is 'object' only, where the snapshot create's metadata_allows_null also takes null.
    private static string? Pairs(JsonElement metadata) => metadata.ValueKind == JsonValueKind.Object
        ? SnapshotSchema.MetadataProblem(metadata)
        : Field("metadata", metadata, $"{PythonRepr.Repr(metadata)} is not of type 'object'");
}
