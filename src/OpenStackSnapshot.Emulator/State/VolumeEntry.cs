namespace OpenStackSnapshot.Emulator.State;

/// <summary>
/// A volume as both APIs show it: a seeded one, or one made from a snapshot. <see cref="Status"/> is the stored status;
/// a volume with attachments shows <c>in-use</c> (<see cref="AttachmentStore.StatusOf"/>); its metadata is the
/// <see cref="VolumeMetadataStore"/>'s.
/// </summary>
internal sealed record VolumeView(
    string Id, string ProjectId, string? Name, string Status, int Size, string CreatedAt, string? ServerId = null, string? Device = null)
{
    public string? Description { get; init; }
    public string? SnapshotId { get; init; }
    public string AvailabilityZone { get; init; } = Seed.AvailabilityZone;
    public string VolumeType { get; init; } = Seed.VolumeTypeName;
    public string? UpdatedAt { get; init; }
    public string? UserId { get; init; }

    /// <summary>Attached by the seed (db-01 on its server); attachments the test control adds are the AttachmentStore's.</summary>
    public bool IsAttached => ServerId is not null;

    public static VolumeView FromSeed(SeedVolume v) =>
        new(v.Id, v.ProjectId, v.Name, v.Status, v.Size, Seed.VolumeCreatedAt, v.ServerId, v.Device)
        {
            UpdatedAt = Seed.VolumeCreatedAt,
            UserId = Seed.Users.First(u => u.ProjectId == v.ProjectId).Id,
        };
}

/// <summary>
/// One stored volume, changed only under <see cref="VolumeStore"/>'s lock; what Cinder's volume service does in the
/// background (creating to available or error, reverting to available or error, deleting to gone) is held as pending
/// until it falls due.
/// </summary>
internal sealed class VolumeEntry
{
    public enum PendingChange { None, BecomeAvailable, Fail, Vanish }

    public required VolumeView View { get; set; }
    public PendingChange Pending { get; set; }
    public DateTimeOffset DueAt { get; set; }
    /// <summary>What block storage tells its users when the pending change is a failure.</summary>
    public string? FailureMessage { get; set; }
    public string? FailureEvent { get; set; }

    public bool VanishedBy(DateTimeOffset now) => Pending == PendingChange.Vanish && DueAt <= now;

    /// <summary>The backend finished: available, or error with a user message kept (returned for the message store).</summary>
    public (string Message, string Event)? SettleBy(DateTimeOffset now)
    {
        if (Pending is not (PendingChange.BecomeAvailable or PendingChange.Fail) || DueAt > now) return null;
        var failed = Pending == PendingChange.Fail;
        View = View with { Status = failed ? "error" : "available", UpdatedAt = SnapshotEntry.Timestamp(DueAt) };
        Pending = PendingChange.None;
        return failed ? (FailureMessage!, FailureEvent!) : null;
    }
}
