namespace OpenStackSnapshot.Emulator.Cinder;

/// <summary>Route keys of Cinder's v3 routes (README "Route keys"), for counts, faults and chaos like the Nova ones.</summary>
public static class BlockStorageRouteKeys
{
    public const string SnapshotsList = "cinder.snapshots.list";
    public const string SnapshotsDetail = "cinder.snapshots.detail";
    public const string SnapshotsShow = "cinder.snapshots.show";
    public const string SnapshotsCreate = "cinder.snapshots.create";
    public const string SnapshotsUpdate = "cinder.snapshots.update";
    public const string SnapshotsDelete = "cinder.snapshots.delete";
    public const string MetadataList = "cinder.snapshots.metadata.list";
    public const string MetadataCreate = "cinder.snapshots.metadata.create";
    public const string MetadataReplace = "cinder.snapshots.metadata.replace";
    public const string MetadataShow = "cinder.snapshots.metadata.show";
    public const string MetadataUpdate = "cinder.snapshots.metadata.update";
    public const string MetadataDelete = "cinder.snapshots.metadata.delete";
    public const string VolumesList = "cinder.volumes.list";
    public const string VolumesDetail = "cinder.volumes.detail";
    public const string VolumesShow = "cinder.volumes.show";
    public const string VolumesCreate = "cinder.volumes.create";
    public const string VolumesDelete = "cinder.volumes.delete";
    /// <summary>POST volumes/{id}/action: the revert action (others are not emulated).</summary>
    public const string VolumesAction = "cinder.volumes.action";
    public const string MessagesList = "cinder.messages.list";
    public const string VolumeMetadataList = "cinder.volumes.metadata.list";
    public const string VolumeMetadataCreate = "cinder.volumes.metadata.create";
    public const string VolumeMetadataReplace = "cinder.volumes.metadata.replace";

    public static IReadOnlyList<string> All { get; } =
    [
        SnapshotsList, SnapshotsDetail, SnapshotsShow, SnapshotsCreate, SnapshotsUpdate, SnapshotsDelete,
        MetadataList, MetadataCreate, MetadataReplace, MetadataShow, MetadataUpdate, MetadataDelete,
        VolumesList, VolumesDetail, VolumesShow,
        VolumeMetadataList, VolumeMetadataCreate, VolumeMetadataReplace,
        VolumesCreate, VolumesDelete, VolumesAction, MessagesList,
    ];
}
