namespace OpenStackSnapshot.Emulator;

/// <summary>The names tests use to count requests and inject faults, one per route (README "Route keys").</summary>
public static class RouteKeys
{
    public const string IdentityVersions = "identity.versions";
    public const string IdentityTokens = "identity.tokens";
    /// <summary>GET /v3/auth/tokens: validate a token (a -Token sign-in reads its catalog so).</summary>
    public const string IdentityTokenValidate = "identity.tokens.validate";
    /// <summary>DELETE /v3/auth/tokens: revoke a token (Disconnect-OSCloud).</summary>
    public const string IdentityTokenRevoke = "identity.tokens.revoke";
    public const string ComputeVersions = "compute.versions";
    public const string SnapshotsList = "snapshots.list";
    public const string SnapshotsDetail = "snapshots.detail";
    public const string SnapshotsShow = "snapshots.show";
    public const string SnapshotsCreate = "snapshots.create";
    public const string SnapshotsDelete = "snapshots.delete";
    public const string VolumesList = "volumes.list";
    public const string VolumesDetail = "volumes.detail";
    public const string VolumesShow = "volumes.show";
    public const string VolumesCreate = "volumes.create";
    public const string VolumesDelete = "volumes.delete";

    /// <summary>Not a route: the requests answered during an outage (GET /_emulator/requests lists it too).</summary>
    public const string Outage = "outage";

    public static IReadOnlyList<string> All { get; } =
    [
        IdentityVersions, IdentityTokens, IdentityTokenValidate, IdentityTokenRevoke, ComputeVersions,
        SnapshotsList, SnapshotsDetail, SnapshotsShow, SnapshotsCreate, SnapshotsDelete,
        VolumesList, VolumesDetail, VolumesShow, VolumesCreate, VolumesDelete,
        .. Cinder.BlockStorageRouteKeys.All,
    ];

    public static bool IsKnown(string? key) => key is not null && All.Contains(key);
}
