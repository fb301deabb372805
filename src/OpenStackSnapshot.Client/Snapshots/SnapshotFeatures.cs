using System;
using OpenStackSnapshot.Client.Errors;

namespace OpenStackSnapshot.Client.Snapshots
{
    /// <summary>What an API can do beyond create, show, list and delete, so a caller can refuse a request before sending it.</summary>
    public sealed class SnapshotFeatures
    {
        private readonly Func<string, OpenStackException> _refusal;

        internal SnapshotFeatures(bool metadata, bool allProjects, bool update, Func<string, OpenStackException> refusal)
        {
            Metadata = metadata;
            AllProjects = allProjects;
            Update = update;
            _refusal = refusal;
        }

        /// <summary>Snapshots carry metadata: it can be set, changed and filtered on.</summary>
        public bool Metadata { get; }
        /// <summary>An operator can list the snapshots of every project.</summary>
        public bool AllProjects { get; }
        /// <summary>A snapshot can be renamed and re-described.</summary>
        public bool Update { get; }

        /// <summary>The InvalidArgument error (naming the API that can) for asking this API to do <paramref name="what"/>.</summary>
        public OpenStackException Refusal(string what) => _refusal(what);
    }
}
