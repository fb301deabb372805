using System;
using System.Globalization;
using System.Net;

namespace OpenStackSnapshot.Client.Errors
{
    /// <summary>
    /// What an operator chases about one failed request: which it was, what came back (status, fault, request id,
    /// Retry-After) and how often it was sent. The sender makes it once the request is over; an exception only carries it.
    /// </summary>
    internal sealed class Exchange
    {
        /// <param name="retries">How many times it was sent again after its first attempt; <paramref name="triedFor"/> counts only then.</param>
        /// <param name="fateUnknown">The sender's finding that the request may have been carried out (see <see cref="FateUnknown"/>).</param>
        public Exchange(string method, string? url, int retries = 0, TimeSpan triedFor = default, bool fateUnknown = false)
            : this(method, url, retries, retries > 0 ? triedFor : TimeSpan.Zero, fateUnknown, null, null, null, null, null)
        {
        }

        private Exchange(string method, string? url, int retries, TimeSpan triedFor, bool fateUnknown, int? status, string? requestId,
            string? faultName, string? serverMessage, int? retryAfter, bool outageBehind = false)
        {
            FateUnknown = fateUnknown;
            OutageBehind = outageBehind;
            Method = method;
            Url = url;
            Retries = retries;
            TriedFor = triedFor;
            Status = status;
            RequestId = requestId;
            FaultName = faultName;
            ServerMessage = serverMessage;
            RetryAfterSeconds = retryAfter;
        }

        public string Method { get; }
        public string? Url { get; }
        public int Retries { get; }
        public TimeSpan TriedFor { get; }
        /// <summary>HTTP status, when an answer arrived.</summary>
        public int? Status { get; }
        /// <summary>x-openstack-request-id: what an operator asks for.</summary>
        public string? RequestId { get; }
        /// <summary>The fault name from the body (itemNotFound, computeFault, ...), when there was one.</summary>
        public string? FaultName { get; }
        /// <summary>The server's own message, cleaned of markup.</summary>
        public string? ServerMessage { get; }
        /// <summary>Seconds the server (or the session's open circuit) asked to wait: Retry-After, else the body's retryAfter.</summary>
        public int? RetryAfterSeconds { get; }

        /// <summary>
        /// The request may have been carried out although what came back says nothing of it (no answer after sending, a
        /// 502 or 504, a service gone behind the API, a success that could not be read): the sender's finding, from the
        /// retry policy's one judgement. A create that failed so has a fate to establish before it is sent again.
        /// </summary>
        public bool FateUnknown { get; }

        /// <summary>The error answer says a service behind the API is down (Nova's 500 when Cinder is): read once, from its raw body.</summary>
        public bool OutageBehind { get; }

        /// <summary>The server's message, else its status's name: the text an answer is read by.</summary>
        public string Server => ServerMessage ?? ReasonPhrase(Status ?? 0);

        /// <summary>How often it was sent, once it was sent more than once.</summary>
        public string? Resent => Retries == 0 ? null
            : string.Format(CultureInfo.InvariantCulture, "It was sent {0} times over {1:0.#} s", Retries + 1, TriedFor.TotalSeconds);

        /// <summary>The same request, with the answer that came back (its fault as the body named it, and Retry-After).</summary>
        public Exchange Answered(int status, string? requestId, string? faultName = null, string? serverMessage = null, int? retryAfter = null,
            bool outageBehind = false) =>
            new Exchange(Method, Url, Retries, TriedFor, FateUnknown, status, requestId, faultName, serverMessage, retryAfter, outageBehind);

        /// <summary>The same request, refused unsent for <paramref name="seconds"/> more (the session's circuit is open).</summary>
        public Exchange WaitFor(int seconds) =>
            new Exchange(Method, Url, Retries, TriedFor, FateUnknown, Status, RequestId, FaultName, ServerMessage, seconds, OutageBehind);

        /// <summary>A message with what an operator chases: status, fault, method, URL, request id.</summary>
        public string Shown(string message)
        {
            var fault = FaultName != null ? " " + FaultName : string.Empty;
            var id = RequestId != null ? ", request id " + RequestId : string.Empty;
            return $"{message} (HTTP {Status}{fault}, {Method} {Url}{id})";
        }

        private static string ReasonPhrase(int status) =>
            Enum.IsDefined(typeof(HttpStatusCode), status) ? ((HttpStatusCode)status).ToString() : "HTTP " + status;
    }
}
