using System.Text.Json.Nodes;
using OpenStackSnapshot.Emulator.State;

namespace OpenStackSnapshot.Emulator.Cinder;

/// <summary>
/// Cinder's v3 view builders: snapshot summary and detail (keys added by microversion), the extended snapshot
/// attributes of show and detail, volume summary and detail, and the collection's next link.
/// </summary>
internal static class CinderViews
{
    private const string Extended = "os-extended-snapshot-attributes:";

    /// <summary>views/snapshots.summary: what the plain list shows.</summary>
    public static JsonObject SnapshotSummary(SnapshotView s) => new()
    {
        ["id"] = s.Id,
        ["created_at"] = s.CreatedAt,
        ["updated_at"] = s.UpdatedAt,
        ["name"] = s.Name,
        ["description"] = s.Description,
        ["volume_id"] = s.VolumeId,
        ["status"] = s.Status,
        ["size"] = s.Size,
        ["metadata"] = Metadata(s.Metadata),
    };

    /// <summary>v3 views/snapshots.detail: create, show, update and the detail list.</summary>
    public static JsonObject SnapshotDetail(CinderRequest request, SnapshotView s)
    {
        var view = SnapshotSummary(s);
        if (request.AtLeast(3, 14)) view["group_snapshot_id"] = null;
        if (request.AtLeast(3, 41)) view["user_id"] = s.UserId;
        if (request.AtLeast(3, 65)) view["consumes_quota"] = true;
        return view;
    }

    /// <summary>The extension that adds project and progress to show and detail (policy: the owner or an admin).</summary>
    public static JsonObject WithExtendedAttributes(JsonObject view, SnapshotView s)
    {
        view[Extended + "project_id"] = s.ProjectId;
        view[Extended + "progress"] = s.Progress;
        return view;
    }

    public static JsonObject Metadata(IReadOnlyDictionary<string, string> metadata)
    {
        var json = new JsonObject();
        foreach (var (key, value) in metadata) json[key] = value;
        return json;
    }

    private static readonly string ServiceUuid = StableIds.Uuid("service", "cinder-volume");

    public static JsonObject VolumeSummary(CinderRequest request, VolumeView v) => new()
    {
        ["id"] = v.Id,
        ["name"] = v.Name,
        ["links"] = Links(request, "volumes", v.Id),
    };

    /// <summary>
    /// v3 views/volumes.detail, with its user metadata and the tenant attribute the owner may see on show and detail (an
    /// extension of those two: a create's answer has none).
    /// </summary>
    public static JsonObject VolumeDetail(CinderRequest request, VolumeView v, IReadOnlyList<AttachmentView> attachments,
        IReadOnlyDictionary<string, string>? metadata = null, bool tenantAttribute = true)
    {
        var view = new JsonObject
        {
            ["id"] = v.Id,
            ["status"] = attachments.Count > 0 ? "in-use" : v.Status,
            ["size"] = v.Size,
            ["availability_zone"] = v.AvailabilityZone,
            ["created_at"] = v.CreatedAt,
            ["updated_at"] = v.UpdatedAt,
            ["name"] = v.Name,
            ["description"] = v.Description,
            ["volume_type"] = v.VolumeType,
            ["snapshot_id"] = v.SnapshotId,
            ["source_volid"] = null,
            ["metadata"] = Metadata(metadata ?? new Dictionary<string, string>()),
            ["links"] = Links(request, "volumes", v.Id),
            ["user_id"] = v.UserId,
            ["bootable"] = "false",
            ["encrypted"] = false,
            ["replication_status"] = null,
            ["consistencygroup_id"] = null,
            ["multiattach"] = false,
            ["attachments"] = Attachments(request, v, attachments),
        };
        if (request.IsAdmin) view["migration_status"] = null;
        if (request.AtLeast(3, 13)) view["group_id"] = null;
        if (request.IsAdmin && request.AtLeast(3, 21)) view["provider_id"] = null;
        if (request.AtLeast(3, 48))
        {
            view["shared_targets"] = false;
            view["service_uuid"] = ServiceUuid;
        }

        if (request.IsAdmin && request.AtLeast(3, 61)) view["cluster_name"] = null;
        if (request.AtLeast(3, 63)) view["volume_type_id"] = Seed.VolumeTypeId;
        if (request.AtLeast(3, 65)) view["consumes_quota"] = true;
        if (tenantAttribute) view["os-vol-tenant-attr:tenant_id"] = v.ProjectId;
        return view;
    }

    /// <summary>The next link, when the page came back full (ViewBuilder._get_collection_links).</summary>
    public static JsonArray? NextLink(CinderRequest request, string collection, IReadOnlyList<string> pageIds, int limit)
    {
        if (pageIds.Count == 0 || limit > pageIds.Count) return null;
        var query = request.Query.Where(q => q.Key != "marker")
            .SelectMany(q => q.Value.Select(v => Uri.EscapeDataString(q.Key) + "=" + Uri.EscapeDataString(v ?? "")))
            .Append("marker=" + Uri.EscapeDataString(pageIds[^1]));
        return [new JsonObject { ["rel"] = "next", ["href"] = request.CollectionUrl(collection) + "?" + string.Join("&", query) }];
    }

    // The seeded attachment and those the test control added; host_name is shown to admins only.
    private static JsonArray Attachments(CinderRequest request, VolumeView v, IReadOnlyList<AttachmentView> attachments) =>
        new(attachments.Select((a, i) => (JsonNode)new JsonObject
        {
            ["id"] = v.Id,
            ["attachment_id"] = StableIds.Uuid("attachment", i == 0 && v.IsAttached ? v.Id : v.Id + "/" + a.ServerId),
            ["volume_id"] = v.Id,
            ["server_id"] = a.ServerId,
            ["host_name"] = request.IsAdmin ? "compute-1" : null,
            ["device"] = a.Device,
            ["attached_at"] = Seed.VolumeCreatedAt,
        }).ToArray());

    private static JsonArray Links(CinderRequest request, string collection, string id) =>
    [
        new JsonObject { ["rel"] = "self", ["href"] = request.CollectionUrl(collection) + "/" + id },
        new JsonObject { ["rel"] = "bookmark", ["href"] = request.CollectionUrl(collection).Replace("/v3", "", StringComparison.Ordinal) + "/" + id },
    ];

    /// <summary>views/messages.detail: what block storage tells its users about a resource.</summary>
    public static JsonObject Message(CinderRequest request, UserMessage m) => new()
    {
        ["id"] = m.Id,
        ["message_level"] = "ERROR",
        ["event_id"] = m.EventId,
        ["user_message"] = m.Text,
        ["resource_type"] = "VOLUME",
        ["resource_uuid"] = m.ResourceId,
        ["created_at"] = m.CreatedAt,
        ["guaranteed_until"] = m.CreatedAt,
        ["request_id"] = m.RequestId,
        ["links"] = Links(request, "messages", m.Id),
    };
}
