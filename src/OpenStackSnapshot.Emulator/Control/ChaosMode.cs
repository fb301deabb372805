using OpenStackSnapshot.Emulator.Http;

namespace OpenStackSnapshot.Emulator.Control;

/// <summary>A chaos kind drawn for one request, and the fault that serves it.</summary>
internal sealed record ChaosDraw(ChaosKind Kind, FaultSpec Fault);

/// <summary>
/// Chaos mode (README "Test controls"): draws faults for requests from one seeded System.Random and counts them.
/// One lock guards the random, the bursts and the counts; requests arrive concurrently.
/// </summary>
internal sealed class ChaosMode(Func<int, Random> randomForSeed)
{
    private readonly object _gate = new();
    private readonly Dictionary<string, (ChaosKind Kind, int Left)> _bursts = new(StringComparer.Ordinal);
    private readonly int[] _injected = new int[ChaosKinds.All.Count];
    private readonly int[] _carriedOut = new int[ChaosKinds.All.Count];
    private ChaosSpec? _spec;
    private Random _random = new(0);
    private bool _active;
    private int _requests;
    private int _proxyPageAfterProcessing;

    public ChaosMode()
        : this(seed => new Random(seed))
    {
    }

    /// <summary>Turns chaos on with fresh counts; returns the spec with its defaults filled in.</summary>
    public ChaosSpec Start(ChaosSpec spec)
    {
        if (spec.Problem() is { } problem) throw new ArgumentException(problem, nameof(spec));
        var completed = spec.Completed();
        lock (_gate)
        {
            Clear();
            _spec = completed;
            _random = randomForSeed(completed.Seed!.Value);
            Volatile.Write(ref _active, true);
        }

        return completed;
    }

    /// <summary>Off; the counts stay readable until the next start or a reset.</summary>
    public void Stop() => Volatile.Write(ref _active, false);

    /// <summary>Off, and forgets the spec and the counts.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            Volatile.Write(ref _active, false);
            Clear();
            _spec = null;
        }
    }

    /// <summary>The fault for this request, or null: chaos off, another route, or the draw spared it.</summary>
    public ChaosDraw? Draw(string routeKey)
    {
        if (!Volatile.Read(ref _active)) return null;
        lock (_gate)
        {
            if (!_active || _spec is not { } spec || !spec.Routes!.Contains(routeKey)) return null;
            _requests++;
            var kind = NextKind(routeKey, spec);
            if (kind is null) return null;

            _injected[(int)kind]++;
            var after = kind == ChaosKind.ProxyPage502 && _random.Next(2) == 1; // odd draw: after processing
            if (after) _proxyPageAfterProcessing++;
            return new ChaosDraw(kind.Value, ChaosFaults.For(kind.Value, routeKey, spec, after));
        }
    }

    /// <summary>Runs the request for a drawn fault, counting it as carried out when the service succeeded.</summary>
    public Reply CarryOut(ChaosDraw draw, Func<Reply> handle)
    {
        var reply = handle();
        if (reply.Status < 400)
        {
            lock (_gate) _carriedOut[(int)draw.Kind]++;
        }

        return reply;
    }

    public ChaosReport Report()
    {
        lock (_gate)
        {
            return new ChaosReport(_active, _spec, _requests, PerKind(_injected), PerKind(_carriedOut), _proxyPageAfterProcessing);
        }
    }

    // A burst in progress goes on; otherwise the rate decides, and a 503/429 starts a burst of 0-2 more.
    private ChaosKind? NextKind(string routeKey, ChaosSpec spec)
    {
        if (_bursts.TryGetValue(routeKey, out var burst) && burst.Left > 0)
        {
            _bursts[routeKey] = (burst.Kind, burst.Left - 1);
            return burst.Kind;
        }

        if (_random.NextDouble() >= spec.Rate) return null;
        var kind = spec.Kinds![_random.Next(spec.Kinds.Count)];
        if (ChaosKinds.ComesInBursts(kind)) _bursts[routeKey] = (kind, _random.Next(3));
        return kind;
    }

    private static IReadOnlyDictionary<ChaosKind, int> PerKind(int[] counts) => ChaosKinds.All.ToDictionary(k => k, k => counts[(int)k]);

    private void Clear()
    {
        _bursts.Clear();
        Array.Clear(_injected);
        Array.Clear(_carriedOut);
        _requests = 0;
        _proxyPageAfterProcessing = 0;
    }
}
