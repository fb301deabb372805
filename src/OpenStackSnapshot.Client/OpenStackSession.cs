using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using OpenStackSnapshot.Client.Auth;
using OpenStackSnapshot.Client.BlockStorage;
using OpenStackSnapshot.Client.BlockStorage.Snapshots;
using OpenStackSnapshot.Client.BlockStorage.Volumes;
using OpenStackSnapshot.Client.Compute;
using OpenStackSnapshot.Client.Compute.Snapshots;
using OpenStackSnapshot.Client.Compute.Volumes;
using OpenStackSnapshot.Client.Errors;
using OpenStackSnapshot.Client.Http;
using OpenStackSnapshot.Client.Snapshots;
using OpenStackSnapshot.Client.Volumes;

namespace OpenStackSnapshot.Client
{
    /// <summary>A signed-in connection to one project of one cloud. The token stays inside; nothing shows it.</summary>
    public sealed class OpenStackSession : IDisposable
    {
        private readonly HttpPipeline _pipeline;
        private readonly AuthMethod _auth;

        private OpenStackSession(string name, ConnectionOptions options, HttpPipeline pipeline, AccessToken token, CatalogEndpoint endpoint)
        {
            _pipeline = pipeline;
            _auth = options.Auth;
            Name = name;
            AuthType = options.Auth.AuthType;
            CertificateCheckSkipped = !options.Tls.VerifyCertificate;
            TimeoutSec = options.Timeout.TotalSeconds;
            StatusCodeRetries = options.StatusCodeRetries;
            ConnectRetries = options.ConnectRetries;
            RetryBudgetSec = options.RetryBudget.TotalSeconds;
            AuthUrl = options.AuthUrl;
            Region = endpoint.Region;
            Interface = options.Interface;
            UserName = token.UserName;
            ProjectId = token.ProjectId;
            ProjectName = token.ProjectName;
            Roles = token.Roles;
            Api = options.Api;
            EndpointUrl = new Uri(endpoint.Url.TrimEnd('/'));
            var sender = pipeline.Sender;
            if (Api == SnapshotApi.BlockStorage)
            {
                BlockStorageApiVersion = BlockStorageMicroversion.Pinned;
                var blockStorage = new BlockStorageEndpoint(sender, EndpointUrl);
                Snapshots = new CreateReconciler(new DeleteRefusal(new BlockStorageSnapshotService(blockStorage)), options.Reconcile);
                Volumes = new VolumeCreateReconciler(new VolumeDeleteRefusal(new BlockStorageVolumeService(blockStorage), Snapshots),
                    options.Reconcile);
                return;
            }
            ComputeApiVersion = options.ComputeApiVersion.ToString();
            var offered = ServiceCatalog.Offers(token.Catalog, ServiceCatalog.BlockStorageTypes, options.Interface, options.Region);
            var compute = new ComputeEndpoint(sender, EndpointUrl, options.ComputeApiVersion, offered);
            Snapshots = new CreateReconciler(new DeleteRefusal(new ComputeSnapshotService(compute)), options.Reconcile);
            Volumes = new VolumeCreateReconciler(new VolumeDeleteRefusal(new ComputeVolumeService(compute), Snapshots), options.Reconcile);
        }

        /// <summary>What Get-OSSession and -Session know it by: -Name, else the cloud's name.</summary>
        public string Name { get; }
        /// <summary>password, v3applicationcredential or token.</summary>
        public string AuthType { get; }
        public Uri AuthUrl { get; }
        public string? UserName { get; }
        public string? ProjectId { get; }
        public string? ProjectName { get; }
        /// <summary>The user's roles on the project when the session signed in.</summary>
        public IReadOnlyList<string> Roles { get; }
        /// <summary>
        /// Whether the user is an admin, to whom OpenStack's default policies give every project's snapshots; to
        /// anyone else block storage silently answers an all-projects listing with their own project's.
        /// </summary>
        public bool HasAdminRole => Roles.Any(role => string.Equals(role, "admin", StringComparison.OrdinalIgnoreCase));
        public string Interface { get; }
        /// <summary>Which API serves this session's snapshots and volumes.</summary>
        public SnapshotApi Api { get; }
        /// <summary>The catalog endpoint of that API (compute, or block-storage / volumev3).</summary>
        public Uri EndpointUrl { get; }
        /// <summary>The compute endpoint on a Compute session; null on a BlockStorage one.</summary>
        public Uri? ComputeUrl => Api == SnapshotApi.Compute ? EndpointUrl : null;
        /// <summary>The block-storage endpoint on a BlockStorage session; null on a Compute one.</summary>
        public Uri? BlockStorageUrl => Api == SnapshotApi.BlockStorage ? EndpointUrl : null;
        /// <summary>The region of the endpoint in use (the catalog's, when none was asked for).</summary>
        public string? Region { get; }
        /// <summary>When the current token expires (UTC); it is renewed before then.</summary>
        public DateTime TokenExpiresAt => _pipeline.Tokens.Current?.ExpiresAt ?? DateTime.SpecifyKind(DateTime.MinValue, DateTimeKind.Utc);
        /// <summary>The microversion sent with every os-snapshots call (Compute sessions; null on BlockStorage ones).</summary>
        public string? ComputeApiVersion { get; }
        /// <summary>The microversion sent with every block-storage call (BlockStorage sessions; null on Compute ones).</summary>
        public string? BlockStorageApiVersion { get; }
        /// <summary>True when the server's certificate is not checked (-SkipCertificateCheck, verify: false, OS_INSECURE).</summary>
        public bool CertificateCheckSkipped { get; }
        /// <summary>
        /// How long one attempt may take, and how a failed one is retried (api_timeout, status_code_retries, connect_retries, retry_budget).
        /// </summary>
        public double TimeoutSec { get; }
        public int StatusCodeRetries { get; }
        public int ConnectRetries { get; }
        public double RetryBudgetSec { get; }
        /// <summary>While the cloud is down (the session's circuit is open): until when requests fail fast, unsent. Null otherwise.</summary>
        public DateTime? UnavailableUntil => _pipeline.Breaker.UnavailableUntil;
        /// <summary>Tokens issued for this session so far: 1 after sign-in, one more per renewal, however many callers shared it.</summary>
        public int TokensIssued => _pipeline.Tokens.IssuedCount;

        /// <summary>True once Disconnect-OSCloud (Dispose) closed it.</summary>
        public bool IsClosed { get; private set; }

        /// <summary>The session's snapshots, through whichever API it uses; a create whose answer was lost is reconciled.</summary>
        internal ISnapshotService Snapshots { get; }
        /// <summary>
        /// The session's volumes, through whichever API it uses: a create whose answer was lost is reconciled, a refused delete
        /// says why (the session's snapshots help tell).
        /// </summary>
        internal IVolumeService Volumes { get; }

        /// <summary>Signs in; the session owns <c>options.Auth</c> from here on and wipes it when closed, or now if sign-in fails.</summary>
        public static async Task<OpenStackSession> ConnectAsync(ConnectionOptions options, CallContext call, string name = "default")
        {
            Check(options);
            var pipeline = new HttpPipeline(options);
            try
            {
                var token = await pipeline.Tokens.IssueAsync(call).ConfigureAwait(false);
                try
                {
                    var types = options.Api == SnapshotApi.BlockStorage ? ServiceCatalog.BlockStorageTypes : new[] { "compute" };
                    var endpoint = ServiceCatalog.Find(token.Catalog, types, options.Interface, options.Region);
                    return new OpenStackSession(name, options, pipeline, token, endpoint);
                }
                catch (OpenStackException) when (options.Auth.CanRenew)
                {
                    await pipeline.Keystone.RevokeAsync(token.Value, call).ConfigureAwait(false); // no session will use it
                    throw;
                }
            }
            catch
            {
                pipeline.Dispose();
                options.Auth.Dispose(); // the session would have owned the secret; none was made
                throw;
            }
        }

        private static void Check(ConnectionOptions options)
        {
            if (!options.AuthUrl.IsAbsoluteUri || (options.AuthUrl.Scheme != Uri.UriSchemeHttp && options.AuthUrl.Scheme != Uri.UriSchemeHttps))
                throw new OpenStackException(OpenStackErrorKind.InvalidArgument, $"The auth URL '{options.AuthUrl}' is not an http or https URL.");
            // The retry library's own limits, checked here so they fail as InvalidArgument, not as its exception.
            if (options.Timeout < TimeSpan.FromMilliseconds(10) || options.Timeout > TimeSpan.FromHours(24))
                throw new OpenStackException(OpenStackErrorKind.InvalidArgument, "The timeout must be between 10 milliseconds and 24 hours.");
            if (options.StatusCodeRetries < 0 || options.ConnectRetries < 0
                || options.RetryInterval < TimeSpan.Zero || options.RetryInterval > TimeSpan.FromDays(1))
                throw new OpenStackException(OpenStackErrorKind.InvalidArgument,
                    "The retry counts cannot be negative, and the retry interval must be between 0 and 1 day.");
            if (options.RetryBudget < TimeSpan.FromSeconds(1) || options.RetryBudget > TimeSpan.FromDays(1))
                throw new OpenStackException(OpenStackErrorKind.InvalidArgument, "The retry budget must be between 1 second and 1 day.");
            if (options.Auth is PasswordAuth password
                && string.IsNullOrWhiteSpace(password.ProjectId) && string.IsNullOrWhiteSpace(password.ProjectName))
                throw new OpenStackException(OpenStackErrorKind.InvalidArgument, "Password authentication needs a project name or a project id.");
        }

        public override string ToString() => $"{Name}: {UserName}@{ProjectName ?? ProjectId} ({Api} {EndpointUrl})";

        /// <summary>
        /// Disconnect: revokes the token if this session issued it (a given token is the caller's), then forgets it and the secrets.
        /// </summary>
        public async Task CloseAsync(CallContext call)
        {
            if (IsClosed) return;
            IsClosed = true;
            try
            {
                if (await _pipeline.Tokens.CloseAsync(call).ConfigureAwait(false) is { } issued)
                    await _pipeline.Keystone.RevokeAsync(issued, call).ConfigureAwait(false);
            }
            finally
            {
                Dispose();
            }
        }

        public void Dispose()
        {
            IsClosed = true;
            _pipeline.Tokens.Forget();
            _auth.Dispose();
            _pipeline.Dispose();
        }
    }
}
