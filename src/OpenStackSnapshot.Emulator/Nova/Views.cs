using System.Text.Json.Nodes;
using OpenStackSnapshot.Emulator.State;

namespace OpenStackSnapshot.Emulator.Nova;

/// <summary>Nova's JSON views: the snapshot's seven keys and the os-volumes summary, in Nova's key order.</summary>
internal static class Views
{
    public static JsonObject Snapshot(SnapshotView s) => new()
    {
        ["id"] = s.Id,
        ["volumeId"] = s.VolumeId,
        ["status"] = s.Status,
        ["size"] = s.Size,
        ["createdAt"] = s.CreatedAt,
        ["displayName"] = s.Name,
        ["displayDescription"] = s.Description,
    };

    public static JsonObject Volume(SeedVolume v) => new()
    {
        ["id"] = v.Id,
        ["status"] = v.Status,
        ["size"] = v.Size,
        ["availabilityZone"] = "nova",
        ["createdAt"] = Seed.VolumeCreatedAt,
        ["attachments"] = new JsonArray(Attachment(v)),
        ["displayName"] = v.Name,
        ["displayDescription"] = null,
        // Cinder's default volume type, passed through by name.
        ["volumeType"] = "__DEFAULT__",
        ["snapshotId"] = null,
        ["metadata"] = new JsonObject(),
    };

    // A detached volume shows one empty attachment; an attached one uses the volume id as the attachment id.
    private static JsonObject Attachment(SeedVolume v)
    {
        if (!v.IsAttached) return new JsonObject();
        var attachment = new JsonObject { ["id"] = v.Id, ["volumeId"] = v.Id, ["serverId"] = v.ServerId };
        if (v.Device is not null) attachment["device"] = v.Device;
        return attachment;
    }
}
