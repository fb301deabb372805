using System;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using OpenStackSnapshot.Client.Errors;
using OpenStackSnapshot.Client.Wire;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace OpenStackSnapshot.Client.Http
{
    /// <summary>A response that succeeded, with its body read.</summary>
    internal sealed class ApiResponse
    {
        public ApiResponse(int status, string body, string? requestId, HttpResponseMessage message)
        {
            Status = status;
            Body = body;
            RequestId = requestId;
            Message = message;
        }

        public int Status { get; }
        public string Body { get; }
        public string? RequestId { get; }
        public HttpResponseMessage Message { get; }
    }

    /// <summary>Sends one API request through the session's pipeline; every failure leaves as an OpenStackException.</summary>
    internal sealed class ApiSender
    {
        private readonly HttpClient _http;
        private readonly OutageBreaker _breaker;

        public ApiSender(HttpClient http, OutageBreaker breaker)
        {
            _http = http;
            _breaker = breaker;
        }

        public async Task<ApiResponse> SendAsync(ApiRequest request, CallContext call)
        {
            var tags = RequestTags.Of(request);
            tags.Log = call.Log;
            var retries = tags.StartRetries();
            var method = request.Method.Method;
            var url = request.RequestUri!.AbsoluteUri; // escapes kept, so a URL in a message can be pasted
            // Made when the request is over, so every failure says how often it was sent, and whether it may have acted
            // (the retry policy's one judgement of the last attempt's outcome).
            Exchange Sent(Outcome<HttpResponseMessage> last) =>
                new Exchange(method, url, retries.Total, retries.Elapsed, RetryPolicy.Failure(last).FateUnknown);
            Exchange Failed(Exception e) => Sent(Outcome.FromException<HttpResponseMessage>(e));
            HttpResponseMessage response;
            try
            {
                response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, call.Cancellation).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (call.Cancellation.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception e) when (e is TimeoutRejectedException || e is OperationCanceledException)
            {
                throw new OpenStackException(OpenStackErrorKind.Timeout, $"{method} {url} did not answer in time.",
                    request.Method == HttpMethod.Post
                        ? "Its outcome is unknown, so it was not sent again: check what the cloud holds before sending it once more, "
                          + "or allow a slow cloud more time per request."
                        : "Try again, or allow a slow cloud more time per request.",
                    Failed(e), e);
            }
            catch (HttpRequestException e)
            {
                throw Unreachable.From(e, request, Failed(e));
            }
            catch (BrokenCircuitException e)
            {
                throw _breaker.Refused(e, Failed(e));
            }
            catch (ObjectDisposedException e)
            {
                // Another runspace disconnected the session this request was sent on.
                throw new OpenStackException(OpenStackErrorKind.NotConnected,
                    $"The session was closed (disconnected) while {method} {url} was being sent.",
                    "Connect again, and use the new session.", Failed(e), e);
            }

            var body = await BodyText.ReadAsync(response.Content).ConfigureAwait(false);
            var requestId = OpenStackHeaders.RequestId(response);
            var status = (int)response.StatusCode;
            if (status >= 200 && status < 300) return new ApiResponse(status, body, requestId, response);

            var retryAfter = OpenStackHeaders.RetryAfter(response);
            var sent = Sent(Outcome.FromResult(response));
            var outageBehind = AttemptHandler.IsOutageBehind(response);
            response.Dispose();
            var fault = FaultBody.Parse(body);
            // Retry-After as its header said it, else as the body did.
            var seconds = retryAfter is TimeSpan wait ? (int)Math.Ceiling(Math.Max(0, wait.TotalSeconds)) : fault.RetryAfterSeconds;
            throw request.Refused(sent.Answered(status, requestId, fault.Name, fault.Message, seconds, outageBehind));
        }

        /// <summary>Reads a success body; a body that is not what the API documents is InvalidResponse.</summary>
        public static T Read<T>(ApiResponse response, HttpRequestMessage request, Func<JsonElement, T> read)
        {
            try
            {
                using var doc = JsonDocument.Parse(response.Body);
                return read(doc.RootElement);
            }
            catch (Exception e) when (e is JsonException || e is ResponseShapeException)
            {
                var what = e is ResponseShapeException ? e.Message : "the body is not valid JSON";
                var start = FaultBody.Clean(response.Body);
                var url = request.RequestUri?.AbsoluteUri;
                throw new OpenStackException(OpenStackErrorKind.InvalidResponse,
                    $"The answer to {request.Method} {url} could not be read: {what}"
                    + (start != null ? $" (it began: {Truncate(start, 80)})" : " (it was empty)")
                    + (response.RequestId != null ? $", request id {response.RequestId}" : string.Empty) + ".",
                    "Check that the URL is an OpenStack endpoint and not a proxy or login page; give the request id to the cloud's operator.",
                    UnreadableSuccess(request.Method.Method, url, response.Status, response.RequestId), e);
            }
        }

        /// <summary>A success whose answer could not be read: what it did is unknown, so a create is looked for.</summary>
        public static Exchange UnreadableSuccess(string method, string? url, int status, string? requestId) =>
            new Exchange(method, url, fateUnknown: true).Answered(status, requestId);

        public static HttpContent Json(string json) => new StringContent(json, Encoding.UTF8, "application/json");

        private static string Truncate(string text, int length) => text.Length <= length ? text : text.Substring(0, length) + "…";
    }

    /// <summary>The header names OpenStack uses, and readers for the ones we act on.</summary>
    internal static class OpenStackHeaders
    {
        public const string AuthToken = "X-Auth-Token";
        public const string SubjectToken = "X-Subject-Token";
        public const string NovaMicroversion = "X-OpenStack-Nova-API-Version";
        public const string Microversion = "OpenStack-API-Version";

        public static string? RequestId(HttpResponseMessage response) =>
            First(response, "x-openstack-request-id") ?? First(response, "x-compute-request-id");

        public static string? First(HttpResponseMessage response, string name) =>
            response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

        /// <summary>The longest Retry-After taken as given; any retry budget ends sooner.</summary>
        private static readonly TimeSpan LongestWait = TimeSpan.FromDays(1);

        /// <summary>Retry-After as seconds or as an HTTP date, within a day either way; null when absent or unreadable.</summary>
        public static TimeSpan? RetryAfter(HttpResponseMessage response)
        {
            var header = response.Headers.RetryAfter;
            if (header?.Delta is TimeSpan delta) return Within(delta.TotalSeconds);
            if (header?.Date is DateTimeOffset date) return Within((date - DateTimeOffset.UtcNow).TotalSeconds);
            var raw = First(response, "Retry-After");
            // NaN, an infinity or 1e400 must not throw from TimeSpan.
            return double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && !double.IsNaN(seconds)
                ? Within(seconds)
                : null;
        }

        // Past a day it is as good as "not soon", and a year 9999 date would overflow the seconds an error reports.
        private static TimeSpan Within(double seconds) =>
            TimeSpan.FromSeconds(Math.Max(-LongestWait.TotalSeconds, Math.Min(seconds, LongestWait.TotalSeconds)));
    }
}
