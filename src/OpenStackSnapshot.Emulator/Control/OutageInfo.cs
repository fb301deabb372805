namespace OpenStackSnapshot.Emulator;

public enum OutageMode
{
    /// <summary>Every identity and compute request gets HAProxy's 503 page.</summary>
    Unavailable,

    /// <summary>The port refuses TCP connections; it listens again, same port and state, when the outage ends.</summary>
    Refuse,
}

/// <summary>A dead cloud for <see cref="Duration"/> from <see cref="StartedAt"/> (real time, not the emulator's clock).</summary>
public sealed record OutageInfo(OutageMode Mode, TimeSpan Duration, string? RetryAfter, DateTimeOffset StartedAt)
{
    public DateTimeOffset EndsAt => StartedAt + Duration;
}
