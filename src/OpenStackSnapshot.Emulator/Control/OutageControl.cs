namespace OpenStackSnapshot.Emulator.Control;

/// <summary>
/// The dead cloud (README "Test controls", outage): while an outage is on, identity and compute get HAProxy's 503,
/// or the port is closed. It runs on real time, not the emulator's clock: clients wait it out in real seconds.
/// </summary>
internal sealed class OutageControl(IConnectionSwitch connections)
{
    // Long enough for the control's own 200 to leave before the port closes.
    private static readonly TimeSpan AnswerFirst = TimeSpan.FromMilliseconds(30);

    private readonly object _gate = new();
    private OutageInfo? _current;
    private CancellationTokenSource _ending = new();
    private Task _refusal = Task.CompletedTask;

    private static DateTimeOffset Now => TimeProvider.System.GetUtcNow();

    /// <summary>The outage in force, or null.</summary>
    public OutageInfo? Current
    {
        get
        {
            lock (_gate) return _current is { } outage && outage.EndsAt > Now ? outage : null;
        }
    }

    /// <summary>
    /// Starts an outage, ending any current one first. The task completes once connections are refused (at once
    /// for <see cref="OutageMode.Unavailable"/>).
    /// </summary>
    public (OutageInfo Outage, Task Refusing) Start(OutageMode mode, TimeSpan duration, string? retryAfter)
    {
        if (!Enum.IsDefined(mode)) throw new ArgumentException("mode must be unavailable or refuse", nameof(mode));
        if (duration <= TimeSpan.Zero || duration > TimeSpan.FromHours(1))
            throw new ArgumentException("seconds must be more than 0 and at most 3600", nameof(duration));
        if (mode == OutageMode.Refuse && retryAfter is not null)
        {
            throw new ArgumentException(
                "retryAfter goes with mode unavailable: a refused connection has no headers", nameof(retryAfter));
        }

        var outage = new OutageInfo(mode, duration, retryAfter, Now);
        var refusing = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        CancellationTokenSource previous;
        lock (_gate)
        {
            previous = _ending;
            _ending = new CancellationTokenSource();
            _current = outage;
            if (mode == OutageMode.Refuse) _refusal = RefuseAsync(outage, _refusal, _ending.Token, refusing);
            else refusing.SetResult();
        }

        previous.Cancel(); // outside the lock: an ended refusal reopens the port on its own task
        return (outage, refusing.Task);
    }

    /// <summary>Ends the outage now; the task completes once the port listens again.</summary>
    public Task EndAsync()
    {
        CancellationTokenSource ending;
        Task refusal;
        lock (_gate)
        {
            _current = null;
            ending = _ending;
            refusal = _refusal;
        }

        ending.Cancel();
        return refusal;
    }

    // Closes the port after the answer has left, keeps it closed until the end (or an early end), then reopens it.
    private async Task RefuseAsync(OutageInfo outage, Task previousRefusal, CancellationToken ended, TaskCompletionSource refusing)
    {
        try
        {
            await previousRefusal;
            await Task.Delay(AnswerFirst, ended).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            if (ended.IsCancellationRequested) return;
            await connections.StopListeningAsync();
            refusing.TrySetResult();
            var left = outage.EndsAt - Now;
            if (left > TimeSpan.Zero)
            {
                await Task.Delay(left, ended)
                    .ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing | ConfigureAwaitOptions.ForceYielding);
            }
        }
        catch (Exception e)
        {
            await Console.Error.WriteLineAsync($"emulator: refuse outage: {e}");
        }
        finally
        {
            refusing.TrySetResult();
            await connections.ListenAgainAsync();
            lock (_gate)
            {
                if (_current == outage) _current = null;
            }
        }
    }
}
