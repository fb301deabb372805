using System;
using OpenStackSnapshot.Client.Errors;

namespace OpenStackSnapshot.Client.Volumes
{
    /// <summary>What an API can do with volumes beyond reading them, so a caller can refuse a request before sending it.</summary>
    public sealed class VolumeFeatures
    {
        private readonly Func<string, OpenStackException> _refusal;

        internal VolumeFeatures(bool metadata, bool volumeType, bool revert, Func<string, OpenStackException> refusal)
        {
            Metadata = metadata;
            VolumeType = volumeType;
            Revert = revert;
            _refusal = refusal;
        }

        /// <summary>A new volume can be given metadata.</summary>
        public bool Metadata { get; }
        /// <summary>A new volume can be given a volume type.</summary>
        public bool VolumeType { get; }
        /// <summary>A volume can be reverted in place to its newest snapshot.</summary>
        public bool Revert { get; }

        /// <summary>The InvalidArgument error (naming the API that can) for asking this API to do <paramref name="what"/>.</summary>
        public OpenStackException Refusal(string what) => _refusal(what);
    }
}
