namespace OpenStackSnapshot.Client.Errors
{
    /// <summary>What went wrong, decided once here so every caller reports it the same way.</summary>
    public enum OpenStackErrorKind
    {
        BadRequest,
        AuthenticationFailed,
        Forbidden,
        QuotaExceeded,
        NotFound,
        VolumeNotFound,
        VolumeNotAvailable,
        ApiNotAvailable,
        EndpointNotFound,
        MethodNotAllowed,
        UnsupportedMediaType,
        OverLimit,
        ServerError,
        ServiceUnavailable,
        Timeout,
        ConnectionFailed,
        TlsFailure,
        InvalidResponse,
        InvalidArgument,
        NotConnected,
        /// <summary>clouds.yaml, secure.yaml or OS_* settings that cannot be used: malformed, or a required setting missing.</summary>
        InvalidConfiguration,
        /// <summary>The named cloud is in no configuration file, or no file exists.</summary>
        CloudNotFound,
        /// <summary>A snapshot went to error or error_deleting while we waited.</summary>
        SnapshotFailed,
        /// <summary>Block storage refused a snapshot in its current state (a delete while it is still creating).</summary>
        SnapshotNotAvailable,
        /// <summary>The volume is attached to a server, which block storage refuses for a delete or a revert.</summary>
        VolumeAttached,
        /// <summary>The volume still has snapshots, so block storage refuses to delete it.</summary>
        VolumeHasSnapshots,
        /// <summary>The volume's status refuses the request now (a delete while it is creating, reverting, ...).</summary>
        VolumeBusy,
        /// <summary>
        /// A revert block storage refuses: not the volume's newest snapshot, a snapshot or volume not available, sizes that differ.
        /// </summary>
        RevertRefused,
        /// <summary>A volume went to error (made from a snapshot, or reverted) or error_deleting while we waited.</summary>
        VolumeFailed,
    }
}
