using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using OpenStackSnapshot.Emulator.Control;

namespace OpenStackSnapshot.Emulator.Http;

/// <summary>
/// Kestrel on 127.0.0.1 in front of the dispatcher. It can stop and listen again on the same port (a "refuse"
/// outage), each time as a fresh WebApplication over the same handler, so the emulator's state lives on.
/// </summary>
internal sealed class Listener(EmulatorOptions options) : IConnectionSwitch, IAsyncDisposable
{
    // How long busy requests may finish when an outage closes the port; then their connections are cut.
    private static readonly TimeSpan OutageGrace = TimeSpan.FromMilliseconds(250);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly CancellationTokenSource _disposing = new();
    private RequestDelegate _handler = _ => Task.CompletedTask;
    private WebApplication? _app;

    /// <summary>The port in use: the one asked for, or the free one Kestrel picked for port 0.</summary>
    public int Port { get; private set; } = options.Port;

    public async Task StartAsync(RequestDelegate handler, CancellationToken cancellationToken)
    {
        _handler = handler;
        _app = await StartAppAsync(cancellationToken);
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Port = new Uri(address).Port;
    }

    public Task StopListeningAsync() => UnderGateAsync(() => StopAppAsync(OutageGrace));

    public Task ListenAgainAsync() => UnderGateAsync(async () =>
    {
        // The port may be taken for a moment (another process, a lingering socket): retry until it is free or we are disposed.
        for (var attempt = 1; _app is null && !_disposing.IsCancellationRequested; attempt++)
        {
            try
            {
                _app = await StartAppAsync(_disposing.Token);
            }
            catch (Exception e) when (e is IOException or OperationCanceledException)
            {
                if (_disposing.IsCancellationRequested) return;
                if (attempt == 1) await Console.Error.WriteLineAsync($"emulator: cannot listen on 127.0.0.1:{Port} again yet, retrying: {e.Message}");
                await Task.Delay(100, _disposing.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    });

    /// <summary>Stops for good (gracefully, as before outages existed); safe to call twice and during an outage.</summary>
    public async ValueTask DisposeAsync()
    {
        _disposing.Cancel();
        await UnderGateAsync(() => StopAppAsync(grace: null));
    }

    // One start or stop at a time: an outage's stop, its restart and a dispose may overlap.
    private async Task UnderGateAsync(Func<Task> action)
    {
        await _gate.WaitAsync();
        try
        {
            await action();
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<WebApplication> StartAppAsync(CancellationToken cancellationToken)
    {
        // The empty builder reads no appsettings, environment or command line and logs nowhere: no stdout noise.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, Port, listen =>
            {
                if (options.TlsCertificatePath is not null)
                    listen.UseHttps(X509Certificate2.CreateFromPemFile(options.TlsCertificatePath, options.TlsKeyPath));
            });
        });
        // Program handles Ctrl+C and SIGTERM itself; in-process hosts must not react to them.
        builder.Services.AddSingleton<IHostLifetime, QuietLifetime>();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(5));

        var app = builder.Build();
        app.Run(_handler);
        try
        {
            await app.StartAsync(cancellationToken);
            return app;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    // null grace: Kestrel's own shutdown (busy requests get the 5 s shutdown timeout).
    private async Task StopAppAsync(TimeSpan? grace)
    {
        var app = _app;
        _app = null;
        if (app is null) return;
        using var timeout = grace is { } g ? new CancellationTokenSource(g) : new CancellationTokenSource();
        await app.StopAsync(timeout.Token);
        await app.DisposeAsync();
    }

    private sealed class QuietLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
