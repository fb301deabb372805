namespace OpenStackSnapshot.Emulator;

/// <summary>
/// Chaos mode for a soak test: each request on <see cref="Routes"/> gets, with probability <see cref="Rate"/>,
/// one fault drawn uniformly from <see cref="Kinds"/> (README "Test controls", chaos).
/// </summary>
public sealed record ChaosSpec
{
    internal const int DefaultHeldBackMs = 3000, DefaultLatencyMs = 200;

    /// <summary>0 to 1: the chance that a request gets a fault.</summary>
    public required double Rate { get; init; }

    /// <summary>Seeds System.Random; null picks one, which the report shows so a run can be replayed.</summary>
    public int? Seed { get; init; }

    /// <summary>null: every kind.</summary>
    public IReadOnlyList<ChaosKind>? Kinds { get; init; }

    /// <summary>Route keys from <see cref="RouteKeys"/>; null: every route.</summary>
    public IReadOnlyList<string>? Routes { get; init; }

    /// <summary>How long <see cref="ChaosKind.HeldBack"/> holds an answer after the work is done.</summary>
    public int HeldBackMs { get; init; } = DefaultHeldBackMs;

    /// <summary>How long <see cref="ChaosKind.Latency"/> waits before the request runs.</summary>
    public int LatencyMs { get; init; } = DefaultLatencyMs;

    /// <summary>Why this spec cannot be used, or null when it can.</summary>
    internal string? Problem()
    {
        if (Rate is not (>= 0 and <= 1)) return "rate must be a number from 0 to 1";
        if (Kinds is { Count: 0 }) return "kinds must not be empty (omit it for every kind)";
        if (Kinds?.Any(k => !Enum.IsDefined(k)) == true) return "kinds holds an undefined ChaosKind value";
        if (Routes is { Count: 0 }) return "routes must not be empty (omit it for every route)";
        if (Routes?.FirstOrDefault(r => !RouteKeys.IsKnown(r)) is { } route)
            return $"unknown route '{route}'; known: {string.Join(", ", RouteKeys.All)}";
        if (HeldBackMs < 0) return "heldBackMs must not be negative";
        if (LatencyMs < 0) return "latencyMs must not be negative";
        return null;
    }

    /// <summary>The spec with every default filled in: a seed, all kinds, all routes, no duplicates.</summary>
    internal ChaosSpec Completed() => this with
    {
        Seed = Seed ?? Random.Shared.Next(),
        Kinds = (Kinds ?? ChaosKinds.All).Distinct().ToList(),
        Routes = (Routes ?? RouteKeys.All).Distinct().ToList(),
    };
}
