namespace OpenStackSnapshot.Emulator.State;

/// <summary>What Nova shows of a snapshot: the seven keys of its view, read at one instant.</summary>
internal sealed record SnapshotView(
    string Id, string ProjectId, string VolumeId, string Status, int Size, string CreatedAt, string? Name, string? Description);

internal enum CreateOutcome { Created, QuotaExceeded }

internal enum DeleteOutcome { Accepted, NotFound, InvalidState }

/// <summary>
/// All snapshots of all projects, in creation order (the order listings use). Status changes that real
/// Cinder makes in the background happen here lazily, on the first access after they fall due, so there is
/// no timer to race with. One lock guards everything: requests arrive concurrently.
/// </summary>
internal sealed class SnapshotStore
{
    private enum Pending { None, BecomeAvailable, Vanish }

    private sealed class Entry
    {
        public required string Id { get; init; }
        public required string ProjectId { get; init; }
        public required string VolumeId { get; init; }
        public required int Size { get; init; }
        public required string CreatedAt { get; set; }
        public string? Name { get; init; }
        public string? Description { get; init; }
        public required string Status { get; set; }
        public Pending Pending { get; set; }
        public DateTimeOffset DueAt { get; set; }

        public SnapshotView View() => new(Id, ProjectId, VolumeId, Status, Size, CreatedAt, Name, Description);
    }

    private readonly object _gate = new();
    private readonly List<Entry> _entries = [];
    private readonly TimeProvider _time;

    public SnapshotStore(TimeProvider time) => _time = time;

    public IReadOnlyList<SnapshotView> List(string projectId)
    {
        lock (_gate)
        {
            Advance();
            return _entries.Where(e => e.ProjectId == projectId).Select(e => e.View()).ToList();
        }
    }

    public SnapshotView? Get(string projectId, string id)
    {
        lock (_gate)
        {
            Advance();
            return Find(id) is { } e && e.ProjectId == projectId ? e.View() : null;
        }
    }

    /// <summary>Cinder's create: counts the project's snapshots against its quota, then starts in <c>creating</c>.</summary>
    public (CreateOutcome Outcome, SnapshotView? Snapshot) Create(
        SeedProject project, int quota, SeedVolume volume, string? name, string? description, int delayMs)
    {
        lock (_gate)
        {
            Advance();
            if (_entries.Count(e => e.ProjectId == project.Id) >= quota)
            {
                return (CreateOutcome.QuotaExceeded, null);
            }

            var now = _time.GetUtcNow();
            var entry = new Entry
            {
                Id = Guid.NewGuid().ToString("D"),
                ProjectId = project.Id,
                VolumeId = volume.Id,
                Size = volume.Size,
                CreatedAt = CinderTimestamp(now),
                Name = name,
                Description = description,
                Status = "creating",
                Pending = Pending.BecomeAvailable,
                DueAt = now.AddMilliseconds(delayMs),
            };
            _entries.Add(entry);
            return (CreateOutcome.Created, entry.View());
        }
    }

    /// <summary>Cinder deletes only from available or error; a delay of 0 removes the snapshot at once.</summary>
    public DeleteOutcome Delete(string projectId, string id, int delayMs)
    {
        lock (_gate)
        {
            Advance();
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
                entry.Pending = Pending.Vanish;
                entry.DueAt = _time.GetUtcNow().AddMilliseconds(delayMs);
            }

            return DeleteOutcome.Accepted;
        }
    }

    /// <summary>Test control: a forced status sticks (no later automatic change), whatever the project.</summary>
    public SnapshotView? ForceStatus(string id, string status)
    {
        lock (_gate)
        {
            Advance();
            var entry = Find(id);
            if (entry is null) return null;
            entry.Status = status;
            entry.Pending = Pending.None;
            return entry.View();
        }
    }

    /// <summary>Test control: moves a snapshot's creation time (to test age filters and reuse without waiting days).</summary>
    public SnapshotView? SetCreatedAt(string id, DateTimeOffset createdAt)
    {
        lock (_gate)
        {
            Advance();
            var entry = Find(id);
            if (entry is null) return null;
            entry.CreatedAt = CinderTimestamp(createdAt);
            return entry.View();
        }
    }

    public void Clear()
    {
        lock (_gate) _entries.Clear();
    }

    private Entry? Find(string id) => _entries.Find(e => e.Id == id);

    // Applies every background change that has fallen due; callers hold the lock.
    private void Advance()
    {
        var now = _time.GetUtcNow();
        _entries.RemoveAll(e => e.Pending == Pending.Vanish && e.DueAt <= now);
        foreach (var e in _entries)
        {
            if (e.Pending != Pending.BecomeAvailable || e.DueAt > now) continue;
            e.Status = "available";
            e.Pending = Pending.None;
        }
    }

    // Cinder's created_at: UTC, microseconds, no zone designator.
    private static string CinderTimestamp(DateTimeOffset t) =>
        t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff", System.Globalization.CultureInfo.InvariantCulture);
}
