using System;
using System.Management.Automation;
using System.Security;
using OpenStackSnapshot.Client;
using OpenStackSnapshot.Client.Config;
using OpenStackSnapshot.Client.Errors;
using OpenStackSnapshot.Sessions;
using OpenStackSnapshot.Completion;

namespace OpenStackSnapshot.Commands
{
    /// <summary>
    /// Signs in to Keystone v3 with the settings the openstack CLI would use (clouds.yaml, secure.yaml, OS_*),
    /// overridden by any parameter given, finds the endpoint of the API chosen (compute or block-storage) and makes
    /// the session this runspace's default (unless -NoDefault).
    /// </summary>
    [Cmdlet(VerbsCommunications.Connect, "OSCloud", DefaultParameterSetName = Configured, HelpUri = HelpLinks.Docs + "Connect-OSCloud.md")]
    [OutputType(typeof(OpenStackSession))]
    public sealed class ConnectOSCloudCommand : OSCmdlet
    {
        private const string Configured = "Configuration";
        private const string ByPassword = "Password";
        private const string ByApplicationCredential = "ApplicationCredential";
        private const string ByToken = "Token";

        /// <summary>A cloud of clouds.yaml; without it, OS_CLOUD, the OS_* variables, or the file's only cloud.</summary>
        [Parameter(Position = 0)]
        [ArgumentCompleter(typeof(CloudNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string? Cloud { get; set; }

        /// <summary>The session's name for -Session and Get-OSSession; the cloud's name when omitted.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        /// <summary>Keystone's URL, such as https://keystone.example:5000/v3.</summary>
        [Parameter]
        [Alias("auth_url")]
        public Uri? AuthUrl { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = ByPassword)]
        [Credential]
        public PSCredential Credential { get; set; } = null!;

        /// <summary>User name: the credential's id; password: its secret. Its project is the scope.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ByApplicationCredential)]
        [Credential]
        public PSCredential ApplicationCredential { get; set; } = null!;

        /// <summary>An existing Keystone token: used with its own scope and catalog until it expires.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ByToken)]
        public SecureString Token { get; set; } = null!;

        [Parameter(ParameterSetName = Configured)]
        [Parameter(ParameterSetName = ByPassword)]
        [Alias("project_name")]
        [ValidateNotNullOrEmpty]
        public string? ProjectName { get; set; }

        [Parameter(ParameterSetName = Configured)]
        [Parameter(ParameterSetName = ByPassword)]
        [Alias("project_id")]
        [ValidateNotNullOrEmpty]
        public string? ProjectId { get; set; }

        [Parameter(ParameterSetName = Configured)]
        [Parameter(ParameterSetName = ByPassword)]
        [Alias("user_domain_name")]
        [ValidateNotNullOrEmpty]
        public string? UserDomainName { get; set; }

        [Parameter(ParameterSetName = Configured)]
        [Parameter(ParameterSetName = ByPassword)]
        [Alias("project_domain_name")]
        [ValidateNotNullOrEmpty]
        public string? ProjectDomainName { get; set; }

        [Parameter]
        [Alias("region_name")]
        [ValidateNotNullOrEmpty]
        public string? Region { get; set; }

        [Parameter]
        [ValidateSet("public", "internal", "admin")]
        public string? Interface { get; set; }

        /// <summary>The compute microversion for os-snapshots: 2.1 (the default) to 2.35.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? ComputeApiVersion { get; set; }

        /// <summary>
        /// Which API serves snapshots and volumes: Compute (Nova's proxy, the default) or BlockStorage (Cinder v3);
        /// clouds.yaml's snapshot_api, OS_SNAPSHOT_API.
        /// </summary>
        // A string, not the client's enum: PowerShell reads parameter types at import, before the client can be loaded.
        [Parameter]
        [ValidateSet("Compute", "BlockStorage")]
        public string? Api { get; set; }

        /// <summary>A PEM bundle of the CAs that issued the cloud's certificates, trusted instead of the system's.</summary>
        [Parameter]
        [Alias("cacert")]
        [ValidateNotNullOrEmpty]
        public string? CACertificatePath { get; set; }

        [Parameter]
        [Alias("cert")]
        [ValidateNotNullOrEmpty]
        public string? ClientCertificatePath { get; set; }

        [Parameter]
        [Alias("key")]
        [ValidateNotNullOrEmpty]
        public string? ClientKeyPath { get; set; }

        /// <summary>Does not check the server's certificate: for test clouds only; warns once per session.</summary>
        [Parameter]
        [Alias("insecure")]
        public SwitchParameter SkipCertificateCheck { get; set; }

        /// <summary>Makes the session without making it this runspace's default: a script's own session, used with -Session.</summary>
        [Parameter]
        public SwitchParameter NoDefault { get; set; }

        /// <summary>Seconds one request may take; clouds.yaml's api_timeout, else 60.</summary>
        [Parameter]
        [ValidateRange(1, 3600)]
        public int? TimeoutSec { get; set; }

        /// <summary>
        /// Retries for failures that are safe to repeat (429, 503, refused connections; 502/504 and timeouts for reads
        /// and deletes): status_code_retries and connect_retries, else 10.
        /// </summary>
        [Parameter]
        [ValidateRange(0, 100)]
        public int? MaximumRetryCount { get; set; }

        /// <summary>Seconds one request may go on retrying, waits included: retry_budget, else 120.</summary>
        [Parameter]
        [ValidateRange(1, 86400)]
        public int? RetryBudgetSec { get; set; }

        /// <summary>Seconds before the first retry; later ones grow exponentially.</summary>
        [Parameter]
        [ValidateRange(0, 60)]
        public double RetryIntervalSec { get; set; } = 1;

        protected override void EndProcessing()
        {
            var target = (object?)Cloud ?? AuthUrl;
            try
            {
                var config = CloudConfigResolver.Resolve(Request(),
                    ConfigEnvironment.FromProcess(SessionState.Path.CurrentFileSystemLocation.ProviderPath));
                var options = config.ToConnectionOptions();
                options.RetryInterval = TimeSpan.FromSeconds(RetryIntervalSec);
                target ??= config.Name ?? (object?)options.AuthUrl;
                var name = Name ?? config.Name ?? "default";
                var session = Run(call => OpenStackSession.ConnectAsync(options, call, name));
                if (session.CertificateCheckSkipped)
                    WriteWarning($"Session '{name}' does not check the certificate of {options.AuthUrl.Host} or of any endpoint "
                        + "(-SkipCertificateCheck, verify: false or OS_INSECURE): anyone on the network path can read and change its traffic, "
                        + "the token included.");
                // The name moves to the new session; an earlier one of that name stays open for whoever holds it.
                SessionStore.Current.Add(session, makeDefault: !NoDefault.IsPresent);
                WriteObject(session);
            }
            catch (OpenStackException e)
            {
                // Nothing else can work without a session: every failure to connect ends the command.
                ThrowTerminatingError(Errors.ErrorMap.ToRecord(e, target));
            }
        }

        /// <summary>Every parameter given, as the clouds.yaml key it overrides.</summary>
        private CloudConfigRequest Request()
        {
            // The client speaks no PowerShell: its messages name a parameter as this layer spells it.
            var request = new CloudConfigRequest { Cloud = Cloud, ParameterSpelling = parameter => "-" + parameter }
                .Set(SettingKeys.AuthUrl.Name, AuthUrl?.OriginalString, nameof(AuthUrl))
                .Set(SettingKeys.ProjectName.Name, ProjectName, nameof(ProjectName))
                .Set(SettingKeys.ProjectId.Name, ProjectId, nameof(ProjectId))
                .Set(SettingKeys.UserDomainName.Name, UserDomainName, nameof(UserDomainName))
                .Set(SettingKeys.ProjectDomainName.Name, ProjectDomainName, nameof(ProjectDomainName))
                .Set(SettingKeys.Region.Name, Region, nameof(Region))
                .Set(SettingKeys.Interface.Name, Interface, nameof(Interface))
                .Set(SettingKeys.ComputeApiVersion.Name, ComputeApiVersion, nameof(ComputeApiVersion))
                .Set(SettingKeys.SnapshotApi.Name, Api, nameof(Api))
                .Set(SettingKeys.CACertificate.Name, Resolve(CACertificatePath), nameof(CACertificatePath))
                .Set(SettingKeys.ClientCertificate.Name, Resolve(ClientCertificatePath), nameof(ClientCertificatePath))
                .Set(SettingKeys.ClientKey.Name, Resolve(ClientKeyPath), nameof(ClientKeyPath))
                .Set(SettingKeys.ApiTimeout.Name, Invariant(TimeoutSec), nameof(TimeoutSec))
                .Set(SettingKeys.RetryBudget.Name, Invariant(RetryBudgetSec), nameof(RetryBudgetSec))
                .Set("verify", SkipCertificateCheck.IsPresent ? "false" : null, nameof(SkipCertificateCheck))
                .Name(SettingKeys.UserName.Name, nameof(Credential)).Name(SettingKeys.Password.Name, nameof(Credential))
                .Name(SettingKeys.ApplicationCredentialId.Name, nameof(ApplicationCredential))
                .Name(SettingKeys.ApplicationCredentialSecret.Name, nameof(ApplicationCredential))
                .Name(SettingKeys.Token.Name, nameof(Token));
            // One count for both kinds, over the compute_ keys too: a parameter wins over every file key.
            foreach (var key in new[] { SettingKeys.ComputeStatusCodeRetries, SettingKeys.StatusCodeRetries,
                                        SettingKeys.ComputeConnectRetries, SettingKeys.ConnectRetries })
                request.Set(key.Name, Invariant(MaximumRetryCount), nameof(MaximumRetryCount));
            switch (ParameterSetName)
            {
                case ByPassword:
                    request.Set(SettingKeys.AuthType.Name, "password", nameof(Credential))
                        .Set(SettingKeys.UserName.Name, Credential.UserName, nameof(Credential))
                        .SetSecret(SettingKeys.Password.Name, Credential.Password, nameof(Credential));
                    break;
                case ByApplicationCredential:
                    request.Set(SettingKeys.AuthType.Name, "v3applicationcredential", nameof(ApplicationCredential))
                        .Set(SettingKeys.ApplicationCredentialId.Name, ApplicationCredential.UserName, nameof(ApplicationCredential))
                        .SetSecret(SettingKeys.ApplicationCredentialSecret.Name, ApplicationCredential.Password, nameof(ApplicationCredential));
                    break;
                case ByToken:
                    request.Set(SettingKeys.AuthType.Name, "token", nameof(Token)).SetSecret(SettingKeys.Token.Name, Token, nameof(Token));
                    break;
            }
            return request;
        }

        private static string? Invariant(int? value) => value?.ToString(System.Globalization.CultureInfo.InvariantCulture);

        /// <summary>A relative path means the caller's $PWD, not the process's directory.</summary>
        private string? Resolve(string? path) => path == null ? null : SessionState.Path.GetUnresolvedProviderPathFromPSPath(path);
    }
}
