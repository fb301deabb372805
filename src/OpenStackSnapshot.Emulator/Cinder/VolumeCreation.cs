using OpenStackSnapshot.Emulator.State;

namespace OpenStackSnapshot.Emulator.Cinder;

/// <summary>A refusal in Cinder's words: its status, message and (quota) Retry-After; Nova passes it on in its own shape.</summary>
internal sealed record BlockStorageRefusal(int Status, string Message, string? RetryAfter = null);

/// <summary>
/// Cinder's volume create from a snapshot once its API found the snapshot and the caller may create: the create flow's
/// checks in its order (the snapshot's status, the size, the availability zone, then the quota: volumes, then gigabytes),
/// then the new volume, <c>creating</c>. Cinder's own API and Nova's os-volumes proxy both end here, as both end in Cinder.
/// </summary>
internal static class VolumeCreation
{
    /// <summary>Cinder looks the type up by name (or by id when it looks like one) before it reads the snapshot: a 404.</summary>
    public static BlockStorageRefusal? TypeProblem(string? volumeType)
    {
        if (string.IsNullOrEmpty(volumeType) || volumeType == Seed.VolumeTypeName || volumeType == Seed.VolumeTypeId) return null;
        return Guid.TryParse(volumeType, out _)
            ? new(404, $"Volume type {volumeType} could not be found.")
            : new(404, $"Volume type with name {volumeType} could not be found.");
    }

    public static (BlockStorageRefusal? Refused, VolumeView? Volume) Create(
        EmulatorState state, SeedProject project, string userId, SnapshotView snapshot, int? size, string? name, string? description,
        string? availabilityZone, IReadOnlyDictionary<string, string>? metadata)
    {
        if (snapshot.Status != "available")
            return (new(400, "Invalid snapshot: Originating snapshot status must be one of 'available' values"), null);
        var wanted = size ?? snapshot.Size;
        if (wanted < snapshot.Size)
        {
            return (new(400, $"Invalid input received: Volume size '{wanted}'GB cannot be smaller than the snapshot size {snapshot.Size}GB. "
                + "They must be >= original snapshot size."), null);
        }

        var zone = availabilityZone ?? Seed.AvailabilityZone; // the snapshot's volume's zone, the only one
        if (zone != Seed.AvailabilityZone) return (new(400, $"Availability zone '{zone}' is invalid."), null);

        var volumes = state.Volumes.List(project.Id);
        if (volumes.Count >= project.VolumeQuota)
        {
            return (new(413, $"VolumeLimitExceeded: Maximum number of volumes allowed ({project.VolumeQuota}) exceeded for quota 'volumes'.", "0"),
                null);
        }

        var consumed = volumes.Sum(v => v.Size) + state.Snapshots.List(project.Id).Sum(s => s.Size);
        if (consumed + wanted > project.GigabytesQuota)
        {
            return (new(413, "VolumeSizeExceedsAvailableQuota: Requested volume or snapshot exceeds allowed gigabytes quota. "
                + $"Requested {wanted}G, quota is {project.GigabytesQuota}G and {consumed}G has been consumed.", "0"), null);
        }

        var now = SnapshotEntry.Timestamp(state.Now);
        var volume = new VolumeView(Guid.NewGuid().ToString("D"), project.Id, name?.Trim(), "creating", wanted, now)
        {
            Description = description?.Trim(),
            SnapshotId = snapshot.Id,
            AvailabilityZone = zone,
            UpdatedAt = null,
            UserId = userId,
        };
        if (metadata is not null) state.VolumeMetadata.Update(volume.Id, _ => metadata);
        return (null, state.Volumes.Create(volume, state.Settings.SnapshotDelayMs));
    }

    /// <summary>
    /// Cinder's delete checks, after its lookup and policy: not attached, no snapshots (deleting ones count), and a status
    /// that may be deleted; one message for them all, as Cinder words it.
    /// </summary>
    public static BlockStorageRefusal? DeleteProblem(EmulatorState state, VolumeView volume)
    {
        var deletable = state.Attachments.Of(volume).Count == 0 && state.Snapshots.OfVolume(volume.Id).Count == 0
            && volume.Status is "available" or "error" or "error_restoring" or "error_extending" or "error_managing";
        return deletable ? null : new(400, DeleteRefused);
    }

    /// <summary>What the emulator answers for a volume asked for without a snapshot: an empty volume is not emulated.</summary>
    public const string SnapshotRequired = "Invalid input received: snapshot_id is required by the emulator (an empty volume is not emulated).";

    public const string DeleteRefused =
        "Invalid volume: Volume status must be available or error or error_restoring or error_extending or error_managing and must not be "
        + "migrating, attached, belong to a group, have snapshots, awaiting a transfer, or be disassociated from snapshots after volume transfer.";
}
