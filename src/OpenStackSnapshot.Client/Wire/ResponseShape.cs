using System.Text.Json;

namespace OpenStackSnapshot.Client.Wire
{
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
