using System;

namespace OpenStackSnapshot.Client.Errors
{
    /// <summary>
    /// Every failure the client reports: what kind, and what an operator needs to chase it. Made whole where the failure
    /// is understood and never changed after: a finding made later is a new exception (<see cref="WithMessage"/>).
    /// </summary>
    public sealed class OpenStackException : Exception
    {
        public OpenStackException(OpenStackErrorKind kind, string message, Exception? inner = null)
            : this(kind, message, null, inner)
        {
        }

        public OpenStackException(OpenStackErrorKind kind, string message, string recommendedAction)
            : this(kind, message, recommendedAction, inner: null)
        {
        }

        /// <param name="betterApi">The API that can do what this one could not, when there is one.</param>
        internal OpenStackException(OpenStackErrorKind kind, string message, string? recommendedAction, Exception? inner,
            SnapshotApi? betterApi = null)
            : this(kind, Sentences.Join(message), recommendedAction, null, betterApi, inner)
        {
        }

        /// <summary>A request that failed: the message ends with how often it was sent, when it was sent more than once.</summary>
        internal OpenStackException(OpenStackErrorKind kind, string message, string? recommendedAction, Exchange exchange, Exception? inner = null,
            SnapshotApi? betterApi = null)
            : this(kind, Sentences.Join(message, exchange.Resent), recommendedAction, exchange, betterApi, inner)
        {
        }

        // The one constructor that stores: the text is whole by now.
        private OpenStackException(OpenStackErrorKind kind, string text, string? recommendedAction, Exchange? exchange, SnapshotApi? betterApi,
            Exception? inner)
            : base(text, inner)
        {
            Kind = kind;
            RecommendedAction = recommendedAction;
            Exchange = exchange;
            BetterApi = betterApi;
        }

        public OpenStackErrorKind Kind { get; }
        /// <summary>What the user can do about it.</summary>
        public string? RecommendedAction { get; }
        /// <summary>The API that can do what this one could not (the proxy's 404 or policy refusal, metadata on Compute); null otherwise.</summary>
        public SnapshotApi? BetterApi { get; private set; } // set only here; a Pester test reaches the setter by reflection to build one
        /// <summary>HTTP status, when a response arrived.</summary>
        public int? StatusCode => Exchange?.Status;
        /// <summary>The fault name from the body (itemNotFound, computeFault, ...), when there was one.</summary>
        public string? FaultName => Exchange?.FaultName;
        /// <summary>The server's own message, cleaned of markup.</summary>
        public string? ServerMessage => Exchange?.ServerMessage;
        /// <summary>x-openstack-request-id: what an operator asks for.</summary>
        public string? RequestId => Exchange?.RequestId;
        public string? Method => Exchange?.Method;
        public string? Url => Exchange?.Url;
        /// <summary>Seconds the server asked us to wait (Retry-After / retryAfter), when it said.</summary>
        public int? RetryAfterSeconds => Exchange?.RetryAfterSeconds;
        /// <summary>How many times the request was sent again before it failed so, and for how long it was tried.</summary>
        public int Retries => Exchange?.Retries ?? 0;
        public TimeSpan TriedFor => Exchange?.TriedFor ?? TimeSpan.Zero;

        /// <summary>The request that failed, when one did.</summary>
        internal Exchange? Exchange { get; }

        /// <summary>The same failure said better (a cause found, a finding added): this one inside, what an operator chases kept.</summary>
        internal OpenStackException WithMessage(string message, string? recommendedAction) =>
            new OpenStackException(Kind, Sentences.Join(message), recommendedAction, Exchange, BetterApi, this);
    }
}
