using System;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;

namespace OpenStackSnapshot.Client.Http
{
    /// <summary>An answer's body as text: in its declared charset when .NET knows it, else UTF-8 (what JSON must be).</summary>
    internal static class BodyText
    {
        // HttpContent.ReadAsStringAsync throws InvalidOperationException for a charset it does not know; a proxy's odd
        // header must not make an answer unreadable, so the bytes are decoded here.
        public static async Task<string> ReadAsync(HttpContent? content)
        {
            if (content == null) return string.Empty;
            var bytes = await content.ReadAsByteArrayAsync().ConfigureAwait(false);
            var encoding = EncodingOf(content) ?? Encoding.UTF8;
            var preamble = encoding.GetPreamble();
            var start = preamble.Length > 0 && bytes.Length >= preamble.Length && StartsWith(bytes, preamble) ? preamble.Length : 0;
            return encoding.GetString(bytes, start, bytes.Length - start);
        }

        /// <summary>Whether the body is read as UTF-8 (its charset is absent, unknown or UTF-8).</summary>
        public static bool IsUtf8(HttpContent content) => (EncodingOf(content) ?? Encoding.UTF8).CodePage == Encoding.UTF8.CodePage;

        private static Encoding? EncodingOf(HttpContent content)
        {
            var charset = content.Headers.ContentType?.CharSet?.Trim('"', ' ');
            if (string.IsNullOrEmpty(charset)) return null;
            try
            {
                return Encoding.GetEncoding(charset);
            }
            catch (ArgumentException)
            {
                return null;
            }
        }

        private static bool StartsWith(byte[] bytes, byte[] prefix)
        {
            for (var i = 0; i < prefix.Length; i++)
                if (bytes[i] != prefix[i]) return false;
            return true;
        }
    }
}
