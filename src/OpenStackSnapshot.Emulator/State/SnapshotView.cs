namespace OpenStackSnapshot.Emulator.State;

/// <summary>A snapshot read at one instant: Nova's seven keys, and what only block storage shows (init-only extras).</summary>
internal sealed record SnapshotView(
    string Id, string ProjectId, string VolumeId, string Status, int Size, string CreatedAt, string? Name, string? Description)
{
    public static readonly IReadOnlyDictionary<string, string> NoMetadata = new Dictionary<string, string>();

    public IReadOnlyDictionary<string, string> Metadata { get; init; } = NoMetadata;

    /// <summary>Null until the first change after creation, as in Cinder's database.</summary>
    public string? UpdatedAt { get; init; }

    public string? UserId { get; init; }

    /// <summary>Cinder's progress: "0%" while creating, "100%" once the backend finished.</summary>
    public string Progress { get; init; } = "0%";
}
