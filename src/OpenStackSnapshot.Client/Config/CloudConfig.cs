using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security;
using OpenStackSnapshot.Client.Auth;
using OpenStackSnapshot.Client.Errors;

namespace OpenStackSnapshot.Client.Config
{
    /// <summary>
    /// One cloud's resolved settings, and where each came from. Secrets are held, never shown: only whether one is present.
    /// Get-OSCloudConfig writes this object; Connect-OSCloud connects with <see cref="ToConnectionOptions"/>.
    /// </summary>
    public sealed class CloudConfig
    {
        private readonly IReadOnlyDictionary<string, Setting> _values;
        private readonly Setting _defaultDomain;
        private readonly string? _cloudLocation;
        private readonly IReadOnlyDictionary<string, string> _parameters;
        private readonly ConfiguredClouds _configured;

        internal CloudConfig(string? name, IReadOnlyDictionary<string, Setting> values, Setting defaultDomain, string? configFile, string? secureFile,
            string? cloudLocation, IReadOnlyDictionary<string, string> parameters, ConfiguredClouds configured)
        {
            _parameters = parameters;
            _configured = configured;
            Name = name;
            _values = values;
            _defaultDomain = defaultDomain;
            ConfigFile = configFile;
            SecureFile = secureFile;
            _cloudLocation = cloudLocation;
            var sources = new Dictionary<string, string>();
            void Note(string property, params string[] keys)
            {
                foreach (var key in keys)
                {
                    if (values.TryGetValue(key, out var setting) && (setting.TextValue is { Length: > 0 } || setting.Secret != null))
                    {
                        sources[property] = setting.Source;
                        return;
                    }
                }
            }
            Note(nameof(AuthType), SettingKeys.AuthType.Name);
            Note(nameof(AuthUrl), SettingKeys.AuthUrl.Name);
            Note(nameof(UserName), SettingKeys.UserName.Name);
            Note(nameof(UserId), SettingKeys.UserId.Name);
            Note(nameof(UserDomainName), SettingKeys.UserDomainName.Name);
            Note(nameof(UserDomainId), SettingKeys.UserDomainId.Name);
            Note(nameof(ProjectName), SettingKeys.ProjectName.Name);
            Note(nameof(ProjectId), SettingKeys.ProjectId.Name);
            Note(nameof(ProjectDomainName), SettingKeys.ProjectDomainName.Name);
            Note(nameof(ProjectDomainId), SettingKeys.ProjectDomainId.Name);
            Note(nameof(ApplicationCredentialId), SettingKeys.ApplicationCredentialId.Name);
            Note(nameof(ApplicationCredentialName), SettingKeys.ApplicationCredentialName.Name);
            Note(nameof(HasPassword), SettingKeys.Password.Name);
            Note(nameof(HasApplicationCredentialSecret), SettingKeys.ApplicationCredentialSecret.Name);
            Note(nameof(HasToken), SettingKeys.Token.Name);
            Note(nameof(Region), SettingKeys.Region.Name);
            Note(nameof(Interface), SettingKeys.Interface.Name);
            Note(nameof(VerifyCertificate), "verify");
            Note(nameof(CACertificatePath), SettingKeys.CACertificate.Name);
            Note(nameof(ClientCertificatePath), SettingKeys.ClientCertificate.Name);
            Note(nameof(ClientKeyPath), SettingKeys.ClientKey.Name);
            Note(nameof(ComputeApiVersion), SettingKeys.ComputeApiVersion.Name);
            Note(nameof(Api), SettingKeys.SnapshotApi.Name);
            Note(nameof(TimeoutSec), SettingKeys.ApiTimeout.Name);
            Note(nameof(StatusCodeRetries), SettingKeys.ComputeStatusCodeRetries.Name, SettingKeys.StatusCodeRetries.Name);
            Note(nameof(ConnectRetries), SettingKeys.ComputeConnectRetries.Name, SettingKeys.ConnectRetries.Name);
            Note(nameof(RetryBudgetSec), SettingKeys.RetryBudget.Name);
            if (UsesDefaultDomain(SettingKeys.UserDomainName, SettingKeys.UserDomainId)
                && (UserName != null || ApplicationCredentialName != null))
                sources[nameof(UserDomainId)] = _defaultDomain.Source;
            if (UsesDefaultDomain(SettingKeys.ProjectDomainName, SettingKeys.ProjectDomainId) && ProjectName != null)
                sources[nameof(ProjectDomainId)] = _defaultDomain.Source;
            Source = sources;
        }

        /// <summary>The cloud's name in clouds.yaml; "envvars" for the cloud the OS_* variables make; null when there is neither.</summary>
        public string? Name { get; }
        /// <summary>password, v3applicationcredential or token (clouds.yaml's v3password and v3token mean the same).</summary>
        public string AuthType => Lenient(() => NormalizedAuthType(out _), Text(SettingKeys.AuthType) ?? PasswordAuth.TypeName);
        public string? AuthUrl => Text(SettingKeys.AuthUrl);
        public string? UserName => Text(SettingKeys.UserName);
        public string? UserId => Text(SettingKeys.UserId);
        public string? UserDomainName => Text(SettingKeys.UserDomainName);
        /// <summary>The user's domain id; OS_DEFAULT_DOMAIN (else "default") when no user domain is set, as the CLI does.</summary>
        public string? UserDomainId => Text(SettingKeys.UserDomainId)
            ?? (UsesDefaultDomain(SettingKeys.UserDomainName, SettingKeys.UserDomainId)
                && (UserName != null || ApplicationCredentialName != null) ? _defaultDomain.TextValue : null);
        public string? ProjectName => Text(SettingKeys.ProjectName);
        public string? ProjectId => Text(SettingKeys.ProjectId);
        public string? ProjectDomainName => Text(SettingKeys.ProjectDomainName);
        public string? ProjectDomainId => Text(SettingKeys.ProjectDomainId)
            ?? (UsesDefaultDomain(SettingKeys.ProjectDomainName, SettingKeys.ProjectDomainId)
                && ProjectName != null ? _defaultDomain.TextValue : null);
        public string? ApplicationCredentialId => Text(SettingKeys.ApplicationCredentialId);
        public string? ApplicationCredentialName => Text(SettingKeys.ApplicationCredentialName);
        public bool HasPassword => Secret(SettingKeys.Password) != null;
        public bool HasApplicationCredentialSecret => Secret(SettingKeys.ApplicationCredentialSecret) != null;
        public bool HasToken => Secret(SettingKeys.Token) != null;
        /// <summary>The region; null lets the catalog's first compute endpoint decide.</summary>
        public string? Region => Text(SettingKeys.Region);
        public string Interface => Lenient(NormalizedInterface, Text(SettingKeys.Interface) ?? "public");
        public bool VerifyCertificate => Lenient(() => !_values.TryGetValue("verify", out var verify) || Bool(verify), true);
        public string? CACertificatePath => Text(SettingKeys.CACertificate);
        public string? ClientCertificatePath => Text(SettingKeys.ClientCertificate);
        public string? ClientKeyPath => Text(SettingKeys.ClientKey);
        public string ComputeApiVersion => Text(SettingKeys.ComputeApiVersion) ?? ComputeMicroversion.Default.ToString();
        /// <summary>Which API serves snapshots: snapshot_api (OS_SNAPSHOT_API, -Api), else Compute.</summary>
        public string Api => Lenient(() => SnapshotApiOf().ToString(), Text(SettingKeys.SnapshotApi) ?? nameof(SnapshotApi.Compute));
        /// <summary>Seconds one request may take: api_timeout, else 60.</summary>
        public int TimeoutSec => Lenient(Timeout, 60);
        /// <summary>
        /// Retries after 429/503 (and 502/504 where repeating is harmless): compute_status_code_retries, status_code_retries, else 10.
        /// </summary>
        public int StatusCodeRetries =>
            Lenient(() => Count(SettingKeys.ComputeStatusCodeRetries, SettingKeys.StatusCodeRetries), ConnectionOptions.DefaultRetries);
        /// <summary>Retries after a refused or lost connection: compute_connect_retries, connect_retries, else 10.</summary>
        public int ConnectRetries =>
            Lenient(() => Count(SettingKeys.ComputeConnectRetries, SettingKeys.ConnectRetries), ConnectionOptions.DefaultRetries);
        /// <summary>Seconds one request may go on retrying: retry_budget, else 120.</summary>
        public int RetryBudgetSec => Lenient(Budget, (int)ConnectionOptions.DefaultRetryBudget.TotalSeconds);
        /// <summary>The clouds.yaml and secure.yaml in use (the first found of each), null when none.</summary>
        public string? ConfigFile { get; }
        public string? SecureFile { get; }
        /// <summary>
        /// Where each setting came from, by property: "parameter -Region", "OS_REGION_NAME", "/home/u/.config/openstack/clouds.yaml:7",
        /// "default".
        /// </summary>
        public IReadOnlyDictionary<string, string> Source { get; }

        /// <summary>The first problem that would stop Connect-OSCloud, or null: Get-OSCloudConfig reports it beside the settings.</summary>
        public OpenStackException? Problem()
        {
            try
            {
                ToConnectionOptions().Auth.Dispose();
                return null;
            }
            catch (OpenStackException e)
            {
                return e;
            }
        }

        /// <summary>Checks that the settings are complete and sound, and builds what a session needs.</summary>
        public ConnectionOptions ToConnectionOptions()
        {
            var authUrl = Text(SettingKeys.AuthUrl) ?? throw Missing(SettingKeys.AuthUrl);
            if (!Uri.TryCreate(authUrl, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
                throw Bad(SettingKeys.AuthUrl, $"'{authUrl}' is not an http or https URL");
            var options = new ConnectionOptions(url, Auth())
            {
                Region = Region is { Length: > 0 } region ? region : null,
                Interface = NormalizedInterface(),
                Timeout = TimeSpan.FromSeconds(Timeout()),
                StatusCodeRetries = Count(SettingKeys.ComputeStatusCodeRetries, SettingKeys.StatusCodeRetries),
                ConnectRetries = Count(SettingKeys.ComputeConnectRetries, SettingKeys.ConnectRetries),
                RetryBudget = TimeSpan.FromSeconds(Budget()),
                RetriesChosen = RetryKeys.Any(key => Text(key) != null),
                ComputeApiVersion = Microversion(),
                Api = SnapshotApiOf(),
                Tls = new TlsOptions
                {
                    VerifyCertificate = !_values.TryGetValue("verify", out var verify) || Bool(verify),
                    CACertificatePath = CACertificatePath,
                    ClientCertificatePath = ClientCertificatePath,
                    ClientKeyPath = ClientKeyPath,
                },
            };
            if (ClientKeyPath != null && ClientCertificatePath == null)
                throw Missing(SettingKeys.ClientCertificate, "a client key (key) was given without its certificate");
            return options;
        }

        /// <summary>How long a refused connection is retried: once a file or a parameter sets one, the first sign-in obeys it too.</summary>
        private static readonly SettingKey[] RetryKeys = { SettingKeys.RetryBudget, SettingKeys.ComputeConnectRetries, SettingKeys.ConnectRetries };

        /// <summary>A bad microversion given as a parameter is a bad argument; from a file or variable, bad configuration.</summary>
        private ComputeMicroversion Microversion()
        {
            var source = SourceOf(SettingKeys.ComputeApiVersion) ?? "default";
            try
            {
                return ComputeMicroversion.Parse(ComputeApiVersion, source);
            }
            catch (OpenStackException e) when (!source.StartsWith("parameter ", StringComparison.Ordinal))
            {
                throw new OpenStackException(OpenStackErrorKind.InvalidConfiguration, e.Message, e.RecommendedAction, e);
            }
        }

        /// <summary>compute or block-storage (block_storage and the enum's own names are accepted too, in any case).</summary>
        private SnapshotApi SnapshotApiOf()
        {
            var text = Text(SettingKeys.SnapshotApi);
            if (text == null) return SnapshotApi.Compute;
            switch (text.Trim().Replace("-", string.Empty).Replace("_", string.Empty).ToLowerInvariant())
            {
                case "compute": return SnapshotApi.Compute;
                case "blockstorage": return SnapshotApi.BlockStorage;
                default: throw Bad(SettingKeys.SnapshotApi, $"'{text}' is not compute or block-storage");
            }
        }

        private static T Lenient<T>(Func<T> strict, T fallback)
        {
            try
            {
                return strict();
            }
            catch (OpenStackException)
            {
                return fallback; // shown as given; Problem() says what is wrong with it
            }
        }

        private AuthMethod Auth()
        {
            var type = NormalizedAuthType(out var typeSource);
            switch (type)
            {
                case PasswordAuth.TypeName:
                    if (UserName == null && UserId == null)
                        throw Missing(SettingKeys.UserName, $"auth_type password (from {typeSource}) needs a user");
                    var password = Secret(SettingKeys.Password) ?? throw Missing(SettingKeys.Password);
                    if (ProjectName == null && ProjectId == null)
                        throw Missing(SettingKeys.ProjectName, "snapshots belong to a project, so the token must be scoped to one");
                    return new PasswordAuth(UserName, password.Copy())
                    {
                        UserId = UserId, UserDomainName = UserDomainName, UserDomainId = UserDomainId,
                        ProjectName = ProjectName, ProjectId = ProjectId,
                        ProjectDomainName = ProjectDomainName, ProjectDomainId = ProjectDomainId,
                    };
                case ApplicationCredentialAuth.TypeName:
                    var secret = Secret(SettingKeys.ApplicationCredentialSecret) ?? throw Missing(SettingKeys.ApplicationCredentialSecret);
                    if (ApplicationCredentialId == null && ApplicationCredentialName == null) throw Missing(SettingKeys.ApplicationCredentialId);
                    if (ApplicationCredentialId == null && UserName == null && UserId == null)
                        throw Missing(SettingKeys.UserName, "an application credential given by name needs its user (username or user_id)");
                    return new ApplicationCredentialAuth(ApplicationCredentialId, secret.Copy())
                    {
                        Name = ApplicationCredentialName, UserName = UserName, UserId = UserId,
                        UserDomainName = UserDomainName, UserDomainId = UserDomainId,
                    };
                default:
                    var token = Secret(SettingKeys.Token) ?? throw Missing(SettingKeys.Token);
                    return new TokenAuth(token.Copy());
            }
        }

        /// <summary>An explicit auth_type, else what the credentials present imply (the CLI would assume password and fail).</summary>
        private string NormalizedAuthType(out string source)
        {
            if (_values.TryGetValue(SettingKeys.AuthType.Name, out var given) && given.TextValue is { Length: > 0 } text)
            {
                source = given.Source;
                switch (text.ToLowerInvariant())
                {
                    case "password": case "v3password": return PasswordAuth.TypeName;
                    case "v3applicationcredential": case "applicationcredential": case "application_credential":
                        return ApplicationCredentialAuth.TypeName;
                    case "token": case "v3token": return TokenAuth.TypeName;
                    default:
                        throw Bad(SettingKeys.AuthType, $"'{text}' is not an auth type this module can use "
                            + "(password, v3password, v3applicationcredential, token, v3token)");
                }
            }
            source = "the settings present";
            if (Secret(SettingKeys.Password) == null
                && (Secret(SettingKeys.ApplicationCredentialSecret) != null || ApplicationCredentialId != null))
                return ApplicationCredentialAuth.TypeName;
            if (Secret(SettingKeys.Password) == null && Secret(SettingKeys.Token) != null) return TokenAuth.TypeName;
            return PasswordAuth.TypeName;
        }

        private string NormalizedInterface()
        {
            var text = Text(SettingKeys.Interface);
            if (text == null) return "public";
            var value = text.ToLowerInvariant();
            // publicURL: keystone v2 spelling, as the CLI accepts
            if (value.EndsWith("url", StringComparison.Ordinal)) value = value.Substring(0, value.Length - 3);
            if (value == "public" || value == "internal" || value == "admin") return value;
            throw Bad(SettingKeys.Interface, $"'{text}' is not public, internal or admin");
        }

        private int Timeout()
        {
            var text = Text(SettingKeys.ApiTimeout);
            if (text == null) return 60;
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 1 && seconds <= 3600)
                return (int)Math.Ceiling(seconds);
            throw Bad(SettingKeys.ApiTimeout, $"'{text}' is not a number of seconds from 1 to 3600");
        }

        /// <summary>The first of the keys that is set (the compute_ one first), as a count from 0 to 100.</summary>
        private int Count(SettingKey preferred, SettingKey plain)
        {
            var key = Text(preferred) != null ? preferred : plain;
            var text = Text(key);
            if (text == null) return ConnectionOptions.DefaultRetries;
            if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var count) && count >= 0 && count <= 100) return count;
            throw Bad(key, $"'{text}' is not a whole number from 0 to 100");
        }

        private int Budget()
        {
            var text = Text(SettingKeys.RetryBudget);
            if (text == null) return (int)ConnectionOptions.DefaultRetryBudget.TotalSeconds;
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 1 && seconds <= 86400)
                return (int)Math.Ceiling(seconds);
            throw Bad(SettingKeys.RetryBudget, $"'{text}' is not a number of seconds from 1 to 86400");
        }

        private bool Bool(Setting setting)
        {
            var text = setting.TextValue ?? string.Empty;
            if (CloudConfigResolver.IsTrue(text)) return true;
            if (CloudConfigResolver.IsFalse(text)) return false;
            throw new OpenStackException(OpenStackErrorKind.InvalidConfiguration,
                $"{(setting.Source == "OS_INSECURE" ? "OS_INSECURE" : $"verify (from {setting.Source})")} must be true or false, "
                + $"not '{text}'; a CA bundle goes in cacert.",
                "Write verify: true or verify: false, and put a CA bundle's path in cacert.");
        }

        private bool UsesDefaultDomain(SettingKey name, SettingKey id) => Text(name) == null && Text(id) == null;

        private string? Text(SettingKey key) =>
            _values.TryGetValue(key.Name, out var setting) && setting.TextValue is { Length: > 0 } text ? text : null;

        private SecureString? Secret(SettingKey key) => _values.TryGetValue(key.Name, out var setting) ? setting.Secret : null;

        private string? SourceOf(SettingKey key) => _values.TryGetValue(key.Name, out var setting) ? setting.Source : null;

        private string Where() => Name == null
            ? "No cloud was named (OS_CLOUD) and no OS_* variable describes one, so the configuration"
            : _cloudLocation != null ? $"cloud '{Name}' ({_cloudLocation})" : $"cloud '{Name}'";

        private OpenStackException Missing(SettingKey key, string? why = null)
        {
            var variable = key.Variables.Length > 0 ? $", set {key.Variables[0]}" : string.Empty;
            var setIt = variable + (_parameters.TryGetValue(key.Name, out var parameter) ? $", or pass {parameter}" : string.Empty);
            var missing = $"{Where()} has no {key.Name}{(why != null ? $": {why}" : string.Empty)}{(key.Secret ? SecureFileRead() : string.Empty)}";
            // With nothing at all to sign in with, which clouds could have been named is what helps.
            if (Name == null && key == SettingKeys.AuthUrl)
            {
                var choose = _configured.Names.Count > 0
                    ? "Name one of those clouds (OS_CLOUD)"
                    : "Add a cloud to a clouds.yaml (OS_CLIENT_CONFIG_FILE names one elsewhere)";
                var said = Sentences.Join(missing, _configured.Said);
                return new OpenStackException(OpenStackErrorKind.InvalidConfiguration, said, choose + setIt + ".");
            }
            return new OpenStackException(OpenStackErrorKind.InvalidConfiguration, Sentences.Join(missing),
                $"Add {key.Name} to the cloud in clouds.yaml{(key.Secret ? " or secure.yaml" : string.Empty)}{setIt}."
                + (key.Secret ? SecureFileRule : string.Empty));
        }

        // A secret missing is most often a secure.yaml that was not read: say which one was, if any.
        private string SecureFileRead() => SecureFile != null ? $", nor has the secure.yaml read ({SecureFile})" : ", and no secure.yaml was found";

        // openstacksdk's loader looks for secure.yaml only in its search folders and at OS_CLIENT_SECURE_FILE.
        private const string SecureFileRule =
            " As for the openstack CLI, secure.yaml is read from the folders searched for clouds.yaml or from OS_CLIENT_SECURE_FILE, "
            + "never from beside a clouds.yaml that OS_CLIENT_CONFIG_FILE names: "
            + "for a secure.yaml elsewhere, set OS_CLIENT_SECURE_FILE to its path.";

        /// <summary>A bad value given as a parameter is a bad argument; from a file or a variable, bad configuration.</summary>
        private OpenStackException Bad(SettingKey key, string problem) =>
            new OpenStackException(
                (SourceOf(key) ?? string.Empty).StartsWith("parameter ", StringComparison.Ordinal)
                    ? OpenStackErrorKind.InvalidArgument
                    : OpenStackErrorKind.InvalidConfiguration,
                Name == null ? $"{key.Name} (from {SourceOf(key)}): {problem}." : $"{key.Name} of {Where()} (from {SourceOf(key)}): {problem}.",
                $"Correct {key.Name} where it was set ({SourceOf(key)}).");
    }
}
