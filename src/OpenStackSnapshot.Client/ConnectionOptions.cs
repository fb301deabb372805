using System;
using OpenStackSnapshot.Client.Auth;

namespace OpenStackSnapshot.Client
{
    /// <summary>Where and how to connect; the defaults are the openstack CLI's.</summary>
    public sealed class ConnectionOptions
    {
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
        /// <summary>How long one attempt may take.</summary>
        public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);
        /// <summary>Attempts after the first, for failures that are safe to repeat.</summary>
        public int MaximumRetryCount { get; set; } = 3;
        /// <summary>The first retry's delay; later ones grow exponentially, with jitter.</summary>
        public TimeSpan RetryInterval { get; set; } = TimeSpan.FromSeconds(1);
        /// <summary>The compute microversion sent with every os-snapshots call: 2.1 to 2.35.</summary>
        public ComputeMicroversion ComputeApiVersion { get; set; } = ComputeMicroversion.Default;
        public TlsOptions Tls { get; set; } = new TlsOptions();

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
