namespace OpenStackSnapshot.Emulator;

/// <summary>The faults chaos mode draws from (README "Chaos"); the wire name is the camel-case member name.</summary>
public enum ChaosKind
{
    Unavailable503,
    Unavailable503NoRetryAfter,
    RateLimited429,
    RateLimited429Date,
    Latency,
    HeldBack,
    ResetBefore,
    ResetAfter,
    TruncatedBody,
    TruncatedConnection,
    NonJson200,
    ProxyPage502,
    GatewayTimeout504After,
}

/// <summary>Every chaos kind, and the kinds that come in bursts.</summary>
public static class ChaosKinds
{
    public static IReadOnlyList<ChaosKind> All { get; } = Enum.GetValues<ChaosKind>();

    /// <summary>503s and 429s hit the drawn request and the next 0-2 on its route.</summary>
    public static bool ComesInBursts(ChaosKind kind) =>
        kind is ChaosKind.Unavailable503 or ChaosKind.Unavailable503NoRetryAfter or ChaosKind.RateLimited429 or ChaosKind.RateLimited429Date;
}
