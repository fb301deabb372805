namespace OpenStackSnapshot.Emulator.State;

/// <summary>
/// All snapshots of all projects, in creation order (the order listings use). Status changes that real
/// Cinder makes in the background happen here lazily, on the first access after they fall due, so there is
/// no timer to race with. One lock guards everything: requests arrive concurrently.
/// </summary>
internal sealed class SnapshotStore
{
    private readonly object _gate = new();
    private readonly List<SnapshotEntry> _entries = [];
    private readonly TimeProvider _time;

    public SnapshotStore(TimeProvider time) => _time = time;

    public IReadOnlyList<SnapshotView> List(string projectId) =>
        Locked(() => _entries.Where(e => e.ProjectId == projectId).Select(e => e.View()).ToList());

    public SnapshotView? Get(string projectId, string id) =>
        Locked(() => Find(id) is { } e && e.ProjectId == projectId ? e.View() : null);

    /// <summary>Every project's snapshots (an admin's all_tenants view).</summary>
    public IReadOnlyList<SnapshotView> ListAll() => Locked(() => _entries.Select(e => e.View()).ToList());

    /// <summary>A snapshot of any project (an admin reads them all).</summary>
    public SnapshotView? GetAny(string id) => Locked(() => Find(id)?.View());

    /// <summary>
    /// Block storage's update: the name, description and metadata given (null: unchanged); stamps updated_at. The
    /// metadata is made from the snapshot's current metadata under the lock, so concurrent merges do not lose pairs.
    /// </summary>
    public SnapshotView? Update(string id, Optional<string?> name, Optional<string?> description,
        Func<IReadOnlyDictionary<string, string>, IReadOnlyDictionary<string, string>>? metadata) => Change(id, entry =>
    {
        if (name.IsSet) entry.Name = name.Value;
        if (description.IsSet) entry.Description = description.Value;
        if (metadata is not null) entry.Metadata = new Dictionary<string, string>(metadata(entry.Metadata));
        entry.UpdatedAt = SnapshotEntry.Timestamp(_time.GetUtcNow());
    });

    /// <summary>
    /// Cinder's metadata key delete as one step under the lock, so a concurrent delete of the key answers 404 instead
    /// of a second 200. The key is compared exactly (Cinder looks it up in a Python dict) and checked before the policy,
    /// as Cinder does: only a present key is refused when not <paramref name="permitted"/>. updated_at stays as it
    /// was: Cinder's delete changes only the metadata row (seen on the real Cinder; a merge does stamp it).
    /// </summary>
    public KeyRemoval RemoveMetadataKey(string id, string key, bool permitted) => Locked(() =>
    {
        if (Find(id) is not { } entry) return KeyRemoval.NoSuchSnapshot;
        if (!entry.Metadata.ContainsKey(key)) return KeyRemoval.NoSuchKey;
        if (!permitted) return KeyRemoval.Refused;
        entry.Metadata = entry.Metadata.Where(pair => pair.Key != key).ToDictionary(pair => pair.Key, pair => pair.Value);
        return KeyRemoval.Removed;
    });

    /// <summary>Cinder's create: counts the project's snapshots against its quota, then starts in <c>creating</c>.</summary>
    public (CreateOutcome Outcome, SnapshotView? Snapshot) Create(
        SeedProject project, int quota, VolumeView volume, string? name, string? description, int delayMs,
        IReadOnlyDictionary<string, string>? metadata = null, string? userId = null) => Locked(() =>
    {
        if (_entries.Count(e => e.ProjectId == project.Id) >= quota) return (CreateOutcome.QuotaExceeded, (SnapshotView?)null);

        var now = _time.GetUtcNow();
        var entry = new SnapshotEntry
        {
            Id = Guid.NewGuid().ToString("D"),
            ProjectId = project.Id,
            VolumeId = volume.Id,
            Size = volume.Size,
            CreatedAt = SnapshotEntry.Timestamp(now),
            Name = name,
            Description = description,
            Status = "creating",
            Pending = SnapshotEntry.PendingChange.BecomeAvailable,
            DueAt = now.AddMilliseconds(delayMs),
            Metadata = metadata is null ? SnapshotView.NoMetadata : new Dictionary<string, string>(metadata),
            UserId = userId,
        };
        _entries.Add(entry);
        return (CreateOutcome.Created, entry.View());
    });

    /// <summary>Cinder deletes only from available or error; a delay of 0 removes the snapshot at once.</summary>
    public DeleteOutcome Delete(string projectId, string id, int delayMs) => Locked(() =>
    {
        var entry = Find(id);
        if (entry is null || entry.ProjectId != projectId) return DeleteOutcome.NotFound;
        if (entry.Status is not ("available" or "error")) return DeleteOutcome.InvalidState;

        if (delayMs == 0)
        {
            _entries.Remove(entry);
        }
        else
        {
            entry.Status = "deleting";
            entry.Pending = SnapshotEntry.PendingChange.Vanish;
            entry.DueAt = _time.GetUtcNow().AddMilliseconds(delayMs);
        }

        return DeleteOutcome.Accepted;
    });

    /// <summary>Test control: a forced status sticks (no later automatic change), whatever the project.</summary>
    public SnapshotView? ForceStatus(string id, string status) => Change(id, entry =>
    {
        entry.Status = status;
        entry.Pending = SnapshotEntry.PendingChange.None;
    });

    /// <summary>Test control: moves a snapshot's creation time (to test age filters and reuse without waiting days).</summary>
    public SnapshotView? SetCreatedAt(string id, DateTimeOffset createdAt) =>
        Change(id, entry => entry.CreatedAt = SnapshotEntry.Timestamp(createdAt));

    public void Clear()
    {
        lock (_gate) _entries.Clear();
    }

    /// <summary>A volume's snapshots (deleting ones too: Cinder counts every snapshot not yet deleted), newest first.</summary>
    public IReadOnlyList<SnapshotView> OfVolume(string volumeId) =>
        Locked(() => _entries.Where(e => e.VolumeId == volumeId).Select(e => e.View())
            .OrderByDescending(s => s.CreatedAt, StringComparer.Ordinal).ToList());

    /// <summary>
    /// The second step of Cinder's revert: the snapshot goes from available to restoring, back to available after the delay;
    /// false (nothing changed) when it is not available.
    /// </summary>
    public bool BeginRestore(string id, int delayMs) => Locked(() =>
    {
        if (Find(id) is not { } entry || entry.Status != "available") return false;
        entry.Status = "restoring";
        entry.Pending = SnapshotEntry.PendingChange.BecomeAvailable;
        entry.DueAt = _time.GetUtcNow().AddMilliseconds(delayMs);
        return true;
    });

    // A read or change under the lock, after every background change that has fallen due.
    private T Locked<T>(Func<T> action)
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            _entries.RemoveAll(e => e.VanishedBy(now));
            foreach (var e in _entries) e.SettleBy(now);
            return action();
        }
    }

    // Changes one snapshot of any project and answers its new view; null when there is none.
    private SnapshotView? Change(string id, Action<SnapshotEntry> change) => Locked(() =>
    {
        if (Find(id) is not { } entry) return null;
        change(entry);
        return entry.View();
    });

    private SnapshotEntry? Find(string id) => _entries.Find(e => e.Id == id);
}
