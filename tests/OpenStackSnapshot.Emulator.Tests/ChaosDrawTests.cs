using System.Globalization;
using OpenStackSnapshot.Emulator.Control;
using Xunit;

namespace OpenStackSnapshot.Emulator.Tests;

/// <summary>Chaos mode's draws without HTTP: rate, bursts, routes, the proxy-page coin, seeding and counts.</summary>
public sealed class ChaosDrawTests
{
    /// <summary>A Random that returns scripted fractions: NextDouble gives one, Next(n) scales one to 0..n-1.</summary>
    private sealed class ScriptedRandom(params double[] fractions) : Random
    {
        private readonly Queue<double> _fractions = new(fractions);

        public override double NextDouble() => _fractions.Dequeue();

        public override int Next(int maxValue) => (int)(_fractions.Dequeue() * maxValue);
    }

    private static ChaosMode Scripted(params double[] fractions) => new(_ => new ScriptedRandom(fractions));

    [Fact]
    public void A_503_burst_hits_the_next_requests_on_its_route_only_then_the_rate_decides_again()
    {
        var chaos = Scripted(0.1, 0.25, 0.9, 0.9, 0.9);
        chaos.Start(new ChaosSpec { Rate = 0.5, Kinds = [ChaosKind.Unavailable503, ChaosKind.Latency] });

        // 0.1 < rate: a fault; 0.25 of two kinds: the first; 0.9 of three: a burst of 2 more.
        var burst = Enumerable.Range(0, 3).Select(_ => chaos.Draw(RouteKeys.SnapshotsList)).ToList();
        var otherRoute = chaos.Draw(RouteKeys.VolumesList);
        var afterBurst = chaos.Draw(RouteKeys.SnapshotsList);

        Assert.All(burst, d => Assert.Equal(ChaosKind.Unavailable503, d!.Kind));
        Assert.All(burst, d => Assert.Equal(new FaultSpec { Route = RouteKeys.SnapshotsList, Status = 503, RetryAfter = "1" }, d!.Fault));
        Assert.Null(otherRoute);
        Assert.Null(afterBurst);
        var report = chaos.Report();
        Assert.Equal(5, report.Requests);
        Assert.Equal(3, report.Injected[ChaosKind.Unavailable503]);
        Assert.Equal(0, report.Injected[ChaosKind.Latency]);
    }

    [Fact]
    public void Kinds_without_bursts_draw_afresh_every_time()
    {
        var chaos = Scripted(0.0, 0.0, 0.99);
        chaos.Start(new ChaosSpec { Rate = 0.5, Kinds = [ChaosKind.Latency], LatencyMs = 75 });

        Assert.Equal(new FaultSpec { Route = RouteKeys.SnapshotsShow, DelayMs = 75 }, chaos.Draw(RouteKeys.SnapshotsShow)!.Fault);
        Assert.Null(chaos.Draw(RouteKeys.SnapshotsShow));
    }

    [Fact]
    public void Proxy_page_is_served_before_processing_on_an_even_coin_and_after_on_an_odd_one()
    {
        var chaos = Scripted(0.0, 0.0, 0.2, 0.0, 0.0, 0.7);
        chaos.Start(new ChaosSpec { Rate = 1, Kinds = [ChaosKind.ProxyPage502] });

        var before = chaos.Draw(RouteKeys.SnapshotsCreate)!.Fault;
        var after = chaos.Draw(RouteKeys.SnapshotsCreate)!.Fault;

        Assert.False(before.AfterProcessing);
        Assert.True(after.AfterProcessing);
        Assert.True(before.ProxyPage && before.Status == 502);
        Assert.Equal(1, chaos.Report().ProxyPage502AfterProcessing);
    }

    [Fact]
    public void Routes_outside_the_spec_are_neither_drawn_for_nor_counted()
    {
        var chaos = new ChaosMode();
        chaos.Start(new ChaosSpec { Rate = 1, Routes = [RouteKeys.SnapshotsCreate] });

        Assert.Null(chaos.Draw(RouteKeys.SnapshotsList));
        Assert.NotNull(chaos.Draw(RouteKeys.SnapshotsCreate));
        Assert.Equal(1, chaos.Report().Requests);
    }

    [Fact]
    public void The_same_seed_draws_the_same_faults()
    {
        static List<ChaosKind?> Run(int seed)
        {
            var chaos = new ChaosMode();
            chaos.Start(new ChaosSpec { Rate = 0.3, Seed = seed });
            return Enumerable.Range(0, 300).Select(i => chaos.Draw(RouteKeys.All[i % 4])?.Kind).ToList();
        }

        var first = Run(42);

        Assert.Equal(first, Run(42));
        Assert.NotEqual(first, Run(43));
        Assert.InRange(first.Count(k => k is not null), 60, 180);
    }

    [Fact]
    public void Concurrent_draws_are_all_counted()
    {
        var chaos = new ChaosMode();
        chaos.Start(new ChaosSpec { Rate = 1, Kinds = [ChaosKind.Latency] });

        Parallel.For(0, 10_000, i => chaos.Draw(RouteKeys.All[i % RouteKeys.All.Count]));

        var report = chaos.Report();
        Assert.Equal(10_000, report.Requests);
        Assert.Equal(10_000, report.Injected[ChaosKind.Latency]);
    }

    [Fact]
    public void Start_fills_in_defaults_stop_keeps_the_counts_and_reset_forgets_everything()
    {
        var chaos = new ChaosMode();
        var spec = chaos.Start(new ChaosSpec { Rate = 1, Kinds = [ChaosKind.Latency, ChaosKind.Latency] });
        chaos.Draw(RouteKeys.VolumesShow);

        Assert.NotNull(spec.Seed);
        Assert.Equal([ChaosKind.Latency], spec.Kinds);
        Assert.Equal(RouteKeys.All, spec.Routes);
        Assert.Equal((3000, 200), (spec.HeldBackMs, spec.LatencyMs));

        chaos.Stop();
        Assert.Null(chaos.Draw(RouteKeys.VolumesShow));
        Assert.Equal((false, 1, 1), (chaos.Report().Active, chaos.Report().Requests, chaos.Report().Injected[ChaosKind.Latency]));

        chaos.Reset();
        Assert.Equal((false, null, 0), (chaos.Report().Active, chaos.Report().Spec, chaos.Report().Requests));
        Assert.Throws<ArgumentException>(() => chaos.Start(new ChaosSpec { Rate = double.NaN }));
    }

    [Fact]
    public void The_dated_429_says_retry_one_to_two_seconds_from_now_in_rfc_1123()
    {
        var spec = new ChaosSpec { Rate = 1 };

        var before = DateTimeOffset.UtcNow;
        var fault = ChaosFaults.For(ChaosKind.RateLimited429Date, RouteKeys.SnapshotsList, spec, proxyPageAfterProcessing: false);
        var after = DateTimeOffset.UtcNow;

        Assert.Equal(429, fault.Status);
        Assert.Matches(@"^[A-Z][a-z]{2}, \d\d [A-Z][a-z]{2} \d{4} \d\d:\d\d:\d\d GMT$", fault.RetryAfter);
        var at = DateTimeOffset.ParseExact(fault.RetryAfter!, "R", CultureInfo.InvariantCulture);
        Assert.InRange(at, before + TimeSpan.FromSeconds(0.9), after + TimeSpan.FromSeconds(2)); // from when it was made, however slow the machine
    }
}
