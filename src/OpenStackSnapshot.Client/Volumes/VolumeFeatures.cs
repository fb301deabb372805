using System;
using OpenStackSnapshot.Client.Errors;

namespace OpenStackSnapshot.Client.Volumes
{
    /// <summary>
    /// What an API can do with volumes beyond reading them, so a caller can refuse a request before sending it. Both
    /// APIs report a volume's metadata, so filtering by it works on both (on the compute proxy, in the client).
    /// </summary>
    public sealed class VolumeFeatures
    {
        private readonly Func<string, OpenStackException> _refusal;

        internal VolumeFeatures(bool changeMetadata, bool allProjects, bool volumeType, bool revert, Func<string, OpenStackException> refusal)
        {
            ChangeMetadata = changeMetadata;
            AllProjects = allProjects;
            VolumeType = volumeType;
            Revert = revert;
            _refusal = refusal;
        }

        /// <summary>A volume's metadata can be set and removed, and a new volume given some.</summary>
        public bool ChangeMetadata { get; }
        /// <summary>An operator can list the volumes of every project.</summary>
        public bool AllProjects { get; }
        /// <summary>A new volume can be given a volume type.</summary>
        public bool VolumeType { get; }
        /// <summary>A volume can be reverted in place to its newest snapshot.</summary>
        public bool Revert { get; }

        /// <summary>The InvalidArgument error (naming the API that can) for asking this API to do <paramref name="what"/>.</summary>
        public OpenStackException Refusal(string what) => _refusal(what);
    }
}
