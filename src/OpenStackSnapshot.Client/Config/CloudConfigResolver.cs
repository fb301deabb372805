using System;
using System.Collections.Generic;
using System.Linq;
using OpenStackSnapshot.Client.Errors;
using YamlDotNet.RepresentationModel;

namespace OpenStackSnapshot.Client.Config
{
    /// <summary>
    /// Resolves one cloud's settings as the openstack CLI does: the first clouds.yaml and the first secure.yaml found
    /// (secure merged over clouds), the cloud named by -Cloud or OS_CLOUD (else the one the OS_* variables make),
    /// OS_* variables by <see cref="SettingKeys"/>' precedence, and explicit parameters over all.
    /// </summary>
    public static class CloudConfigResolver
    {
        /// <summary>openstacksdk's name for the cloud the OS_* variables make.</summary>
        public const string EnvironmentCloud = "envvars";

        public static CloudConfig Resolve(CloudConfigRequest request, ConfigEnvironment environment)
        {
            var (clouds, secure, files) = LoadFiles(environment);
            var name = ChooseCloud(request.Cloud, environment, clouds, files);
            var values = new Dictionary<string, Setting>();
            foreach (var key in SettingKeys.All)
            {
                if (key == SettingKeys.Region) continue;
                if (Pick(key, request, environment, files, name) is { } setting) values[key.Name] = setting;
            }
            DropOutranked(values);
            foreach (var key in new[] { SettingKeys.CACertificate, SettingKeys.ClientCertificate, SettingKeys.ClientKey })
                Anchor(values, key, environment);
            values[SettingKeys.Region.Name] = Region(request, environment, files, name);
            if (Verify(request, environment, files, name) is { } verify) values["verify"] = verify;
            var defaultDomain = environment.Get("OS_DEFAULT_DOMAIN") is { } domain
                ? Setting.Text(domain, "OS_DEFAULT_DOMAIN")
                : Setting.Text("default", "default");
            var configured = new ConfiguredClouds(Known(files), Searched(environment, clouds));
            return new CloudConfig(name ?? (IsEnvironmentCloud(environment) ? EnvironmentCloud : null), values, defaultDomain,
                clouds?.Path, secure?.Path, name != null ? Location(files, name) : null, request.Parameters, configured);
        }

        /// <summary>
        /// A name and an id of the same thing: Keystone takes the id when both are sent, so an explicit parameter
        /// for one (-ProjectName) drops the other from a file or variable, or the parameter would lose.
        /// </summary>
        private static void DropOutranked(Dictionary<string, Setting> values)
        {
            var pairs = new[]
            {
                (SettingKeys.ProjectName, SettingKeys.ProjectId), (SettingKeys.UserName, SettingKeys.UserId),
                (SettingKeys.UserDomainName, SettingKeys.UserDomainId), (SettingKeys.ProjectDomainName, SettingKeys.ProjectDomainId),
            };
            foreach (var (name, id) in pairs)
            {
                var byName = values.TryGetValue(name.Name, out var n) && n.Source.StartsWith("parameter ", StringComparison.Ordinal);
                var byId = values.TryGetValue(id.Name, out var i) && i.Source.StartsWith("parameter ", StringComparison.Ordinal);
                if (byName && !byId) values.Remove(id.Name);
                if (byId && !byName) values.Remove(name.Name);
            }
        }

        /// <summary>
        /// A path from a file or variable: ~ is the home folder and a relative path is the caller's current directory's, as for the CLI.
        /// </summary>
        private static void Anchor(Dictionary<string, Setting> values, SettingKey key, ConfigEnvironment environment)
        {
            if (!values.TryGetValue(key.Name, out var setting) || setting.TextValue is not { Length: > 0 } path
                || setting.Source.StartsWith("parameter ", StringComparison.Ordinal)) return;
            if (path == "~" || path.StartsWith("~/", StringComparison.Ordinal))
                path = System.IO.Path.Combine(environment.HomeDirectory, path.Substring(Math.Min(2, path.Length)));
            values[key.Name] = Setting.Text(System.IO.Path.GetFullPath(System.IO.Path.Combine(environment.CurrentDirectory, path)), setting.Source);
        }

        private static string? Location(IReadOnlyList<ConfigFile> files, string cloud)
        {
            foreach (var file in files.Reverse()) // clouds.yaml's entry, when there is one, rather than secure.yaml's
            {
                if (file.Find(cloud) is { } node) return file.Where(node);
            }
            return null;
        }

        /// <summary>The names a -Cloud argument may take: every cloud of the clouds.yaml and secure.yaml in use.</summary>
        public static IReadOnlyList<string> CloudNames(ConfigEnvironment environment) => Known(LoadFiles(environment).Files);

        /// <summary>The clouds.yaml in use, and every file in use with secure.yaml first, since it is merged over clouds.yaml.</summary>
        private static (ConfigFile? Clouds, ConfigFile? Secure, IReadOnlyList<ConfigFile> Files) LoadFiles(ConfigEnvironment environment)
        {
            var clouds = ConfigFile.LoadFirst(environment.Candidates("clouds", "OS_CLIENT_CONFIG_FILE"));
            var secure = ConfigFile.LoadFirst(environment.Candidates("secure", "OS_CLIENT_SECURE_FILE"));
            return (clouds, secure, new[] { secure, clouds }.Where(f => f != null).Select(f => f!).ToList());
        }

        private static string? ChooseCloud(string? asked, ConfigEnvironment environment, ConfigFile? clouds, IReadOnlyList<ConfigFile> files)
        {
            var name = asked ?? environment.Get("OS_CLOUD");
            if (name != null)
            {
                if (files.Any(f => f.HasCloud(name))) return name;
                var known = Known(files);
                var has = known.Count > 0 ? $"; it has: {string.Join(", ", known)}" : string.Empty;
                throw new OpenStackException(OpenStackErrorKind.CloudNotFound,
                    $"Cloud '{name}'{(asked == null ? " (from OS_CLOUD)" : string.Empty)} was not found {Searched(environment, clouds)}{has}.",
                    "Use one of the cloud names in clouds.yaml, or set OS_CLIENT_CONFIG_FILE to the file that has it.");
            }
            // openstacksdk alone would take a file's only cloud here, but the CLI passes its empty --os-cloud default
            // on, which selects no cloud: as the CLI, a cloud from a file is used only when named.
            return null;
        }

        /// <summary>Every cloud the files name, clouds.yaml's first.</summary>
        private static List<string> Known(IReadOnlyList<ConfigFile> files) =>
            Enumerable.Reverse(files).SelectMany(f => f.CloudNames).Distinct().ToList();

        /// <summary>Where clouds were looked for: the clouds.yaml in use, or every folder searched when there is none.</summary>
        private static string Searched(ConfigEnvironment environment, ConfigFile? clouds) =>
            clouds != null ? $"in {clouds.Path}" : "in any clouds.yaml: none was found in " + string.Join(", ", environment.SearchFolders());

        /// <summary>Any OS_* variable beyond the selectors makes the environment a cloud of its own, as for the CLI.</summary>
        private static bool IsEnvironmentCloud(ConfigEnvironment environment) =>
            environment.Variables.Any(v => v.Key.StartsWith("OS_", StringComparison.Ordinal) && v.Value.Length > 0
                && !SettingKeys.Selectors.Contains(v.Key) && !v.Key.StartsWith("OS_TEST", StringComparison.Ordinal)
                && !v.Key.StartsWith("OS_STD", StringComparison.Ordinal) && !v.Key.StartsWith("OS_LOG", StringComparison.Ordinal));

        private static Setting? Pick(SettingKey key, CloudConfigRequest request, ConfigEnvironment environment, IReadOnlyList<ConfigFile> files,
            string? cloud)
        {
            if (request.Values.TryGetValue(key.Name, out var given)) return given;
            var fromEnvironment = FromEnvironment(key, environment);
            var fromFile = cloud != null ? FromFiles(key, files, cloud) : null;
            return key.Precedence == Precedence.EnvironmentFirst ? fromEnvironment ?? fromFile : fromFile ?? fromEnvironment;
        }

        private static Setting? FromEnvironment(SettingKey key, ConfigEnvironment environment)
        {
            foreach (var variable in key.Variables)
            {
                if (environment.Get(variable) is { } value) return key.Secret ? Setting.HiddenText(value, variable) : Setting.Text(value, variable);
            }
            return null;
        }

        /// <summary>auth.X is read from the cloud's auth mapping, then from the cloud itself (openstacksdk accepts both).</summary>
        private static Setting? FromFiles(SettingKey key, IReadOnlyList<ConfigFile> files, string cloud)
        {
            var paths = key.IsAuth ? new[] { new[] { "auth", key.Leaf }, new[] { key.Leaf } } : new[] { new[] { key.Leaf } };
            foreach (var path in paths)
            {
                foreach (var file in files)
                {
                    if (!(file.Find(cloud, path) is { } node)) continue;
                    if (!(node is YamlScalarNode scalar))
                        throw ConfigFile.Invalid(
                            $"In {file.Where(node)}: '{key.Name}' of cloud '{cloud}' must be a single value, not a list or mapping.");
                    if (string.IsNullOrEmpty(scalar.Value)
                        || (scalar.Style == YamlDotNet.Core.ScalarStyle.Plain && (scalar.Value == "~" || scalar.Value == "null"))) continue;
                    return key.Secret ? Setting.HiddenText(scalar.Value!, file.Where(node)) : Setting.Text(scalar.Value!, file.Where(node));
                }
            }
            return null;
        }

        /// <summary>The region: asked for, or the cloud's first; a cloud that lists regions accepts only those (the CLI's check).</summary>
        private static Setting Region(CloudConfigRequest request, ConfigEnvironment environment, IReadOnlyList<ConfigFile> files, string? cloud)
        {
            request.Values.TryGetValue(SettingKeys.Region.Name, out var asked);
            asked ??= FromEnvironment(SettingKeys.Region, environment);
            var known = cloud != null ? KnownRegions(files, cloud) : new List<Setting>();
            if (known.Count == 0) return asked ?? Setting.Text(string.Empty, "default");
            if (asked == null) return known[0];
            if (known.Any(r => r.TextValue == asked.TextValue)) return asked;
            throw new OpenStackException(OpenStackErrorKind.InvalidConfiguration,
                $"Region '{asked.TextValue}' (from {asked.Source}) is not a region of cloud '{cloud}'; "
                + $"it has: {string.Join(", ", known.Select(r => r.TextValue))} ({known[0].Source}). Region names are case-sensitive.",
                "Pass one of the cloud's regions, or add the region to its 'regions' list in clouds.yaml.");
        }

        private static List<Setting> KnownRegions(IReadOnlyList<ConfigFile> files, string cloud)
        {
            foreach (var file in files)
            {
                if (file.Find(cloud, "regions") is YamlSequenceNode list)
                {
                    return list.Children.Select(item => item switch
                    {
                        YamlScalarNode { Value: { } name } => Setting.Text(name, file.Where(item)),
                        YamlMappingNode map when map.Children.TryGetValue(new YamlScalarNode("name"), out var n)
                            && n is YamlScalarNode { Value: { } named } => Setting.Text(named, file.Where(item)),
                        _ => throw ConfigFile.Invalid(
                            $"In {file.Where(item)}: each entry of 'regions' of cloud '{cloud}' must be a name or a mapping with 'name'."),
                    }).ToList();
                }
                if (file.Find(cloud, "regions") is { } other)
                    throw ConfigFile.Invalid($"In {file.Where(other)}: 'regions' of cloud '{cloud}' must be a list.");
            }
            if (FromFiles(SettingKeys.Region, files, cloud) is { } single)
                return single.TextValue!.Split(',').Select(r => Setting.Text(r.Trim(), single.Source)).Where(r => r.TextValue!.Length > 0).ToList();
            return new List<Setting>();
        }

        /// <summary>-SkipCertificateCheck, OS_INSECURE, then the file's verify (or insecure); null means verify.</summary>
        private static Setting? Verify(CloudConfigRequest request, ConfigEnvironment environment, IReadOnlyList<ConfigFile> files, string? cloud)
        {
            if (request.Values.TryGetValue("verify", out var given)) return given;
            if (environment.Get("OS_INSECURE") is { } insecure) return Setting.Text(Invert(insecure), "OS_INSECURE");
            if (cloud == null) return null;
            if (FromFiles(new SettingKey("verify", Precedence.FileFirst, false), files, cloud) is { } verify) return verify;
            if (FromFiles(new SettingKey("insecure", Precedence.FileFirst, false), files, cloud) is { } fileInsecure)
                return Setting.Text(Invert(fileInsecure.TextValue!), fileInsecure.Source);
            return null;
        }

        /// <summary>openstacksdk's get_boolean: true, yes, 1 (any case) are true.</summary>
        internal static bool IsTrue(string value) =>
            value.Equals("true", StringComparison.OrdinalIgnoreCase) || value.Equals("yes", StringComparison.OrdinalIgnoreCase) || value == "1";

        internal static bool IsFalse(string value) =>
            value.Equals("false", StringComparison.OrdinalIgnoreCase) || value.Equals("no", StringComparison.OrdinalIgnoreCase) || value == "0";

        /// <summary>"insecure" as "verify": a value that is neither true nor false is kept, so verify's check refuses it.</summary>
        private static string Invert(string insecure) => IsTrue(insecure) ? "false" : IsFalse(insecure) ? "true" : insecure;
    }
}
