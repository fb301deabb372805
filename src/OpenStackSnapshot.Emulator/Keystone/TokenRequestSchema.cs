using System.Text.Json;
using OpenStackSnapshot.Emulator.Http;

namespace OpenStackSnapshot.Emulator.Keystone;

/// <summary>
/// Keystone's <c>token_issue</c> JSON schema and the extra checks of <c>validate_issue_token_auth</c>. Like
/// jsonschema, the first failure in schema order wins; its message is Keystone's first line (Keystone appends
/// jsonschema's schema dump, which no client should parse).
/// </summary>
internal static class TokenRequestSchema
{
    private sealed record Node(string[] Types, (string Name, Node Schema)[]? Properties = null, string[]? Required = null, Node? Items = null);

    private static readonly Node Str = new(["string"]);
    private static readonly Node IdName = new(["object"], [("id", Str), ("name", Str)]);

    private static readonly Node Schema = new(["object"],
    [
        ("identity", new Node(["object"],
        [
            ("methods", new Node(["array"], Items: Str)),
            ("password", new Node(["object"],
            [
                ("user", new Node(["object"], [("id", Str), ("name", Str), ("password", Str), ("domain", IdName)])),
            ])),
            ("token", new Node(["object"], [("id", Str)], Required: ["id"])),
        ], Required: ["methods"])),
        ("scope", new Node(["object", "string"],
        [
            ("project", new Node(["object"], [("name", Str), ("id", Str), ("domain", IdName)])),
            ("domain", IdName),
            ("OS-TRUST:trust", new Node(["object"], [("id", Str)])),
            ("system", new Node(["object"])),
        ])),
    ], Required: ["identity"]);

    /// <summary>The 400 message for the first problem, or null when the auth object passes.</summary>
    public static string? Check(JsonElement auth)
    {
        var schemaError = FirstError(auth, Schema, "");
        if (schemaError is not null) return schemaError;

        var user = JsonBody.Get(JsonBody.Get(JsonBody.Get(auth, "identity"), "password"), "user");
        if (user is not null && NeitherIdNorName(user)) return IdOrName("identity/password/user");
        if (JsonBody.Get(user, "domain") is { } userDomain && NeitherIdNorName(userDomain)) return IdOrName("identity/password/user/domain");

        var scope = JsonBody.Get(auth, "scope");
        if (JsonBody.Get(scope, "project") is { } project)
        {
            if (NeitherIdNorName(project)) return IdOrName("scope/project");
            if (JsonBody.Get(project, "domain") is { } projectDomain && NeitherIdNorName(projectDomain)) return IdOrName("scope/project/domain");
        }

        if (JsonBody.Get(scope, "domain") is { } domain && NeitherIdNorName(domain)) return IdOrName("scope/domain");
        return null;
    }

    private static bool NeitherIdNorName(JsonElement? obj) => JsonBody.Get(obj, "id") is null && JsonBody.Get(obj, "name") is null;

    private static string IdOrName(string field) => $"Invalid input for field {field}: id or name must be present.";

    // jsonschema's order within one schema: type, properties (in schema order), required, items.
    private static string? FirstError(JsonElement value, Node node, string path)
    {
        if (!node.Types.Any(t => IsType(value, t)))
        {
            var types = string.Join(", ", node.Types.Select(t => "'" + t + "'"));
            return At(path, $"{PythonRepr.Repr(value)} is not of type {types}");
        }

        if (value.ValueKind == JsonValueKind.Object)
        {
            var members = JsonBody.Members(value);
            foreach (var (name, schema) in node.Properties ?? [])
            {
                if (JsonBody.TryGet(members, name, out var child) && FirstError(child, schema, Join(path, name)) is { } e) return e;
            }

            foreach (var name in node.Required ?? [])
            {
                if (!JsonBody.TryGet(members, name, out _)) return At(path, $"'{name}' is a required property");
            }
        }

        if (value.ValueKind == JsonValueKind.Array && node.Items is not null)
        {
            var i = 0;
            foreach (var item in value.EnumerateArray())
            {
                if (FirstError(item, node.Items, Join(path, i.ToString(System.Globalization.CultureInfo.InvariantCulture))) is { } e) return e;
                i++;
            }
        }

        return null;
    }

    private static bool IsType(JsonElement value, string type) => type switch
    {
        "object" => value.ValueKind == JsonValueKind.Object,
        "string" => value.ValueKind == JsonValueKind.String,
        "array" => value.ValueKind == JsonValueKind.Array,
        _ => false,
    };

    private static string Join(string path, string name) => path.Length == 0 ? name : path + "/" + name;

    private static string At(string path, string message) =>
        path.Length == 0 ? message : $"Invalid input for field '{path}': {message}";
}
