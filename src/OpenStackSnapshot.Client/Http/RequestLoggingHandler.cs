using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace OpenStackSnapshot.Client.Http
{
    /// <summary>Innermost handler: one verbose line per attempt when verbose is on, and the redacted exchange when debug is on.</summary>
    internal sealed class RequestLoggingHandler : DelegatingHandler
    {
        /// <summary>Bodies are shown up to this length: enough to debug, bounded for large listings.</summary>
        private const int MaxBodyShown = 16 * 1024;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
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
}
