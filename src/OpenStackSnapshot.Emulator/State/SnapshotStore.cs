namespace OpenStackSnapshot.Emulator.State;

/// <summary>A snapshot read at one instant: Nova's seven keys, and what only block storage shows (init-only extras).</summary>
internal sealed record SnapshotView(
    string Id, string ProjectId, string VolumeId, string Status, int Size, string CreatedAt, string? Name, string? Description)
{
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();

    /// <summary>Null until the first change after creation, as in Cinder's database.</summary>
    public string? UpdatedAt { get; init; }

    public string? UserId { get; init; }

    /// <summary>Cinder's progress: "0%" while creating, "100%" once the backend finished.</summary>
    public string Progress { get; init; } = "0%";
}

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
        public string? Name { get; set; }
        public string? Description { get; set; }
        public required string Status { get; set; }
        public Pending Pending { get; set; }
        public DateTimeOffset DueAt { get; set; }
        public Dictionary<string, string> Metadata { get; set; } = [];
        public string? UpdatedAt { get; set; }
        public string? UserId { get; init; }
        public string Progress { get; set; } = "0%";

        public SnapshotView View() => new(Id, ProjectId, VolumeId, Status, Size, CreatedAt, Name, Description)
        {
            Metadata = new Dictionary<string, string>(Metadata),
            UpdatedAt = UpdatedAt,
            UserId = UserId,
            Progress = Progress,
        };
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

    /// <summary>Every project's snapshots (an admin's all_tenants view).</summary>
    public IReadOnlyList<SnapshotView> ListAll()
    {
        lock (_gate)
        {
            Advance();
            return _entries.Select(e => e.View()).ToList();
        }
    }

    /// <summary>A snapshot of any project (an admin reads them all).</summary>
    public SnapshotView? GetAny(string id)
    {
        lock (_gate)
        {
            Advance();
            return Find(id)?.View();
        }
    }

    /// <summary>
    /// Block storage's update: the name, description and metadata given (null: unchanged); stamps updated_at. The
    /// metadata is made from the snapshot's current metadata under the lock, so concurrent merges do not lose pairs.
    /// </summary>
    public SnapshotView? Update(string id, Optional<string?> name, Optional<string?> description,
        Func<IReadOnlyDictionary<string, string>, IReadOnlyDictionary<string, string>>? metadata)
    {
        lock (_gate)
        {
            Advance();
            var entry = Find(id);
            if (entry is null) return null;
            if (name.IsSet) entry.Name = name.Value;
            if (description.IsSet) entry.Description = description.Value;
            if (metadata is not null) entry.Metadata = new Dictionary<string, string>(metadata(entry.Metadata));
            entry.UpdatedAt = CinderTimestamp(_time.GetUtcNow());
            return entry.View();
        }
    }

    /// <summary>Cinder's create: counts the project's snapshots against its quota, then starts in <c>creating</c>.</summary>
    public (CreateOutcome Outcome, SnapshotView? Snapshot) Create(
        SeedProject project, int quota, SeedVolume volume, string? name, string? description, int delayMs,
        IReadOnlyDictionary<string, string>? metadata = null, string? userId = null)
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
                Metadata = metadata is null ? [] : new Dictionary<string, string>(metadata),
                UserId = userId,
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
            e.Progress = "100%";
            e.UpdatedAt = CinderTimestamp(e.DueAt);
        }
    }

    // Cinder's created_at: UTC, microseconds, no zone designator.
    internal static string CinderTimestamp(DateTimeOffset t) =>
        t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff", System.Globalization.CultureInfo.InvariantCulture);
}
