namespace OpenStackSnapshot.Client
{
    /// <summary>Which OpenStack API a session's snapshots and volumes go through.</summary>
    public enum SnapshotApi
    {
        /// <summary>Nova's os-snapshots and os-volumes proxy (compute API v2.1): the default.</summary>
        Compute,
        /// <summary>Cinder's block-storage API v3: metadata, server-side filters, all projects.</summary>
        BlockStorage,
    }
}
