using System;
using System.Collections.Generic;
using System.IO;
using OpenStackSnapshot.Client.Errors;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace OpenStackSnapshot.Client.Config
{
    /// <summary>One clouds.yaml or secure.yaml (JSON is YAML too), read with YamlDotNet; every value keeps its line.</summary>
    internal sealed class ConfigFile
    {
        private readonly YamlMappingNode _clouds;

        private ConfigFile(string path, YamlMappingNode clouds)
        {
            Path = path;
            _clouds = clouds;
        }

        public string Path { get; }

        public IEnumerable<string> CloudNames
        {
            get
            {
                foreach (var entry in _clouds.Children)
                {
                    if (entry.Key is YamlScalarNode { Value: { } name }) yield return name;
                }
            }
        }

        /// <summary>
        /// The first candidate that exists, read; null when none does. As the CLI, an unreadable file is skipped only when access is denied.
        /// </summary>
        public static ConfigFile? LoadFirst(IEnumerable<string> candidates)
        {
            foreach (var path in candidates)
            {
                if (!File.Exists(path)) continue;
                string text;
                try
                {
                    text = File.ReadAllText(path);
                }
                catch (UnauthorizedAccessException)
                {
                    continue;
                }
                catch (IOException e)
                {
                    throw Invalid($"The OpenStack configuration file {path} could not be read: {e.Message}", e);
                }
                return Parse(path, text);
            }
            return null;
        }

        internal static ConfigFile Parse(string path, string text)
        {
            var stream = new YamlStream();
            try
            {
                using var reader = new StringReader(text);
                stream.Load(reader);
            }
            catch (YamlException e)
            {
                throw Invalid(
                    $"The OpenStack configuration file {path} is not valid YAML: line {e.Start.Line}, column {e.Start.Column}: {Reason(e)}", e);
            }
            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
                return new ConfigFile(path, new YamlMappingNode());
            if (!(stream.Documents[0].RootNode is YamlMappingNode root))
                throw Invalid($"The OpenStack configuration file {path} must be a mapping with a 'clouds' key "
                    + $"(line {stream.Documents[0].RootNode.Start.Line}).");
            var clouds = Child(root, "clouds");
            if (clouds == null || clouds is YamlScalarNode { Value: null or "" or "~" or "null" }) return new ConfigFile(path, new YamlMappingNode());
            if (!(clouds is YamlMappingNode map))
                throw Invalid($"In {path}, line {clouds.Start.Line}: 'clouds' must be a mapping of cloud names to settings.");
            return new ConfigFile(path, map);
        }

        /// <summary>The node at clouds.{cloud}.{path...}; null when any step is missing.</summary>
        public YamlNode? Find(string cloud, params string[] path)
        {
            YamlNode? node = Child(_clouds, cloud);
            foreach (var step in path)
            {
                if (!(node is YamlMappingNode map)) return null;
                node = Child(map, step);
            }
            return node;
        }

        public bool HasCloud(string cloud) => Child(_clouds, cloud) != null;

        /// <summary>Where a node stands, for messages and Get-OSCloudConfig's sources.</summary>
        public string Where(YamlNode node) => $"{Path}:{node.Start.Line}";

        private static YamlNode? Child(YamlMappingNode map, string key)
        {
            foreach (var entry in map.Children)
            {
                if (entry.Key is YamlScalarNode { Value: { } name } && string.Equals(name, key, StringComparison.Ordinal)) return entry.Value;
            }
            return null;
        }

        // YamlDotNet prefixes "(Line: 3, Col: 5, Idx: 20) - (Line: ...): "; the position is said once, by us.
        private static string Reason(YamlException e) =>
            System.Text.RegularExpressions.Regex.Replace(e.Message, @"^\(Line:[^)]*\)( - \(Line:[^)]*\))?:\s*", string.Empty);

        internal static OpenStackException Invalid(string message, Exception? inner = null) =>
            new OpenStackException(OpenStackErrorKind.InvalidConfiguration, message,
                "Correct the file (clouds.yaml and secure.yaml have the openstack CLI's format), "
                + "or point OS_CLIENT_CONFIG_FILE at another one.", inner);
    }
}
