using OpenStackSnapshot.Emulator.Http;

namespace OpenStackSnapshot.Emulator.Cinder;

internal enum BlockStorageAction
{
    SnapshotsList,
    SnapshotsDetail,
    SnapshotsShow,
    SnapshotsCreate,
    SnapshotsUpdate,
    SnapshotsDelete,
    MetadataList,
    MetadataCreate,
    MetadataReplace,
    MetadataShow,
    MetadataUpdate,
    MetadataDelete,
    VolumesList,
    VolumesDetail,
    VolumesShow,
    VolumesCreate,
    VolumesDelete,
    VolumesAction,
    MessagesList,
    VolumeMetadataList,
    VolumeMetadataCreate,
    VolumeMetadataReplace,
}

/// <summary>A matched Cinder route: what to do, the project id from the path (if any), the resource id and metadata key.</summary>
internal sealed record BlockStorageRoute(
    string RouteKey, BlockStorageAction Action, string? PathProjectId = null, string? Id = null, string? Key = null);

/// <summary>
/// Cinder's v3 route table for the paths the emulator serves, with and without <c>{project_id}</c> (hex digits and
/// dashes, Cinder's project_id_regex). A method a path lacks matches nothing: the router then answers webob's 404.
/// </summary>
internal static class BlockStorageRoutes
{
    public static BlockStorageRoute? Match(string method, IReadOnlyList<string> segments)
    {
        if (segments.Count < 2 || segments[0] != "v3") return null;
        var (projectId, rest) = ProjectIdInPath.Split(segments.Skip(1), ["snapshots", "volumes", "messages"]);
        var route = rest[0] switch
        {
            "snapshots" => Snapshots(method, rest),
            "volumes" => Volumes(method, rest),
            "messages" => rest.Count == 1 && method == "GET" ? new(BlockStorageRouteKeys.MessagesList, BlockStorageAction.MessagesList) : null,
            _ => null,
        };
        return route is null ? null : route with { PathProjectId = projectId };
    }

    private static BlockStorageRoute? Snapshots(string method, List<string> rest) => (rest.Count, method) switch
    {
        (1, "GET") => new(BlockStorageRouteKeys.SnapshotsList, BlockStorageAction.SnapshotsList),
        (1, "POST") => new(BlockStorageRouteKeys.SnapshotsCreate, BlockStorageAction.SnapshotsCreate),
        (2, "GET") when rest[1] == "detail" => new(BlockStorageRouteKeys.SnapshotsDetail, BlockStorageAction.SnapshotsDetail),
        (2, "GET") when rest[1] != "" => new(BlockStorageRouteKeys.SnapshotsShow, BlockStorageAction.SnapshotsShow, Id: rest[1]),
        (2, "PUT") when rest[1] != "" => new(BlockStorageRouteKeys.SnapshotsUpdate, BlockStorageAction.SnapshotsUpdate, Id: rest[1]),
        (2, "DELETE") when rest[1] != "" => new(BlockStorageRouteKeys.SnapshotsDelete, BlockStorageAction.SnapshotsDelete, Id: rest[1]),
        (3, _) when rest[2] == "metadata" && rest[1] != "" => Metadata(method, rest[1], null),
        (4, _) when rest[2] == "metadata" && rest[1] != "" && rest[3] != "" => Metadata(method, rest[1], rest[3]),
        _ => null,
    };

    // routes' mapper.resource for snapshots/{snapshot_id}/metadata, plus Cinder's PUT on the collection (update_all).
    private static BlockStorageRoute? Metadata(string method, string snapshotId, string? key) => (key, method) switch
    {
        (null, "GET") => new(BlockStorageRouteKeys.MetadataList, BlockStorageAction.MetadataList, Id: snapshotId),
        (null, "POST") => new(BlockStorageRouteKeys.MetadataCreate, BlockStorageAction.MetadataCreate, Id: snapshotId),
        (null, "PUT") => new(BlockStorageRouteKeys.MetadataReplace, BlockStorageAction.MetadataReplace, Id: snapshotId),
        ({ }, "GET") => new(BlockStorageRouteKeys.MetadataShow, BlockStorageAction.MetadataShow, Id: snapshotId, Key: key),
        ({ }, "PUT") => new(BlockStorageRouteKeys.MetadataUpdate, BlockStorageAction.MetadataUpdate, Id: snapshotId, Key: key),
        ({ }, "DELETE") => new(BlockStorageRouteKeys.MetadataDelete, BlockStorageAction.MetadataDelete, Id: snapshotId, Key: key),
        _ => null,
    };

    // Cinder has more volume routes (update, metadata, summary, ...); the emulator serves these.
    private static BlockStorageRoute? Volumes(string method, List<string> rest) => (rest.Count, method) switch
    {
        (1, "GET") => new(BlockStorageRouteKeys.VolumesList, BlockStorageAction.VolumesList),
        (1, "POST") => new(BlockStorageRouteKeys.VolumesCreate, BlockStorageAction.VolumesCreate),
        (2, "GET") when rest[1] == "detail" => new(BlockStorageRouteKeys.VolumesDetail, BlockStorageAction.VolumesDetail),
        (2, "GET") when rest[1] != "" => new(BlockStorageRouteKeys.VolumesShow, BlockStorageAction.VolumesShow, Id: rest[1]),
        (2, "DELETE") when rest[1] != "" => new(BlockStorageRouteKeys.VolumesDelete, BlockStorageAction.VolumesDelete, Id: rest[1]),
        (3, "POST") when rest[1] != "" && rest[2] == "action" =>
            new(BlockStorageRouteKeys.VolumesAction, BlockStorageAction.VolumesAction, Id: rest[1]),
        (3, _) when rest[2] == "metadata" && rest[1] != "" => VolumeMetadata(method, rest[1]),
        _ => null,
    };

    // volumes/{volume_id}/metadata: the collection's GET, POST (merge) and PUT (replace); the one-key routes are not emulated.
    private static BlockStorageRoute? VolumeMetadata(string method, string volumeId) => method switch
    {
        "GET" => new(BlockStorageRouteKeys.VolumeMetadataList, BlockStorageAction.VolumeMetadataList, Id: volumeId),
        "POST" => new(BlockStorageRouteKeys.VolumeMetadataCreate, BlockStorageAction.VolumeMetadataCreate, Id: volumeId),
        "PUT" => new(BlockStorageRouteKeys.VolumeMetadataReplace, BlockStorageAction.VolumeMetadataReplace, Id: volumeId),
        _ => null,
    };
}
