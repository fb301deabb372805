using OpenStackSnapshot.Emulator.Http;

namespace OpenStackSnapshot.Emulator.Nova;

internal enum ComputeAction
{
    VersionList,
    VersionShow,
    SnapshotsList,
    SnapshotsDetail,
    SnapshotsShow,
    SnapshotsCreate,
    SnapshotsDelete,
    VolumesList,
    VolumesDetail,
    VolumesShow,
    VolumesCreate,
    VolumesDelete,
}

/// <summary>A matched compute route: what to do, the project id from the path (if any) and the resource id.</summary>
internal sealed record ComputeRoute(string RouteKey, ComputeAction Action, string? PathProjectId = null, string? Id = null)
{
    public bool IsVersionDiscovery => Action is ComputeAction.VersionList or ComputeAction.VersionShow;
}

/// <summary>
/// Nova's route table for the paths the emulator serves, with and without <c>{project_id}</c> (which Nova only
/// accepts as hex digits and dashes). A method a path lacks matches nothing: Nova answers those with a 404.
/// </summary>
internal static class ComputeRoutes
{
    public static ComputeRoute? Match(string method, IReadOnlyList<string> segments)
    {
        // segments follow the compute prefix: [] or [""] is the version list, ["v2.1"] or ["v2.1", ""] the v2.1 document.
        if (segments.Count == 0 || (segments.Count == 1 && segments[0] == ""))
        {
            return method == "GET" ? new(RouteKeys.ComputeVersions, ComputeAction.VersionList) : null;
        }

        if (segments[0] != "v2.1") return null;
        if (segments.Count == 1 || (segments.Count == 2 && segments[1] == ""))
        {
            return method == "GET" ? new(RouteKeys.ComputeVersions, ComputeAction.VersionShow) : null;
        }

        var (projectId, rest) = ProjectIdInPath.Split(segments.Skip(1), ["os-snapshots", "os-volumes"]);
        var route = rest[0] switch
        {
            "os-snapshots" => Snapshots(method, rest),
            "os-volumes" => Volumes(method, rest),
            _ => null,
        };
        return route is null ? null : route with { PathProjectId = projectId };
    }

    private static ComputeRoute? Snapshots(string method, List<string> rest) => (rest.Count, method) switch
    {
        (1, "GET") => new(RouteKeys.SnapshotsList, ComputeAction.SnapshotsList),
        (1, "POST") => new(RouteKeys.SnapshotsCreate, ComputeAction.SnapshotsCreate),
        (2, "GET") when rest[1] == "detail" => new(RouteKeys.SnapshotsDetail, ComputeAction.SnapshotsDetail),
        (2, "GET") when rest[1] != "" => new(RouteKeys.SnapshotsShow, ComputeAction.SnapshotsShow, Id: rest[1]),
        // "DELETE .../os-snapshots/detail" reaches delete with the id "detail", as in Nova's router.
        (2, "DELETE") when rest[1] != "" => new(RouteKeys.SnapshotsDelete, ComputeAction.SnapshotsDelete, Id: rest[1]),
        _ => null,
    };

    private static ComputeRoute? Volumes(string method, List<string> rest) => (rest.Count, method) switch
    {
        (1, "GET") => new(RouteKeys.VolumesList, ComputeAction.VolumesList),
        (1, "POST") => new(RouteKeys.VolumesCreate, ComputeAction.VolumesCreate),
        (2, "GET") when rest[1] == "detail" => new(RouteKeys.VolumesDetail, ComputeAction.VolumesDetail),
        (2, "GET") when rest[1] != "" => new(RouteKeys.VolumesShow, ComputeAction.VolumesShow, Id: rest[1]),
        (2, "DELETE") when rest[1] != "" => new(RouteKeys.VolumesDelete, ComputeAction.VolumesDelete, Id: rest[1]),
        _ => null,
    };
}
