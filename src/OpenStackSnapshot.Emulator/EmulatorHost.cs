using OpenStackSnapshot.Emulator.Http;
using OpenStackSnapshot.Emulator.Keystone;
using OpenStackSnapshot.Emulator.State;

namespace OpenStackSnapshot.Emulator;

/// <summary>
/// A running emulator on 127.0.0.1: Keystone v3, Nova os-snapshots/os-volumes and the test controls. Start it
/// in-process with <see cref="StartAsync"/> (tests) or through Program (a separate process); the methods here
/// are the same controls as <c>{base}_emulator/...</c>.
/// </summary>
public sealed class EmulatorHost : IAsyncDisposable
{
    private readonly Listener _listener;
    private readonly EmulatorState _state;

    private EmulatorHost(Listener listener, EmulatorState state)
    {
        _listener = listener;
        _state = state;
    }

    /// <summary><c>http://127.0.0.1:PORT/</c>.</summary>
    public Uri BaseUri => _state.BaseUri;

    public int Port => _state.BaseUri.Port;

    /// <summary>Keystone's auth URL: <c>{base}identity/v3</c>.</summary>
    public string AuthUrl => Catalog.IdentityUrl(BaseUri);

    /// <summary>The catalog's public RegionOne compute URL, for the demo project when URLs carry project ids.</summary>
    public string ComputeUrl => ComputeUrlFor(Seed.DemoProjectId);

    public EmulatorSettings Settings => _state.Settings;

    /// <summary>The catalog's public RegionOne block-storage URL for the demo project: <c>{base}volume/v3/{project_id}</c>.</summary>
    public string BlockStorageUrl => BlockStorageUrlFor(Seed.DemoProjectId);

    /// <summary>The catalog block-storage URL that a token for <paramref name="projectId"/> carries.</summary>
    public string BlockStorageUrlFor(string projectId) => Catalog.BlockStorageUrl(BaseUri, "volume", projectId);

    public static async Task<EmulatorHost> StartAsync(EmulatorOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();

        var listener = new Listener(options);
        var state = new EmulatorState(options, listener);
        var dispatcher = new Dispatcher(state);
        await listener.StartAsync(dispatcher.HandleAsync, cancellationToken);
        var scheme = options.TlsCertificatePath is null ? "http" : "https";
        state.BaseUri = new Uri($"{scheme}://127.0.0.1:{listener.Port}/");
        return new EmulatorHost(listener, state);
    }

    /// <summary>The catalog compute URL that a token for <paramref name="projectId"/> carries.</summary>
    public string ComputeUrlFor(string projectId) =>
        Catalog.ComputeUrl(BaseUri, "compute", _state.Options.ComputeUrlWithProject, projectId);

    /// <summary>Queues a fault for the next <see cref="FaultSpec.Count"/> requests on its route.</summary>
    public void InjectFault(FaultSpec fault) => _state.Faults.Add(fault);

    public void ClearFaults() => _state.Faults.Clear();

    /// <summary>Requests received on a route since the last reset, faulted ones included.</summary>
    public int RequestCount(string routeKey) => _state.Counters.Get(routeKey);

    public IReadOnlyDictionary<string, int> RequestCounts() => _state.Counters.Snapshot();

    /// <summary>Back to the seed: no snapshots, faults, chaos, outage or counts, the start-up settings. Tokens stay valid.</summary>
    public void Reset() => _state.Reset();

    /// <summary>Changes the given settings and keeps the others; returns the settings now in force.</summary>
    public EmulatorSettings UpdateSettings(
        int? pageLimit = null, int? snapshotDelayMs = null, int? tokenTtlSeconds = null, int? snapshotQuota = null) =>
        _state.UpdateSettings(pageLimit, snapshotDelayMs, tokenTtlSeconds, snapshotQuota);

    /// <summary>Forces a snapshot's status (it then stays so); false when there is no such snapshot.</summary>
    public bool SetSnapshotStatus(string snapshotId, string status)
    {
        ArgumentException.ThrowIfNullOrEmpty(status);
        return _state.Snapshots.ForceStatus(snapshotId, status) is not null;
    }

    /// <summary>Moves a snapshot's creation time; false when there is no such snapshot.</summary>
    public bool SetSnapshotCreatedAt(string snapshotId, DateTimeOffset createdAt) => _state.Snapshots.SetCreatedAt(snapshotId, createdAt) is not null;

    /// <summary>Attaches a volume (seeded or made) to a server besides any attachment it has; false for an unknown volume.</summary>
    public bool AttachVolume(string volumeId, string serverId, string? device = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(serverId);
        if (_state.Volumes.GetAny(volumeId) is null) return false;
        _state.Attachments.Attach(volumeId, serverId, device);
        return true;
    }

    /// <summary>Forces a volume's status (it sticks); false for an unknown volume.</summary>
    public bool SetVolumeStatus(string volumeId, string status) => _state.Volumes.ForceStatus(volumeId, status) is not null;

    /// <summary>Gives a volume another size, as if it had been extended; false for an unknown volume.</summary>
    public bool SetVolumeSize(string volumeId, int size) => _state.Volumes.SetSize(volumeId, size) is not null;

    /// <summary>
    /// The next <paramref name="count"/> volume creates go to error in the backend, leaving <paramref name="message"/> for the user.
    /// </summary>
    public void FailNextVolumeCreate(string message, int count = 1) => _state.Volumes.FailNext(VolumeFailureStep.Create, message, count);

    /// <summary>The next <paramref name="count"/> reverts leave their volume in error, with <paramref name="message"/> for the user.</summary>
    public void FailNextRevert(string message, int count = 1) => _state.Volumes.FailNext(VolumeFailureStep.Revert, message, count);

    /// <summary>
    /// A dead cloud for <paramref name="duration"/>: HAProxy's 503 (with <paramref name="retryAfter"/>) on identity
    /// and compute, or a port that refuses connections and then listens again with the same state. Completes once
    /// connections are refused (at once when unavailable).
    /// </summary>
    public async Task<OutageInfo> StartOutageAsync(TimeSpan duration, OutageMode mode = OutageMode.Unavailable, string? retryAfter = null)
    {
        var (outage, refusing) = _state.Outage.Start(mode, duration, retryAfter);
        await refusing;
        return outage;
    }

    /// <summary>The outage in force, or null.</summary>
    public OutageInfo? CurrentOutage => _state.Outage.Current;

    /// <summary>Ends the outage now; completes once the port listens again.</summary>
    public Task EndOutageAsync() => _state.Outage.EndAsync();

    /// <summary>Turns chaos mode on with fresh counts; returns the spec with its defaults (seed, kinds, routes) filled in.</summary>
    public ChaosSpec StartChaos(ChaosSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return _state.Chaos.Start(spec);
    }

    /// <summary>Turns chaos mode off; <see cref="Chaos"/> still shows its counts until the next start or a reset.</summary>
    public void StopChaos() => _state.Chaos.Stop();

    /// <summary>What chaos mode did since it was last started.</summary>
    public ChaosReport Chaos => _state.Chaos.Report();

    /// <summary>Stops the emulator, during an outage too; a second call does nothing.</summary>
    public async ValueTask DisposeAsync()
    {
        await _listener.DisposeAsync();
        await _state.Outage.EndAsync();
    }
}
