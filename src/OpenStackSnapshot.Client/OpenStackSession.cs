using System;
using System.Threading.Tasks;
using OpenStackSnapshot.Client.Auth;
using OpenStackSnapshot.Client.Compute;
using OpenStackSnapshot.Client.Errors;
using OpenStackSnapshot.Client.Http;

namespace OpenStackSnapshot.Client
{
    /// <summary>A signed-in connection to one project of one cloud. The token stays inside; nothing shows it.</summary>
    public sealed class OpenStackSession : IDisposable
    {
        private readonly HttpPipeline _pipeline;
        private readonly TokenSource _tokens;

        private OpenStackSession(ConnectionOptions options, HttpPipeline pipeline, TokenSource tokens, AccessToken token, CatalogEndpoint endpoint)
        {
            _pipeline = pipeline;
            _tokens = tokens;
            AuthUrl = options.AuthUrl;
            Region = endpoint.Region;
            Interface = options.Interface;
            UserName = token.UserName;
            ProjectId = token.ProjectId;
            ProjectName = token.ProjectName;
            ComputeUrl = new Uri(endpoint.Url.TrimEnd('/'));
            var compute = new ComputeRequests(new ApiSender(pipeline.Client), ComputeUrl);
            Snapshots = new SnapshotClient(compute);
            Volumes = new VolumeClient(compute);
        }

        public Uri AuthUrl { get; }
        public string? UserName { get; }
        public string? ProjectId { get; }
        public string? ProjectName { get; }
        public string Interface { get; }
        public Uri ComputeUrl { get; }
        /// <summary>The region of the compute endpoint in use (the catalog's, when none was asked for).</summary>
        public string? Region { get; }
        /// <summary>When the current token expires (UTC); it is renewed before then.</summary>
        public DateTime TokenExpiresAt => _tokens.Current?.ExpiresAt ?? DateTime.MinValue;

        /// <summary>True once Disconnect-OSCloud (Dispose) closed it.</summary>
        public bool IsClosed { get; private set; }

        public SnapshotClient Snapshots { get; }
        public VolumeClient Volumes { get; }

        public static async Task<OpenStackSession> ConnectAsync(ConnectionOptions options, CallContext call)
        {
            Check(options);
            var tokens = new TokenSource();
            var pipeline = new HttpPipeline(options, tokens);
            try
            {
                var keystone = new KeystoneClient(new ApiSender(pipeline.Client), options.AuthUrl, options.Auth);
                tokens.Bind(keystone.IssueAsync);
                var token = await tokens.IssueAsync(call).ConfigureAwait(false);
                var endpoint = ServiceCatalog.Find(token.Catalog, "compute", options.Interface, options.Region);
                return new OpenStackSession(options, pipeline, tokens, token, endpoint);
            }
            catch
            {
                pipeline.Dispose();
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
            if (options.MaximumRetryCount < 0 || options.RetryInterval < TimeSpan.Zero || options.RetryInterval > TimeSpan.FromDays(1))
                throw new OpenStackException(OpenStackErrorKind.InvalidArgument, "The retry count cannot be negative, and the retry interval must be between 0 and 1 day.");
            if (options.Auth is PasswordAuth password && string.IsNullOrWhiteSpace(password.ProjectId) && string.IsNullOrWhiteSpace(password.ProjectName))
                throw new OpenStackException(OpenStackErrorKind.InvalidArgument, "Password authentication needs a project name or a project id.");
        }

        public override string ToString() => $"{UserName}@{ProjectName ?? ProjectId} ({ComputeUrl})";

        public void Dispose()
        {
            IsClosed = true;
            _pipeline.Dispose();
        }
    }
}
