using System;
using System.Globalization;

namespace OpenStackSnapshot.Client.Errors
{
    /// <summary>Every failure the client reports: what kind, and what an operator needs to chase it.</summary>
    public sealed class OpenStackException : Exception
    {
        public OpenStackException(OpenStackErrorKind kind, string message, Exception? inner = null)
            : base(message, inner)
        {
            Kind = kind;
        }

        public OpenStackException(OpenStackErrorKind kind, string message, string recommendedAction)
            : base(message)
        {
            Kind = kind;
            RecommendedAction = recommendedAction;
        }

        public OpenStackErrorKind Kind { get; }
        /// <summary>HTTP status, when a response arrived.</summary>
        public int? StatusCode { get; internal set; }
        /// <summary>The fault name from the body (itemNotFound, computeFault, ...), when there was one.</summary>
        public string? FaultName { get; internal set; }
        /// <summary>The server's own message, cleaned of markup.</summary>
        public string? ServerMessage { get; internal set; }
        /// <summary>x-openstack-request-id: what an operator asks for.</summary>
        public string? RequestId { get; internal set; }
        public string? Method { get; internal set; }
        public string? Url { get; internal set; }
        /// <summary>Seconds the server asked us to wait (Retry-After / retryAfter), when it said.</summary>
        public int? RetryAfterSeconds { get; internal set; }
        /// <summary>What the user can do about it.</summary>
        public string? RecommendedAction { get; internal set; }
        /// <summary>The API that can do what this one could not (the proxy's 404 or policy refusal, metadata on Compute); null otherwise.</summary>
        public Services.SnapshotApi? BetterApi { get; internal set; }
        /// <summary>How many times the request was sent again before it failed so, and for how long it was tried.</summary>
        public int Retries { get; internal set; }
        public TimeSpan TriedFor { get; internal set; }

        /// <summary>Always ended as a sentence, with how often the request was sent when it was retried.</summary>
        public override string Message => Sentences.Join(base.Message, Retries == 0 ? null
            : string.Format(CultureInfo.InvariantCulture, "It was sent {0} times over {1:0.#} s", Retries + 1, TriedFor.TotalSeconds));

        /// <summary>The same failure said better (a cause found, a finding added), keeping what an operator chases (request id, URL).</summary>
        internal OpenStackException Restated(OpenStackErrorKind kind, string message, string? recommendedAction) =>
            new OpenStackException(kind, message, this)
            {
                StatusCode = StatusCode, FaultName = FaultName, ServerMessage = ServerMessage, RequestId = RequestId,
                Method = Method, Url = Url, RetryAfterSeconds = RetryAfterSeconds, RecommendedAction = recommendedAction,
            };
    }
}
