using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json;

namespace OpenStackSnapshot.Client.Wire
{
    /// <summary>The request bodies we send: one JSON object, its members written by the caller.</summary>
    internal static class JsonWrite
    {
        public static string Object(Action<Utf8JsonWriter> members)
        {
            using var stream = new MemoryStream();
            using (var writer = new Utf8JsonWriter(stream))
            {
                writer.WriteStartObject();
                members(writer);
                writer.WriteEndObject();
            }
            return Encoding.UTF8.GetString(stream.ToArray());
        }
    }

    /// <summary>Tolerant readers for what real services send: ids as numbers or strings, zone-less dates, nulls.</summary>
    internal static class JsonRead
    {
        public static JsonElement? Property(JsonElement obj, string name) =>
            obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var value) ? value : (JsonElement?)null;

        /// <summary>A string, or a number written as text (older samples have "id": 100); null otherwise.</summary>
        public static string? Text(JsonElement obj, string name) => Property(obj, name) is { } value ? TextOf(value, name) : null;

        private static string? TextOf(JsonElement value, string name)
        {
            switch (value.ValueKind)
            {
                case JsonValueKind.String: return String(value, name);
                case JsonValueKind.Number: return value.GetRawText();
                case JsonValueKind.True: return "true";
                case JsonValueKind.False: return "false";
                default: return null;
            }
        }

        /// <summary>A JSON string; one whose escapes are not valid UTF-16 (a lone surrogate, "\ud800") is a body we cannot read.</summary>
        public static string? String(JsonElement value, string name)
        {
            try
            {
                return value.GetString();
            }
            catch (InvalidOperationException)
            {
                throw new ResponseShapeException($"\"{name}\" is not valid Unicode text (a lone surrogate escape)");
            }
        }

        /// <summary>A JSON string for showing to a person: one that is not valid UTF-16 is shown with its escapes as sent.</summary>
        public static string? Shown(JsonElement value)
        {
            try
            {
                return value.GetString();
            }
            catch (InvalidOperationException)
            {
                return value.GetRawText().Trim('"');
            }
        }

        public static int Integer(JsonElement obj, string name)
        {
            var value = Property(obj, name);
            if (value is { ValueKind: JsonValueKind.Number } number && number.TryGetInt64(out var whole))
                return (int)Math.Min(int.MaxValue, Math.Max(int.MinValue, whole));
            if (value is { ValueKind: JsonValueKind.String } text
                && int.TryParse(String(text, name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed))
                return parsed;
            return 0;
        }

        /// <summary>A JSON object of strings (block storage's metadata) as a dictionary; absent, null or not an object is empty.</summary>
        public static IReadOnlyDictionary<string, string> StringMap(JsonElement obj, string name)
        {
            var map = new Dictionary<string, string>(StringComparer.Ordinal);
            if (!(Property(obj, name) is { ValueKind: JsonValueKind.Object } pairs)) return map;
            // The member in hand, not looked up again by name.
            foreach (var pair in pairs.EnumerateObject()) map[pair.Name] = TextOf(pair.Value, pair.Name) ?? string.Empty;
            return map;
        }

        /// <summary>ISO 8601 with or without zone; a zone-less time is UTC, as Nova's pass-through values are.</summary>
        public static DateTime? UtcTime(JsonElement obj, string name)
        {
            var text = Text(obj, name);
            if (string.IsNullOrWhiteSpace(text)) return null;
            const DateTimeStyles styles = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal | DateTimeStyles.AllowWhiteSpaces;
            return DateTime.TryParse(text, CultureInfo.InvariantCulture, styles, out var parsed)
                ? DateTime.SpecifyKind(parsed, DateTimeKind.Utc)
                : (DateTime?)null;
        }
    }

    /// <summary>Raised when a success response is not the shape we expect; the caller reports it as InvalidResponse.</summary>
    internal sealed class ResponseShapeException : System.Exception
    {
        public ResponseShapeException(string message) : base(message) { }
    }

    internal static class ResponseShape
    {
        public static void Require(bool condition, string problem)
        {
            if (!condition) throw new ResponseShapeException(problem);
        }

        /// <summary>{"name": {...}} read with <paramref name="read"/>.</summary>
        public static T One<T>(JsonElement root, string name, System.Func<JsonElement, T> read) => read(Member(root, name, JsonValueKind.Object));

        /// <summary>{"name": [...]} read item by item with <paramref name="read"/>.</summary>
        public static System.Collections.Generic.IReadOnlyList<T> Many<T>(JsonElement root, string name, System.Func<JsonElement, T> read)
        {
            var list = new System.Collections.Generic.List<T>();
            foreach (var item in Member(root, name, JsonValueKind.Array).EnumerateArray()) list.Add(read(item));
            return list;
        }

        public static JsonElement Member(JsonElement root, string name, JsonValueKind kind)
        {
            Require(root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var value) && value.ValueKind == kind,
                $"the body has no \"{name}\" {(kind == JsonValueKind.Array ? "list" : "object")}");
            return root.GetProperty(name);
        }
    }
}
