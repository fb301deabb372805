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
    }
}
