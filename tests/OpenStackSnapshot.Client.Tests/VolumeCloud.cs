using OpenStackSnapshot.Client.Models;
using OpenStackSnapshot.Client.Tests.BlockStorage;
using OpenStackSnapshot.Client.Volumes;

namespace OpenStackSnapshot.Client.Tests;

/// <summary>
/// Issue 24's client tests' shared setup: sessions on either API over a <see cref="FakeTransport"/>, the snapshot and
/// volume objects they start from, and Nova's and Cinder's volume bodies.
/// </summary>
internal static class VolumeCloud
{
    public const string SnapshotId = BlockStorageCloud.SnapshotId;
    public const string NewVolumeId = "0a370506-25d5-4b5b-bc04-b07dd1894c28";
    public const string ServerId = "9a1f4c7e-2b3d-4e5f-8a6b-7c8d9e0f1a2b";

    public static Snapshot SnapshotOf(int size = 10, string status = "available", DateTime? createdAt = null, string id = SnapshotId,
        string name = "nightly") =>
        new(id, TestCloud.VolumeId, name, null, status, size, createdAt ?? new DateTime(2025, 6, 12, 14, 0, 0, DateTimeKind.Utc));

    public static Volume VolumeOf(int size = 10, string status = "available", params VolumeAttachment[] attachments) =>
        new(TestCloud.VolumeId, "data", null, status, size, "nova", "__DEFAULT__", null, null, attachments);

    public static string CinderVolume(string status = "creating", string? name = "restored", int size = 10, string metadata = "{}") =>
        $$$"""{"volume": {"id": "{{{NewVolumeId}}}", "name": {{{(name == null ? "null" : $"\"{name}\"")}}}, "description": null,"""
        + $$$""" "status": "{{{status}}}","""
        + $$$""" "size": {{{size}}}, "availability_zone": "nova", "volume_type": "__DEFAULT__", "created_at": "{{{Now()}}}","""
        + $$$""" "snapshot_id": "{{{SnapshotId}}}", "metadata": {{{metadata}}}, "attachments": []}}""";

    public static string NovaVolume(string status = "creating") =>
        $$$"""{"volume": {"id": "{{{NewVolumeId}}}", "status": "{{{status}}}", "size": 10, "availabilityZone": "nova", "createdAt": "{{{Now()}}}","""
        + $$$""" "attachments": [{}], "displayName": "restored", "displayDescription": null, "volumeType": "__DEFAULT__","""
        + $$$""" "snapshotId": "{{{SnapshotId}}}", "metadata": {}""" + "}}";

    public const string NoVolumes = """{"volumes": []}""";

    public static string Now() => DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff");

    public static async Task<(OpenStackSession Session, FakeTransport Fake)> ComputeAsync()
    {
        var fake = new FakeTransport().ThenToken(catalog: BlockStorageCloud.Catalog());
        return (await TestCloud.ConnectAsync(fake), fake);
    }

    public static async Task<(OpenStackSession Session, FakeTransport Fake)> BlockStorageAsync()
    {
        var fake = new FakeTransport();
        return (await BlockStorageCloud.ConnectAsync(fake), fake);
    }

    public static Task<Volume> Create(OpenStackSession session, NewVolume request, Snapshot? known) =>
        VolumeFromSnapshot.CreateAsync(session.Snapshots, session.Volumes, request, known, TestCloud.Call());

    public static string Shown(string status, string attachments) =>
        $$$"""{"volume": {"id": "{{{TestCloud.VolumeId}}}", "name": "data", "status": "{{{status}}}", "size": 10, "attachments": """
        + attachments + "}}";
}
