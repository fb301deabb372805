using OpenStackSnapshot.Emulator.Control;

namespace OpenStackSnapshot.Emulator.State;

/// <summary>Everything one emulator knows, shared by all endpoints; each part guards its own concurrency.</summary>
internal sealed class EmulatorState
{
    private readonly EmulatorSettings _initialSettings;
    private EmulatorSettings _settings;

    public EmulatorState(EmulatorOptions options, IConnectionSwitch connections)
    {
        Outage = new OutageControl(connections);
        Options = options;
        Time = options.TimeProvider;
        _initialSettings = options.InitialSettings;
        _settings = _initialSettings;
        Snapshots = new SnapshotStore(Time);
        Volumes = new VolumeStore(Time);
    }

    public EmulatorOptions Options { get; }

    public TimeProvider Time { get; }

    /// <summary>Set once Kestrel has its port: <c>http://127.0.0.1:PORT/</c>.</summary>
    public Uri BaseUri { get; set; } = new("http://127.0.0.1/");

    public EmulatorSettings Settings => Volatile.Read(ref _settings);

    public TokenStore Tokens { get; } = new();

    public SnapshotStore Snapshots { get; }

    /// <summary>The seeded volumes and those made from snapshots, with block storage's messages about them.</summary>
    public VolumeStore Volumes { get; }

    public RequestCounters Counters { get; } = new();

    public AttachmentStore Attachments { get; } = new();

    public FaultQueue Faults { get; } = new();

    public ChaosMode Chaos { get; } = new();

    public OutageControl Outage { get; }

    public DateTimeOffset Now => Time.GetUtcNow();

    /// <summary>Changes the given settings and keeps the others.</summary>
    public EmulatorSettings UpdateSettings(int? pageLimit, int? snapshotDelayMs, int? tokenTtlSeconds, int? snapshotQuota = null)
    {
        var current = Settings;
        var next = new EmulatorSettings(
            pageLimit ?? current.PageLimit,
            snapshotDelayMs ?? current.SnapshotDelayMs,
            tokenTtlSeconds ?? current.TokenTtlSeconds,
            snapshotQuota ?? current.SnapshotQuota);
        next.Validate();
        Volatile.Write(ref _settings, next);
        return next;
    }

    /// <summary>
    /// Back to the seed: no snapshots, only the seeded volumes, no faults, chaos, outage or counts, the settings given at
    /// start. Tokens stay valid.
    /// </summary>
    public void Reset()
    {
        Snapshots.Clear();
        Volumes.Clear();
        Attachments.Clear();
        Faults.Clear();
        Chaos.Reset();
        _ = Outage.EndAsync(); // a refused port reopens on its own task
        Counters.Clear();
        Volatile.Write(ref _settings, _initialSettings);
        VolumeMetadata.Clear();
    }

    /// <summary>The volumes' user metadata (block storage's volume_metadata), shown by both APIs.</summary>
    public VolumeMetadataStore VolumeMetadata { get; } = new();
}
