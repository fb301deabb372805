using System.Collections.Generic;

namespace OpenStackSnapshot.Client.Config
{
    /// <summary>
    /// Which of a cloud's file value and an OS_* variable wins, key by key, as the openstack CLI (osc-lib 2.6 over
    /// openstacksdk 0.101) resolves them: its argparse defaults come from OS_* and override the cloud's values,
    /// except for the project and domain keys, which openstacksdk's _fix_backwards_project takes from auth: first.
    /// The oracle test (tests/Integration/CloudConfigOracle.Tests.ps1) holds us to it.
    /// </summary>
    public enum Precedence
    {
        EnvironmentFirst,
        FileFirst,
    }

    public sealed class SettingKey
    {
        public SettingKey(string name, Precedence precedence, bool secret, params string[] variables)
        {
            Name = name;
            Precedence = precedence;
            Secret = secret;
            Variables = variables;
        }

        /// <summary>The clouds.yaml key: "auth.username", "interface".</summary>
        public string Name { get; }
        public Precedence Precedence { get; }
        public bool Secret { get; }
        /// <summary>OS_* names, the first set one wins (OS_PROJECT_NAME before the legacy OS_TENANT_NAME).</summary>
        public string[] Variables { get; }

        public bool IsAuth => Name.StartsWith("auth.", System.StringComparison.Ordinal);
        public string Leaf => IsAuth ? Name.Substring(5) : Name;
    }

    public static class SettingKeys
    {
        public static readonly SettingKey AuthUrl = Env("auth.auth_url", "OS_AUTH_URL");
        public static readonly SettingKey UserName = Env("auth.username", "OS_USERNAME");
        public static readonly SettingKey UserId = Env("auth.user_id", "OS_USER_ID");
        public static readonly SettingKey Password = new SettingKey("auth.password", Precedence.EnvironmentFirst, true, "OS_PASSWORD");
        public static readonly SettingKey ProjectName = File("auth.project_name", "OS_PROJECT_NAME", "OS_TENANT_NAME");
        public static readonly SettingKey ProjectId = File("auth.project_id", "OS_PROJECT_ID", "OS_TENANT_ID");
        public static readonly SettingKey UserDomainName = File("auth.user_domain_name", "OS_USER_DOMAIN_NAME");
        public static readonly SettingKey UserDomainId = File("auth.user_domain_id", "OS_USER_DOMAIN_ID");
        public static readonly SettingKey ProjectDomainName = File("auth.project_domain_name", "OS_PROJECT_DOMAIN_NAME");
        public static readonly SettingKey ProjectDomainId = File("auth.project_domain_id", "OS_PROJECT_DOMAIN_ID");
        public static readonly SettingKey DomainName = File("auth.domain_name", "OS_DOMAIN_NAME");
        public static readonly SettingKey DomainId = File("auth.domain_id", "OS_DOMAIN_ID");
        public static readonly SettingKey ApplicationCredentialId = Env("auth.application_credential_id", "OS_APPLICATION_CREDENTIAL_ID");
        public static readonly SettingKey ApplicationCredentialName = Env("auth.application_credential_name", "OS_APPLICATION_CREDENTIAL_NAME");
        public static readonly SettingKey ApplicationCredentialSecret =
            new SettingKey("auth.application_credential_secret", Precedence.EnvironmentFirst, true, "OS_APPLICATION_CREDENTIAL_SECRET");
        public static readonly SettingKey Token = new SettingKey("auth.token", Precedence.FileFirst, true, "OS_TOKEN");
        public static readonly SettingKey AuthType = Env("auth_type", "OS_AUTH_TYPE");
        public static readonly SettingKey Region = Env("region_name", "OS_REGION_NAME");
        public static readonly SettingKey Interface = Env("interface", "OS_INTERFACE");
        public static readonly SettingKey CACertificate = Env("cacert", "OS_CACERT");
        public static readonly SettingKey ClientCertificate = Env("cert", "OS_CERT");
        public static readonly SettingKey ClientKey = Env("key", "OS_KEY");
        public static readonly SettingKey ComputeApiVersion = Env("compute_api_version", "OS_COMPUTE_API_VERSION");
        /// <summary>
        /// This module's own key (the CLI has none): which API serves snapshots, compute or block-storage. Its variable
        /// is the name openstacksdk gives an OS_* variable it does not know (OS_X sets x), and like compute_api_version
        /// the variable wins over the file.
        /// </summary>
        public static readonly SettingKey SnapshotApi = Env("snapshot_api", "OS_SNAPSHOT_API");
        /// <summary>The CLI reads api_timeout from the file only.</summary>
        public static readonly SettingKey ApiTimeout = FileOnly("api_timeout");
        /// <summary>openstacksdk's retry counts: the compute_ key before the plain one; the CLI reads no OS_* for them.</summary>
        public static readonly SettingKey ComputeStatusCodeRetries = FileOnly("compute_status_code_retries");
        public static readonly SettingKey StatusCodeRetries = FileOnly("status_code_retries");
        public static readonly SettingKey ComputeConnectRetries = FileOnly("compute_connect_retries");
        public static readonly SettingKey ConnectRetries = FileOnly("connect_retries");
        /// <summary>This module's own key (the CLI has none): seconds one request may go on retrying.</summary>
        public static readonly SettingKey RetryBudget = FileOnly("retry_budget");

        public static readonly IReadOnlyList<SettingKey> All = new[]
        {
            AuthUrl, UserName, UserId, Password, ProjectName, ProjectId, UserDomainName, UserDomainId, ProjectDomainName,
            ProjectDomainId, DomainName, DomainId, ApplicationCredentialId, ApplicationCredentialName, ApplicationCredentialSecret,
            Token, AuthType, Region, Interface, CACertificate, ClientCertificate, ClientKey, ComputeApiVersion, SnapshotApi, ApiTimeout,
            ComputeStatusCodeRetries, StatusCodeRetries, ComputeConnectRetries, ConnectRetries, RetryBudget,
        };

        /// <summary>OS_* names that choose or locate a cloud without describing one (openstacksdk's "selectors").</summary>
        public static readonly IReadOnlyList<string> Selectors =
            new[] { "OS_CLOUD", "OS_REGION_NAME", "OS_CLIENT_CONFIG_FILE", "OS_CLIENT_SECURE_FILE", "OS_CLOUD_NAME" };

        private static SettingKey Env(string name, params string[] variables) => new SettingKey(name, Precedence.EnvironmentFirst, false, variables);

        private static SettingKey FileOnly(string name) => new SettingKey(name, Precedence.FileFirst, false);

        private static SettingKey File(string name, params string[] variables) => new SettingKey(name, Precedence.FileFirst, false, variables);
    }
}
