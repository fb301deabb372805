using System.Net.Http;

namespace OpenStackSnapshot.Client.Http
{
    /// <summary>
    /// Every fact the sender and the handlers pass each other about one request, in one typed object riding in its
    /// properties: where to log, how it may be retried and how often it was, what an attempt found on the way.
    /// </summary>
    internal sealed class RequestTags
    {
        private const string Key = "OpenStackSnapshot.Tags";

        /// <summary>Where its exchanges are logged (the caller's verbose and debug streams), if anywhere.</summary>
        public IRequestLog? Log { get; set; }

        /// <summary>Sent once, never retried: a courtesy (a token revoke) must not hold a Disconnect for a whole retry budget.</summary>
        public bool BestEffort { get; set; }

        /// <summary>A POST that may be sent again when its answer was lost (a token request): it acts on nothing that lasts.</summary>
        public bool SafeToRepeat { get; set; }

        /// <summary>The session's first token request: its failures to connect are read as a wrong URL sooner than as an outage.</summary>
        public bool FirstSignIn { get; set; }

        /// <summary>Its retries so far and how long it has been going, from <see cref="StartRetries"/> on.</summary>
        public RetryState? Retries { get; private set; }

        /// <summary>The success answer of an attempt whose body is not JSON: the body-read handler's finding, for the retry policy.</summary>
        public HttpResponseMessage? UnreadableAnswer { get; set; }

        /// <summary>An error answer that says a service behind the API is down (Nova's 500 when Cinder is), for the retry policy.</summary>
        public HttpResponseMessage? OutageBehindAnswer { get; set; }

        /// <summary>Why the TLS handler refused the server's certificate, so a TLS failure can say why.</summary>
        public string? TlsRefusal { get; set; }

        /// <summary>Called once before a request is sent: its retries are counted, and its budget runs, from here.</summary>
        public RetryState StartRetries() => Retries = new RetryState();

        // Properties serves every build the same way (on .NET it is a view of Options), so the tests run the code
        // Windows PowerShell runs; only its obsolescence on .NET is set aside.
#pragma warning disable CS0618
        /// <summary>The request's tags, made on first use.</summary>
        public static RequestTags Of(HttpRequestMessage request)
        {
            if (Find(request) is { } tags) return tags;
            tags = new RequestTags();
            request.Properties[Key] = tags;
            return tags;
        }

        /// <summary>The request's tags, or null when nothing tagged it.</summary>
        public static RequestTags? Find(HttpRequestMessage? request) =>
            request != null && request.Properties.TryGetValue(Key, out var value) ? value as RequestTags : null;
#pragma warning restore CS0618
    }
}
