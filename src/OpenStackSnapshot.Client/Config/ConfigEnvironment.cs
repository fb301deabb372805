using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Runtime.InteropServices;

namespace OpenStackSnapshot.Client.Config
{
    /// <summary>What configuration is read from besides the files: the environment, the current and home directories.</summary>
    public sealed class ConfigEnvironment
    {
        public ConfigEnvironment(IReadOnlyDictionary<string, string> variables, string currentDirectory, string homeDirectory, OSPlatform platform)
        {
            Variables = variables;
            CurrentDirectory = currentDirectory;
            HomeDirectory = homeDirectory;
            Platform = platform;
        }

        public IReadOnlyDictionary<string, string> Variables { get; }
        public string CurrentDirectory { get; }
        public string HomeDirectory { get; }
        public OSPlatform Platform { get; }

        /// <summary>This process's environment, with the caller's current directory (PowerShell's $PWD, not the process's).</summary>
        public static ConfigEnvironment FromProcess(string currentDirectory)
        {
            var variables = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
            {
                if (entry.Key is string key && entry.Value is string value) variables[key] = value;
            }
            var platform = RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? OSPlatform.Windows
                : RuntimeInformation.IsOSPlatform(OSPlatform.OSX) ? OSPlatform.OSX : OSPlatform.Linux;
            return new ConfigEnvironment(variables, currentDirectory, Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), platform);
        }

        /// <summary>A variable's value; unset and empty are the same, as for the openstack CLI.</summary>
        public string? Get(string name) => Variables.TryGetValue(name, out var value) && value.Length > 0 ? value : null;

        /// <summary>
        /// The folders searched for clouds.yaml and secure.yaml, in the openstack CLI's order (openstacksdk's loader:
        /// the current directory, the user's config directories, the site's). On Windows the CLI's appdirs folder is
        /// %LOCALAPPDATA%\OpenStack\openstack; %APPDATA%\openstack is searched too, as users are told to use it.
        /// </summary>
        public IReadOnlyList<string> SearchFolders()
        {
            var home = HomeDirectory;
            var unixConfigHome = Path.Combine(Get("SNAP_REAL_HOME") ?? home, ".config", "openstack");
            var folders = new List<string> { CurrentDirectory };
            if (Platform == OSPlatform.Windows)
            {
                if (Get("LOCALAPPDATA") is { } local) folders.Add(Path.Combine(local, "OpenStack", "openstack"));
                if (Get("APPDATA") is { } roaming) folders.Add(Path.Combine(roaming, "openstack"));
                folders.Add(unixConfigHome);
                if (Get("ProgramData") is { } data) folders.Add(Path.Combine(data, "OpenStack", "openstack"));
            }
            else if (Platform == OSPlatform.OSX)
            {
                folders.Add(Path.Combine(home, "Library", "Application Support", "openstack"));
                folders.Add(unixConfigHome);
                folders.Add("/Library/Application Support/openstack");
            }
            else
            {
                folders.Add(Path.Combine(Get("XDG_CONFIG_HOME") ?? Path.Combine(home, ".config"), "openstack"));
                folders.Add(unixConfigHome);
                var site = (Get("XDG_CONFIG_DIRS") ?? "/etc/xdg").Split(':')[0];
                folders.Add(Path.Combine(site, "openstack"));
            }
            folders.Add("/etc/openstack");
            var distinct = new List<string>();
            foreach (var folder in folders)
            {
                if (!distinct.Contains(folder)) distinct.Add(folder);
            }
            return distinct;
        }

        /// <summary>Candidate files for "clouds" or "secure": the override variable's file first, then each folder's .yaml, .yml, .json.</summary>
        public IReadOnlyList<string> Candidates(string baseName, string overrideVariable)
        {
            var files = new List<string>();
            if (Get(overrideVariable) is { } file) files.Add(file);
            foreach (var folder in SearchFolders())
            {
                foreach (var suffix in new[] { ".yaml", ".yml", ".json" }) files.Add(Path.Combine(folder, baseName + suffix));
            }
            return files;
        }
    }
}
