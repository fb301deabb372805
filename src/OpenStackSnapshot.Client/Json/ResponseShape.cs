using System.Text.Json;

namespace OpenStackSnapshot.Client.Json
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

        public static JsonElement Member(JsonElement root, string name, JsonValueKind kind)
        {
            Require(root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var value) && value.ValueKind == kind,
                $"the body has no \"{name}\" {(kind == JsonValueKind.Array ? "list" : "object")}");
            return root.GetProperty(name);
        }
    }
}
