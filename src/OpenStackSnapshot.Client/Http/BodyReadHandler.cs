using System;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace OpenStackSnapshot.Client.Http
{
    /// <summary>
    /// Inside the retry and the per-attempt timeout: reads each answer's body whole, so a connection cut while the
    /// body arrives fails that attempt (and a GET is retried), and marks a success whose body is not JSON (a proxy's
    /// "OK", a cut body) as unreadable, which the retry policy treats like a lost answer, and an error that the
    /// request's API says is an outage behind it (Nova's 500 when Cinder is down), which it treats like a 502.
    /// </summary>
    internal sealed class BodyReadHandler : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
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
            if (request is ApiRequest api && api.Faults.SaysOutageBehind((int)response.StatusCode, await BodyText.ReadAsync(response.Content)
                .ConfigureAwait(false)))
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
    }
}
