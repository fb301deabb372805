using System.Collections.Generic;

namespace OpenStackSnapshot.Client.Config
{
    /// <summary>The clouds the configuration files name, and where they were looked for: what a user who named none could name.</summary>
    internal sealed class ConfiguredClouds
    {
        public ConfiguredClouds(IReadOnlyList<string> names, string searched)
        {
            Names = names;
            Searched = searched;
        }

        public IReadOnlyList<string> Names { get; }
        /// <summary>"in /home/u/.config/openstack/clouds.yaml", or "in any clouds.yaml: none was found in ..., ...".</summary>
        public string Searched { get; }

        /// <summary>"The clouds configured in ...: a, b." or "No cloud is configured in ....".</summary>
        public string Said => Names.Count > 0
            ? $"The clouds configured {Searched}: {string.Join(", ", Names)}."
            : $"No cloud is configured {Searched}.";
    }
}
