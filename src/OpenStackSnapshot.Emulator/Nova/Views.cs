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

    /// <summary>Nova's _translate_volume_detail_view: block storage's metadata is passed through ({} when none).</summary>
    public static JsonObject Volume(
        VolumeView v, IReadOnlyList<AttachmentView> attachments, IReadOnlyDictionary<string, string>? metadata = null) => new()
    {
        ["id"] = v.Id,
        ["status"] = attachments.Count > 0 ? "in-use" : v.Status,
        ["size"] = v.Size,
        ["availabilityZone"] = v.AvailabilityZone,
        ["createdAt"] = v.CreatedAt,
        ["attachments"] = Attachments(v.Id, attachments),
        ["displayName"] = v.Name,
        ["displayDescription"] = v.Description,
        // Cinder's volume type, passed through by name.
        ["volumeType"] = v.VolumeType,
        ["snapshotId"] = v.SnapshotId,
        ["metadata"] = Cinder.CinderViews.Metadata(metadata ?? new Dictionary<string, string>()),
    };

    // A detached volume shows one empty attachment; each attachment uses the volume id as its id (Nova's
    // _translate_attachment_summary_view), one per server for a multi-attach volume.
    private static JsonArray Attachments(string volumeId, IReadOnlyList<AttachmentView> attachments)
    {
        if (attachments.Count == 0) return new JsonArray(new JsonObject());
        return new JsonArray(attachments.Select(a =>
        {
            var attachment = new JsonObject { ["id"] = volumeId, ["volumeId"] = volumeId, ["serverId"] = a.ServerId };
            if (a.Device is not null) attachment["device"] = a.Device;
            return (JsonNode)attachment;
        }).ToArray());
    }
}
