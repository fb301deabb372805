using System.Globalization;

namespace OpenStackSnapshot.Emulator.Control;

/// <summary>What each chaos kind does, as the fault that the fault runner serves.</summary>
internal static class ChaosFaults
{
    public static FaultSpec For(ChaosKind kind, string route, ChaosSpec spec, bool proxyPageAfterProcessing) => kind switch
    {
        ChaosKind.Unavailable503 => new() { Route = route, Status = 503, RetryAfter = "1" },
        ChaosKind.Unavailable503NoRetryAfter => new() { Route = route, Status = 503 },
        ChaosKind.RateLimited429 => new() { Route = route, Status = 429, RetryAfter = "1" },
        ChaosKind.RateLimited429Date => new() { Route = route, Status = 429, RetryAfter = HttpDateInOneSecond() },
        ChaosKind.Latency => new() { Route = route, DelayMs = spec.LatencyMs },
        ChaosKind.HeldBack => new() { Route = route, AfterProcessing = true, DelayMs = spec.HeldBackMs },
        ChaosKind.ResetBefore => new() { Route = route, Drop = true },
        ChaosKind.ResetAfter => new() { Route = route, Drop = true, AfterProcessing = true },
        ChaosKind.TruncatedBody => new() { Route = route, Truncate = Truncation.Body },
        ChaosKind.TruncatedConnection => new() { Route = route, Truncate = Truncation.Connection },
        ChaosKind.NonJson200 => new() { Route = route, AfterProcessing = true, Status = 200, Body = "OK", ContentType = "text/plain" },
        ChaosKind.ProxyPage502 => new() { Route = route, ProxyPage = true, Status = 502, AfterProcessing = proxyPageAfterProcessing },
        ChaosKind.GatewayTimeout504After => new() { Route = route, ProxyPage = true, Status = 504, AfterProcessing = true },
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "no such chaos kind"),
    };

    // RFC 1123, whole seconds: rounding up keeps the date 1-2 s ahead of the client's clock (the real one, not the emulator's).
    private static string HttpDateInOneSecond()
    {
        var now = DateTimeOffset.UtcNow;
        var next = now.AddTicks(TimeSpan.TicksPerSecond - now.Ticks % TimeSpan.TicksPerSecond).AddSeconds(1);
        return next.ToString("R", CultureInfo.InvariantCulture);
    }
}
