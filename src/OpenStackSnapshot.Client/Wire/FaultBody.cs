using System.Text.Json;
using System.Text.RegularExpressions;

namespace OpenStackSnapshot.Client.Wire
{
    /// <summary>
    /// The fault name and message read from any error body OpenStack services and proxies send: a wire format, read
    /// here, so what an answer means (Errors/) is told only the plain values.
    /// </summary>
    internal sealed class FaultBody
    {
        // Only real HTML tags: Nova's own messages contain "<class 'nova.exception.VolumeNotFound'>", which must stay.
        private static readonly Regex Tags = new Regex(
            @"</?(?:html|head|body|title|h[1-6]|p|br|hr|pre|div|span|center|b|i|em|strong|a|meta|link|script|style)\b[^>]*>"
            + @"|<!--.*?-->|<!DOCTYPE[^>]*>",
            RegexOptions.Compiled | RegexOptions.IgnoreCase | RegexOptions.Singleline);
        private static readonly Regex Space = new Regex(@"\s+", RegexOptions.Compiled);
        private const int MaxMessageLength = 400;

        private FaultBody(string? name, string? message, int? retryAfter)
        {
            Name = name;
            Message = message;
            RetryAfterSeconds = retryAfter;
        }

        public string? Name { get; }
        public string? Message { get; }
        public int? RetryAfterSeconds { get; }

        /// <summary>
        /// Nova {"itemNotFound": {"code","message"}}, Keystone {"error": {"code","title","message"}},
        /// the web framework's {"message","code","title"}, HTML or text; empty gives an empty fault.
        /// </summary>
        public static FaultBody Parse(string? body)
        {
            if (string.IsNullOrWhiteSpace(body)) return new FaultBody(null, null, null);
            try
            {
                using var doc = JsonDocument.Parse(body!);
                var root = doc.RootElement;
                if (root.ValueKind == JsonValueKind.Object)
                {
                    foreach (var property in root.EnumerateObject())
                    {
                        if (property.Value.ValueKind == JsonValueKind.Object && property.Value.TryGetProperty("message", out var inner))
                            return new FaultBody(FaultName(property), Clean(TextOf(inner)), RetryAfter(property.Value));
                    }
                    if (root.TryGetProperty("message", out var flat))
                        return new FaultBody(null, Clean(TextOf(flat)), null);
                }
            }
            catch (JsonException)
            {
                // not JSON: an HTML or text page from a proxy or the web framework
            }
            return new FaultBody(null, Clean(body), null);
        }

        /// <summary>Nova's key is the fault name; Keystone's is always "error", so its title says more.</summary>
        private static string FaultName(JsonProperty fault) =>
            fault.Name == "error" && fault.Value.TryGetProperty("title", out var title) && title.ValueKind == JsonValueKind.String
                ? JsonRead.Shown(title) ?? fault.Name
                : fault.Name;

        private static string? TextOf(JsonElement value) =>
            value.ValueKind == JsonValueKind.String ? JsonRead.Shown(value) : value.ValueKind == JsonValueKind.Null ? null : value.GetRawText();

        private static int? RetryAfter(JsonElement fault) =>
            fault.TryGetProperty("retryAfter", out var value) && int.TryParse(TextOf(value), out var seconds) ? seconds : (int?)null;

        /// <summary>Markup and runs of white space out; long pages cut so a message stays readable.</summary>
        internal static string? Clean(string? text)
        {
            if (text == null) return null;
            var withoutTags = Tags.Replace(text, " ");
            var decoded = System.Net.WebUtility.HtmlDecode(withoutTags);
            var flat = Space.Replace(decoded, " ").Trim();
            if (flat.Length == 0) return null;
            return flat.Length <= MaxMessageLength ? flat : flat.Substring(0, MaxMessageLength) + "…";
        }
    }
}
