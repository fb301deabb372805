using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace OpenStackSnapshot.Client.Http
{
    /// <summary>
    /// Each attempt, inside the retry and the per-attempt timeout: logged (one verbose line when verbose is on, the
    /// redacted exchange when debug is on), then its body read whole, so a connection cut while the body arrives fails
    /// that attempt (and a GET is retried). A success whose body is not JSON (a proxy's "OK", a cut body) is marked
    /// unreadable, which the retry policy treats like a lost answer, and an error that the request's API says is an
    /// outage behind it (Nova's 500 when Cinder is down), which it treats like a 502.
    /// </summary>
    internal sealed class AttemptHandler : DelegatingHandler
    {
        /// <summary>Bodies are shown up to this length: enough to debug, bounded for large listings.</summary>
        private const int MaxBodyShown = 16 * 1024;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await LoggedAsync(request, cancellationToken).ConfigureAwait(false);
            if (response.Content == null) return response;
            try
            {
                // netstandard2.0's LoadIntoBufferAsync takes no token: disposing the answer is what ends a read in progress.
                using (cancellationToken.Register(response.Dispose))
                    await response.Content.LoadIntoBufferAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (!(e is OperationCanceledException))
            {
                response.Dispose();
                cancellationToken.ThrowIfCancellationRequested();
                throw e is HttpRequestException ? e : new HttpRequestException("The connection was cut while the answer's body was read.", e);
            }
            // Only an error whose status the API says may report a service behind it down (Nova's 500) is decoded and asked
            // about; a success never reaches the API's faults.
            if (!response.IsSuccessStatusCode && request is ApiRequest api && api.Faults.MayReportOutageBehind((int)response.StatusCode)
                && api.Faults.SaysOutageBehind((int)response.StatusCode, await BodyText.ReadAsync(response.Content).ConfigureAwait(false)))
                RequestTags.Of(request).OutageBehindAnswer = response;
            // Only a request that may be resent needs the mark (a create's unreadable answer is found by ApiSender's own read).
            if (response.IsSuccessStatusCode && RetryPolicy.SafeToRepeat(response.RequestMessage) && BodyText.IsUtf8(response.Content)
                && !IsJsonOrEmpty(await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false)))
                RequestTags.Of(response.RequestMessage!).UnreadableAnswer = response;
            return response;
        }

        /// <summary>An error answer that says a service behind the API is down: an outage whose request's fate is unknown.</summary>
        public static bool IsOutageBehind(HttpResponseMessage response) =>
            ReferenceEquals(RequestTags.Find(response.RequestMessage)?.OutageBehindAnswer, response);

        /// <summary>A success answer whose body this attempt could not read as JSON.</summary>
        public static bool IsUnreadable(HttpResponseMessage response) =>
            ReferenceEquals(RequestTags.Find(response.RequestMessage)?.UnreadableAnswer, response);

        // Logged when the headers arrive: a body cut afterwards fails the attempt in the read that follows, not in its log line.
        private async Task<HttpResponseMessage> LoggedAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var log = RequestTags.Find(request)?.Log;
            if (log == null) return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);

            if (log.DebugEnabled) log.Debug(await DescribeRequest(request).ConfigureAwait(false));
            var clock = Stopwatch.StartNew();
            try
            {
                var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
                if (log.VerboseEnabled)
                    log.Verbose($"{request.Method} {request.RequestUri?.AbsoluteUri} -> {(int)response.StatusCode} {response.ReasonPhrase} "
                        + $"in {clock.ElapsedMilliseconds} ms"
                        + $"{(OpenStackHeaders.RequestId(response) is string requestId ? " (" + requestId + ")" : string.Empty)}");
                if (log.DebugEnabled) log.Debug(await DescribeResponse(response).ConfigureAwait(false));
                return response;
            }
            catch (Exception e)
            {
                var reason = e is OperationCanceledException ? "no answer (timed out or cancelled)" : e.GetBaseException().Message;
                if (log.VerboseEnabled)
                    log.Verbose($"{request.Method} {request.RequestUri?.AbsoluteUri} -> failed after {clock.ElapsedMilliseconds} ms: {reason}");
                throw;
            }
        }

        private static bool IsJsonOrEmpty(byte[] bytes)
        {
            var start = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0; // a BOM, as the string reader skips it
            if (bytes.Length == start) return true;
            try
            {
                var reader = new Utf8JsonReader(new ReadOnlySpan<byte>(bytes, start, bytes.Length - start));
                while (reader.Read()) { }
                return true;
            }
            catch (JsonException)
            {
                return false;
            }
        }

        private static async Task<string> DescribeRequest(HttpRequestMessage request)
        {
            var text = new StringBuilder().Append("HTTP request: ").Append(request.Method).Append(' ')
                .Append(request.RequestUri?.AbsoluteUri).AppendLine();
            AppendHeaders(text, request.Headers);
            if (request.Content != null)
            {
                AppendHeaders(text, request.Content.Headers);
                text.AppendLine().Append(await ShownAsync(request.Content).ConfigureAwait(false));
            }
            return text.ToString();
        }

        private static async Task<string> DescribeResponse(HttpResponseMessage response)
        {
            var text = new StringBuilder().Append("HTTP response: ").Append((int)response.StatusCode).Append(' ')
                .Append(response.ReasonPhrase).AppendLine();
            AppendHeaders(text, response.Headers);
            if (response.Content != null)
            {
                AppendHeaders(text, response.Content.Headers);
                await response.Content.LoadIntoBufferAsync().ConfigureAwait(false);
                text.AppendLine().Append(await ShownAsync(response.Content).ConfigureAwait(false));
            }
            return text.ToString();
        }

        /// <summary>The start of a (buffered) body, redacted: only what is shown is decoded, not a whole large listing.</summary>
        private static async Task<string> ShownAsync(HttpContent content)
        {
            // Left open: the buffered content is read again by whoever receives it.
            var stream = await content.ReadAsStreamAsync().ConfigureAwait(false);
            using var reader = new StreamReader(stream, Encoding.UTF8, false, 4096, leaveOpen: true);
            var buffer = new char[MaxBodyShown];
            var read = await reader.ReadBlockAsync(buffer, 0, buffer.Length).ConfigureAwait(false);
            var more = reader.Peek() >= 0;
            return Redaction.Body(new string(buffer, 0, read)) + (more ? "… (cut)" : string.Empty);
        }

        private static void AppendHeaders(StringBuilder text, HttpHeaders headers)
        {
            foreach (var header in headers)
            {
                var value = Redaction.IsSecretHeader(header.Key) ? Redaction.Mask : string.Join(", ", header.Value.ToArray());
                text.Append(header.Key).Append(": ").Append(value).AppendLine();
            }
        }
    }

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
