using System.Text.Json.Nodes;
using OpenStackSnapshot.Emulator.Http;
using OpenStackSnapshot.Emulator.Nova;

namespace OpenStackSnapshot.Emulator.Cinder;

/// <summary>Cinder's v3 VolumeController reads (list, detail, show) over the seeded volumes; an admin may list all projects.</summary>
internal sealed class VolumeController(State.EmulatorState state)
{
    private readonly ListResource<SeedVolume> _listing = new()
    {
        Name = "volume",
        ConfiguredFilters =
        [
            "name", "status", "metadata", "bootable", "migration_status", "availability_zone", "group_id", "size", "created_at",
            "updated_at", "consumes_quota",
        ],
        LegacyFilters =
        [
            ("name", VolumeMicroversion.Min), ("status", VolumeMicroversion.Min), ("metadata", VolumeMicroversion.Min),
            ("availability_zone", VolumeMicroversion.Min), ("bootable", new(3, 2)), ("group_id", new(3, 10)),
        ],
        Columns = new Dictionary<string, Func<SeedVolume, IComparable?>>
        {
            ["id"] = v => v.Id,
            ["created_at"] = _ => Seed.VolumeCreatedAt,
            ["updated_at"] = _ => Seed.VolumeCreatedAt,
            ["display_name"] = v => v.Name,
            ["status"] = v => v.Status, // the seed's: the emulator filters volumes by status only as seeded
            ["size"] = v => v.Size,
            ["project_id"] = v => v.ProjectId,
            ["availability_zone"] = _ => "nova",
            ["bootable"] = _ => false,
            ["migration_status"] = _ => null,
            ["group_id"] = _ => null,
            ["consumes_quota"] = _ => true,
        },
        // Cinder matches a pair in the user metadata or the admin metadata; the emulator keeps no admin metadata.
        Metadata = v => state.VolumeMetadata.Of(v.Id),
        Id = v => v.Id,
        NameSortSince = VolumeMicroversion.Min,
    };

    public Reply List(CinderRequest request, bool detail) => CinderListing.Answer(
        request, _listing, state.Settings.PageLimit, "volume:get_all", detail,
        allTenants => Seed.Volumes.Where(v => allTenants || v.ProjectId == request.ProjectId).ToList(),
        v => detail
            ? CinderViews.VolumeDetail(request, v, state.Attachments.Of(v), state.VolumeMetadata.Of(v.Id))
            : CinderViews.VolumeSummary(request, v),
        NotFound);

    public Reply Show(CinderRequest request)
    {
        if (request.Deny(Seed.ReaderRole, "volume:get") is { } denied) return denied;
        var volume = Find(request);
        return volume is null
            ? NotFound(request.Route.Id!)
            : Reply.Json(200, new JsonObject
            {
                ["volume"] = CinderViews.VolumeDetail(request, volume, state.Attachments.Of(volume), state.VolumeMetadata.Of(volume.Id)),
            });
    }

    /// <summary>The volume the route names, as the request may see it (an admin: any project's; others: their own).</summary>
    public static SeedVolume? Find(CinderRequest request) =>
        Seed.Volumes.FirstOrDefault(v => v.Id == request.Route.Id && (request.IsAdmin || v.ProjectId == request.ProjectId));

    public static Reply NotFound(string id) => Faults.NotFound($"Volume {id} could not be found.");
}
