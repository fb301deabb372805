namespace OpenStackSnapshot.Emulator;

/// <summary>
/// How an emulator starts. PageLimit, SnapshotDelayMs and TokenTtlSeconds are also run-time settings
/// (<see cref="EmulatorHost.UpdateSettings"/>); a reset goes back to the values given here.
/// </summary>
public sealed class EmulatorOptions
{
    /// <summary>TCP port on 127.0.0.1; 0 picks a free one.</summary>
    public int Port { get; set; }

    /// <summary>Nova's <c>[api] max_limit</c>: the page size when limit is missing, 0 or larger.</summary>
    public int PageLimit { get; set; } = 1000;

    /// <summary>How long a snapshot stays <c>creating</c> (and <c>deleting</c>); 0 = until the next request.</summary>
    public int SnapshotDelayMs { get; set; }

    /// <summary>Keystone's <c>[token] expiration</c>.</summary>
    public int TokenTtlSeconds { get; set; } = 3600;

    /// <summary>Catalog compute URLs end in <c>/v2.1/{project_id}</c> instead of <c>/v2.1</c>.</summary>
    public bool ComputeUrlWithProject { get; set; }

    /// <summary>
    /// Cinder with <c>[oslo_policy] enforce_new_defaults = True</c>: a reader may only read. Off by default, as Cinder
    /// ships through 2026.1: the deprecated admin_or_owner rule then lets any role of the project write.
    /// </summary>
    public bool CinderNewPolicyDefaults { get; set; }

    /// <summary>A PEM certificate (with <see cref="TlsKeyPath"/>): the emulator then serves HTTPS only, for the TLS tests.</summary>
    public string? TlsCertificatePath { get; set; }

    public string? TlsKeyPath { get; set; }

    /// <summary>The clock for token expiry and snapshot transitions; tests pass a manual one.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    internal EmulatorSettings InitialSettings => new(PageLimit, SnapshotDelayMs, TokenTtlSeconds);

    /// <summary>Throws when a value could not work, so a typo fails at start rather than mid-test.</summary>
    internal void Validate()
    {
        if (Port is < 0 or > 65535) throw new ArgumentOutOfRangeException(nameof(Port), Port, "must be 0-65535");
        if ((TlsCertificatePath is null) != (TlsKeyPath is null))
            throw new ArgumentOutOfRangeException(nameof(TlsKeyPath), TlsKeyPath, "a TLS certificate and its key go together");
        InitialSettings.Validate();
    }
}

/// <summary>
/// The behaviour that tests may change while the emulator runs (PUT /_emulator/settings). SnapshotQuota, when set,
/// is every project's snapshot quota in place of the seed's (the benchmark makes thousands).
/// </summary>
public sealed record EmulatorSettings(int PageLimit, int SnapshotDelayMs, int TokenTtlSeconds, int? SnapshotQuota = null)
{
    internal void Validate()
    {
        if (PageLimit < 1) throw new ArgumentOutOfRangeException(nameof(PageLimit), PageLimit, "must be at least 1");
        if (SnapshotDelayMs < 0) throw new ArgumentOutOfRangeException(nameof(SnapshotDelayMs), SnapshotDelayMs, "must not be negative");
        if (TokenTtlSeconds < 1) throw new ArgumentOutOfRangeException(nameof(TokenTtlSeconds), TokenTtlSeconds, "must be at least 1");
        if (SnapshotQuota < 0) throw new ArgumentOutOfRangeException(nameof(SnapshotQuota), SnapshotQuota, "must not be negative");
    }
}
