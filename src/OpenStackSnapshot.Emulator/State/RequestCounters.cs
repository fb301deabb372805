using System.Collections.Concurrent;

namespace OpenStackSnapshot.Emulator.State;

/// <summary>Requests received per route key since the last reset, faulted ones included; safe under concurrency.</summary>
internal sealed class RequestCounters
{
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);

    public void Increment(string routeKey) => _counts.AddOrUpdate(routeKey, 1, (_, n) => n + 1);

    public int Get(string routeKey) => _counts.TryGetValue(routeKey, out var n) ? n : 0;

    /// <summary>Every known key, zero included, so a reader never has to tell "absent" from "none".</summary>
    public IReadOnlyDictionary<string, int> Snapshot() => RouteKeys.All.ToDictionary(k => k, Get, StringComparer.Ordinal);

    public void Clear() => _counts.Clear();
}
