using System.Text.Json;

namespace OpenStackSnapshot.Emulator.Http;

/// <summary>
/// Reads request bodies the way Python's json module sees them: an object's keys keep the position of their
/// first appearance and the value of their last (a dict), so validation messages list keys in body order.
/// </summary>
internal static class JsonBody
{
    /// <summary>Parses a whole JSON document; null when it is not valid JSON.</summary>
    public static JsonElement? TryParse(ReadOnlyMemory<byte> bytes)
    {
        try
        {
            using var doc = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 256 });
            return doc.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>An object's members as a Python dict would hold them.</summary>
    public static IReadOnlyList<KeyValuePair<string, JsonElement>> Members(JsonElement obj)
    {
        var result = new List<KeyValuePair<string, JsonElement>>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var property in obj.EnumerateObject())
        {
            if (index.TryGetValue(property.Name, out var at))
            {
                result[at] = new(property.Name, property.Value);
            }
            else
            {
                index[property.Name] = result.Count;
                result.Add(new(property.Name, property.Value));
            }
        }

        return result;
    }

    public static bool TryGet(IReadOnlyList<KeyValuePair<string, JsonElement>> members, string name, out JsonElement value)
    {
        foreach (var (key, v) in members)
        {
            if (key == name)
            {
                value = v;
                return true;
            }
        }

        value = default;
        return false;
    }

    /// <summary>A member of an object element, or null when the element is no object or lacks it.</summary>
    public static JsonElement? Get(JsonElement? obj, string name)
    {
        if (obj is not { ValueKind: JsonValueKind.Object } o) return null;
        return TryGet(Members(o), name, out var value) ? value : null;
    }

    public static string? GetString(JsonElement? obj, string name) =>
        Get(obj, name) is { ValueKind: JsonValueKind.String } v ? v.GetString() : null;
}
