using System;
using OpenStackSnapshot.Client.Auth;

namespace OpenStackSnapshot.Client
{
    /// <summary>Where and how to connect; the defaults are the openstack CLI's.</summary>
    public sealed class ConnectionOptions
    {
        /// <summary>10 waits of 1, 2, 4 … 30 s (with jitter) ride out an outage of about two minutes.</summary>
        internal const int DefaultRetries = 10;
        /// <summary>Long enough for a 60-second outage with room to spare; short enough that a dead cloud is noticed in minutes.</summary>
        internal static readonly TimeSpan DefaultRetryBudget = TimeSpan.FromSeconds(120);

        public ConnectionOptions(Uri authUrl, AuthMethod auth)
        {
            AuthUrl = authUrl;
            Auth = auth;
        }

        /// <summary>Keystone's URL, with or without the /v3 suffix.</summary>
        public Uri AuthUrl { get; }
        public AuthMethod Auth { get; }
        public string? Region { get; set; }
        /// <summary>public, internal or admin.</summary>
        public string Interface { get; set; } = "public";
        /// <summary>How long one attempt may take (api_timeout).</summary>
        public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);
        /// <summary>
        /// Retries after an answer that refuses for now (429, 503; 502 and 504 when repeating is harmless):
        /// clouds.yaml's status_code_retries.
        /// </summary>
        public int StatusCodeRetries { get; set; } = DefaultRetries;
        /// <summary>Retries after a refused connection (and, when repeating is harmless, a cut one or a timeout): connect_retries.</summary>
        public int ConnectRetries { get; set; } = DefaultRetries;
        /// <summary>The first retry's delay; later ones double, with jitter, up to 30 s (Retry-After may ask for more).</summary>
        public TimeSpan RetryInterval { get; set; } = TimeSpan.FromSeconds(1);
        /// <summary>
        /// How long one request may go on retrying, waits included (retry_budget); no retry starts after it. Two
        /// requests in a row that spend it on an outage open the session's circuit: later ones fail fast for as long.
        /// </summary>
        public TimeSpan RetryBudget { get; set; } = DefaultRetryBudget;
        /// <summary>
        /// True when the caller chose the retry budget or the connection retries (a parameter, clouds.yaml): the first
        /// sign-in then waits out a refused connection as long as any request. Otherwise it gives up within seconds, as
        /// an auth URL that refuses at the very start is likelier wrong than down.
        /// </summary>
        public bool RetriesChosen { get; set; }
        /// <summary>The compute microversion sent with every os-snapshots call: 2.1 to 2.35.</summary>
        public ComputeMicroversion ComputeApiVersion { get; set; } = ComputeMicroversion.Default;
        /// <summary>Which API serves snapshots and volumes: Compute (Nova's proxy, the default) or BlockStorage (Cinder v3).</summary>
        public SnapshotApi Api { get; set; } = SnapshotApi.Compute;
        public TlsOptions Tls { get; set; } = new TlsOptions();

        /// <summary>How long reconciling a lost create waits at each step; tests shorten it.</summary>
        internal Reconciling.ReconcileTimes Reconcile { get; set; } = Reconciling.ReconcileTimes.Default;

        /// <summary>Tests put a fake transport here; null is the real one.</summary>
        internal Func<System.Net.Http.HttpMessageHandler>? Transport { get; set; }
    }

    /// <summary>How the server's certificate is checked, and the client certificate, if any (clouds.yaml verify, cacert, cert, key).</summary>
    public sealed class TlsOptions
    {
        public bool VerifyCertificate { get; set; } = true;
        /// <summary>A PEM bundle of the CAs to trust instead of the system's.</summary>
        public string? CACertificatePath { get; set; }
        /// <summary>A PEM client certificate; its key is in <see cref="ClientKeyPath"/>, or in the same file.</summary>
        public string? ClientCertificatePath { get; set; }
        public string? ClientKeyPath { get; set; }
    }
}
