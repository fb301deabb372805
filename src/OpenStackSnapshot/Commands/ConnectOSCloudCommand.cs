using System;
using System.Management.Automation;
using OpenStackSnapshot.Client;
using OpenStackSnapshot.Client.Auth;
using OpenStackSnapshot.Client.Errors;
using OpenStackSnapshot.Sessions;

namespace OpenStackSnapshot.Commands
{
    /// <summary>Signs in to Keystone v3, finds the compute endpoint and makes the session the default.</summary>
    [Cmdlet(VerbsCommunications.Connect, "OSCloud", DefaultParameterSetName = ByProjectName)]
    [OutputType(typeof(OpenStackSession))]
    public sealed class ConnectOSCloudCommand : OSCmdlet
    {
        private const string ByProjectName = "Password";
        private const string ByProjectId = "PasswordProjectId";
        private const string ByApplicationCredential = "ApplicationCredential";

        /// <summary>Keystone's URL, such as https://keystone.example:5000/v3.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [Alias("auth_url")]
        public Uri AuthUrl { get; set; } = null!;

        [Parameter(Mandatory = true, ParameterSetName = ByProjectName)]
        [Parameter(Mandatory = true, ParameterSetName = ByProjectId)]
        [Credential]
        public PSCredential Credential { get; set; } = null!;

        [Parameter(Mandatory = true, ParameterSetName = ByProjectName)]
        [Alias("project_name")]
        [ValidateNotNullOrEmpty]
        public string ProjectName { get; set; } = null!;

        [Parameter(Mandatory = true, ParameterSetName = ByProjectId)]
        [Alias("project_id")]
        [ValidateNotNullOrEmpty]
        public string ProjectId { get; set; } = null!;

        [Parameter(ParameterSetName = ByProjectName)]
        [Parameter(ParameterSetName = ByProjectId)]
        [Alias("user_domain_name")]
        [ValidateNotNullOrEmpty]
        public string UserDomainName { get; set; } = "Default";

        [Parameter(ParameterSetName = ByProjectName)]
        [Alias("project_domain_name")]
        [ValidateNotNullOrEmpty]
        public string ProjectDomainName { get; set; } = "Default";

        /// <summary>User name: the credential's id; password: its secret. Its project is the scope.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ByApplicationCredential)]
        [Credential]
        public PSCredential ApplicationCredential { get; set; } = null!;

        [Parameter]
        [Alias("region_name")]
        [ValidateNotNullOrEmpty]
        public string? Region { get; set; }

        [Parameter]
        [ValidateSet("public", "internal", "admin")]
        public string Interface { get; set; } = "public";

        /// <summary>Seconds one request may take.</summary>
        [Parameter]
        [ValidateRange(1, 3600)]
        public int TimeoutSec { get; set; } = 60;

        /// <summary>Retries for failures that are safe to repeat (429, 503, refused connections; 502/504 for reads).</summary>
        [Parameter]
        [ValidateRange(0, 10)]
        public int MaximumRetryCount { get; set; } = 3;

        /// <summary>Seconds before the first retry; later ones grow exponentially.</summary>
        [Parameter]
        [ValidateRange(0, 60)]
        public double RetryIntervalSec { get; set; } = 1;

        protected override void EndProcessing()
        {
            var options = new ConnectionOptions(AuthUrl, Auth())
            {
                Region = Region,
                Interface = Interface,
                Timeout = TimeSpan.FromSeconds(TimeoutSec),
                MaximumRetryCount = MaximumRetryCount,
                RetryInterval = TimeSpan.FromSeconds(RetryIntervalSec),
            };
            try
            {
                var session = Run(call => OpenStackSession.ConnectAsync(options, call));
                SessionStore.Default = session;
                WriteObject(session);
            }
            catch (OpenStackException e)
            {
                // Nothing else can work without a session: every failure to connect ends the command.
                ThrowTerminatingError(Errors.ErrorMap.ToRecord(e, AuthUrl));
            }
        }

        private AuthMethod Auth()
        {
            if (ParameterSetName == ByApplicationCredential)
                return new ApplicationCredentialAuth(ApplicationCredential.UserName, ApplicationCredential.Password);
            return new PasswordAuth(Credential.UserName, Credential.Password)
            {
                UserDomainName = UserDomainName,
                ProjectName = ParameterSetName == ByProjectName ? ProjectName : null,
                ProjectId = ParameterSetName == ByProjectId ? ProjectId : null,
                ProjectDomainName = ProjectDomainName,
            };
        }
    }
}
