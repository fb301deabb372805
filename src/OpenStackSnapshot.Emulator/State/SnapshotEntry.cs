using System.Globalization;

namespace OpenStackSnapshot.Emulator.State;

/// <summary>
/// One stored snapshot, changed only under <see cref="SnapshotStore"/>'s lock; the change real Cinder makes in the
/// background (creating to available, deleting to gone) is held as pending until it falls due.
/// </summary>
internal sealed class SnapshotEntry
{
    public enum PendingChange { None, BecomeAvailable, Vanish }

    public required string Id { get; init; }
    public required string ProjectId { get; init; }
    public required string VolumeId { get; init; }
    public required int Size { get; init; }
    public required string CreatedAt { get; set; }
    public string? Name { get; set; }
    public string? Description { get; set; }
    public required string Status { get; set; }
    public PendingChange Pending { get; set; }
    public DateTimeOffset DueAt { get; set; }
    /// <summary>Never changed in place, only replaced, so views can share it instead of copying it at every read.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; set; } = SnapshotView.NoMetadata;
    public string? UpdatedAt { get; set; }
    public string? UserId { get; init; }
    public string Progress { get; set; } = "0%";

    public bool VanishedBy(DateTimeOffset now) => Pending == PendingChange.Vanish && DueAt <= now;

    /// <summary>The backend finished creating: available, 100%, updated when it fell due.</summary>
    public void SettleBy(DateTimeOffset now)
    {
        if (Pending != PendingChange.BecomeAvailable || DueAt > now) return;
        Status = "available";
        Pending = PendingChange.None;
        Progress = "100%";
        UpdatedAt = Timestamp(DueAt);
    }

    public SnapshotView View() => new(Id, ProjectId, VolumeId, Status, Size, CreatedAt, Name, Description)
    {
        Metadata = Metadata,
        UpdatedAt = UpdatedAt,
        UserId = UserId,
        Progress = Progress,
    };

    // Cinder's created_at: UTC, microseconds, no zone designator.
    public static string Timestamp(DateTimeOffset t) =>
        t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff", CultureInfo.InvariantCulture);
}
