using System;
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
}
