namespace OpenStackSnapshot.Emulator.State;

/// <summary>A user message block storage keeps about a resource (Cinder's messages API): why a volume went to error.</summary>
internal sealed record UserMessage(string Id, string ProjectId, string ResourceId, string EventId, string Text, string CreatedAt, string RequestId);

/// <summary>Which backend step the next volume failure hits (the test control's "on").</summary>
internal enum VolumeFailureStep { Create, Revert }

/// <summary>
/// All volumes of all projects: the seeded ones (restored by a reset), then those made from snapshots, in creation order.
/// Background changes happen lazily, on the first access after they fall due, as in <see cref="SnapshotStore"/>; the
/// user messages of failed volumes are kept here too. One lock guards everything.
/// </summary>
internal sealed class VolumeStore
{
    private readonly object _gate = new();
    private readonly List<VolumeEntry> _entries = [];
    private readonly List<UserMessage> _messages = [];
    private readonly Queue<(VolumeFailureStep Step, string Message)> _failures = new();
    private readonly TimeProvider _time;

    public VolumeStore(TimeProvider time)
    {
        _time = time;
        Clear();
    }

    public IReadOnlyList<VolumeView> List(string projectId) =>
        Locked(() => _entries.Where(e => e.View.ProjectId == projectId).Select(e => e.View).ToList());

    public IReadOnlyList<VolumeView> ListAll() => Locked(() => _entries.Select(e => e.View).ToList());

    public VolumeView? Get(string projectId, string id) => Locked(() => Find(id) is { } e && e.View.ProjectId == projectId ? e.View : null);

    /// <summary>A volume of any project (an admin reads them all; the test controls too).</summary>
    public VolumeView? GetAny(string id) => Locked(() => Find(id)?.View);

    public IReadOnlyList<UserMessage> Messages(string projectId) => Locked(() => _messages.Where(m => m.ProjectId == projectId).ToList());

    /// <summary>
    /// Cinder's create from a snapshot, after its API checks: starts <c>creating</c>, available (or error) after the delay
    /// (0: on the next access).
    /// </summary>
    public VolumeView Create(VolumeView volume, int delayMs) => Locked(() =>
    {
        var failure = _failures.Count > 0 && _failures.Peek().Step == VolumeFailureStep.Create ? _failures.Dequeue().Message : null;
        var entry = new VolumeEntry
        {
            View = volume with { Status = "creating" },
            Pending = failure is null ? VolumeEntry.PendingChange.BecomeAvailable : VolumeEntry.PendingChange.Fail,
            DueAt = _time.GetUtcNow().AddMilliseconds(delayMs),
            FailureMessage = failure,
            FailureEvent = "VOLUME_VOLUME_001_003",
        };
        _entries.Add(entry);
        return entry.View;
    });

    /// <summary>Cinder's delete once its checks passed: deleting, then gone after the delay (0: gone at once).</summary>
    public bool Delete(string id, int delayMs) => Locked(() =>
    {
        if (Find(id) is not { } entry) return false;
        if (delayMs == 0)
        {
            _entries.Remove(entry);
            return true;
        }

        entry.View = entry.View with { Status = "deleting" };
        entry.Pending = VolumeEntry.PendingChange.Vanish;
        entry.DueAt = _time.GetUtcNow().AddMilliseconds(delayMs);
        return true;
    });

    /// <summary>
    /// The first step of Cinder's revert: the volume goes from available to reverting, or the revert is refused (false).
    /// It becomes available again (or error) after the delay.
    /// </summary>
    public bool BeginRevert(string id, int delayMs) => Locked(() =>
    {
        if (Find(id) is not { } entry || entry.View.Status != "available") return false;
        var failure = _failures.Count > 0 && _failures.Peek().Step == VolumeFailureStep.Revert ? _failures.Dequeue().Message : null;
        entry.View = entry.View with { Status = "reverting" };
        entry.Pending = failure is null ? VolumeEntry.PendingChange.BecomeAvailable : VolumeEntry.PendingChange.Fail;
        entry.FailureMessage = failure;
        entry.FailureEvent = "VOLUME_VOLUME_001_009";
        entry.DueAt = _time.GetUtcNow().AddMilliseconds(delayMs);
        return true;
    });

    /// <summary>Test control: the next volume create (or revert) goes to error in the backend, with this user message.</summary>
    public void FailNext(VolumeFailureStep step, string message, int count)
    {
        lock (_gate) for (var i = 0; i < count; i++) _failures.Enqueue((step, message));
    }

    /// <summary>Test control: a forced status sticks (no later automatic change), whatever the project.</summary>
    public VolumeView? ForceStatus(string id, string status) => Change(id, entry =>
    {
        entry.View = entry.View with { Status = status };
        entry.Pending = VolumeEntry.PendingChange.None;
    });

    /// <summary>Test control: a new size, as if the volume had been extended.</summary>
    public VolumeView? SetSize(string id, int size) => Change(id, entry => entry.View = entry.View with { Size = size });

    /// <summary>Back to the seed's volumes; no messages, no failures queued.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _entries.Clear();
            _entries.AddRange(Seed.Volumes.Select(v => new VolumeEntry { View = VolumeView.FromSeed(v) }));
            _messages.Clear();
            _failures.Clear();
        }
    }

    private T Locked<T>(Func<T> action)
    {
        lock (_gate)
        {
            Settle(_time.GetUtcNow());
            return action();
        }
    }

    // Under the lock: every background change that has fallen due.
    private void Settle(DateTimeOffset now)
    {
        _entries.RemoveAll(e => e.VanishedBy(now));
        foreach (var entry in _entries)
        {
            if (entry.SettleBy(now) is not { } failed) continue;
            _messages.Add(new UserMessage(Guid.NewGuid().ToString("D"), entry.View.ProjectId, entry.View.Id, failed.Event, failed.Message,
                SnapshotEntry.Timestamp(entry.DueAt), "req-" + Guid.NewGuid().ToString("D")));
        }
    }

    private VolumeView? Change(string id, Action<VolumeEntry> change) => Locked(() =>
    {
        if (Find(id) is not { } entry) return null;
        change(entry);
        return entry.View;
    });

    private VolumeEntry? Find(string id) => _entries.Find(e => e.View.Id == id);
}
