using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
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
    private readonly WebApplication _app;
    private readonly EmulatorState _state;

    private EmulatorHost(WebApplication app, EmulatorState state)
    {
        _app = app;
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

    public static async Task<EmulatorHost> StartAsync(EmulatorOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();

        // The empty builder reads no appsettings, environment or command line and logs nowhere: no stdout noise.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, options.Port, listen =>
            {
                if (options.TlsCertificatePath is not null)
                    listen.UseHttps(X509Certificate2.CreateFromPemFile(options.TlsCertificatePath, options.TlsKeyPath));
            });
        });
        // Program handles Ctrl+C and SIGTERM itself; in-process hosts must not react to them.
        builder.Services.AddSingleton<IHostLifetime, QuietLifetime>();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(5));

        var app = builder.Build();
        var state = new EmulatorState(options);
        var dispatcher = new Dispatcher(state);
        app.Run(dispatcher.HandleAsync);

        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var scheme = options.TlsCertificatePath is null ? "http" : "https";
        state.BaseUri = new Uri($"{scheme}://127.0.0.1:{new Uri(address).Port}/");
        return new EmulatorHost(app, state);
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

    /// <summary>Back to the seed: no snapshots, faults or counts, the start-up settings. Tokens stay valid.</summary>
    public void Reset() => _state.Reset();

    /// <summary>Changes the given settings and keeps the others; returns the settings now in force.</summary>
    public EmulatorSettings UpdateSettings(int? pageLimit = null, int? snapshotDelayMs = null, int? tokenTtlSeconds = null) =>
        _state.UpdateSettings(pageLimit, snapshotDelayMs, tokenTtlSeconds);

    /// <summary>Forces a snapshot's status (it then stays so); false when there is no such snapshot.</summary>
    public bool SetSnapshotStatus(string snapshotId, string status)
    {
        ArgumentException.ThrowIfNullOrEmpty(status);
        return _state.Snapshots.ForceStatus(snapshotId, status) is not null;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private sealed class QuietLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
