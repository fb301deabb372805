namespace OpenStackSnapshot.Client.Services
{
    /// <summary>What an API can do beyond create, show, list and delete, so a caller can refuse a request before sending it.</summary>
    public sealed class SnapshotFeatures
    {
        internal SnapshotFeatures(bool metadata, bool allProjects, bool update)
        {
            Metadata = metadata;
            AllProjects = allProjects;
            Update = update;
        }

        /// <summary>Snapshots carry metadata: it can be set, changed and filtered on.</summary>
        public bool Metadata { get; }
        /// <summary>An operator can list the snapshots of every project.</summary>
        public bool AllProjects { get; }
        /// <summary>A snapshot can be renamed and re-described.</summary>
        public bool Update { get; }
    }
}
