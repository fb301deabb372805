using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using OpenStackSnapshot.Client.Errors;
using OpenStackSnapshot.Client.Http;
using OpenStackSnapshot.Client.Paging;

namespace OpenStackSnapshot.Client.Lifecycle
{
    /// <summary>How one item's wait ended: its final state, or why it failed.</summary>
    public sealed class WaitOutcome<T> where T : class
    {
        internal WaitOutcome(string id, T? item, OpenStackException? error)
        {
            Id = id;
            Item = item;
            Error = error;
        }

        public string Id { get; }
        /// <summary>The item as last seen (null once deleted).</summary>
        public T? Item { get; }
        public OpenStackException? Error { get; }
    }

    /// <summary>
    /// Waits on many items of one resource together (snapshots, volumes): each poll shows each pending item when no more
    /// are pending than may be in flight at once, else makes one pass over the detail listing (stopping as soon as every
    /// pending item was seen). Intervals grow. Nova pages by offset, so a deletion between pages can shift an item past
    /// us: one missing from the listing is only taken as gone once its own show answers 404. What ends a wait, and
    /// how a failure is said, is the resource's (<see cref="Judge"/>, <see cref="FailureAsync"/>).
    /// </summary>
    public abstract class StatusWait<T> where T : class
    {
        private static readonly TimeSpan FirstDelay = TimeSpan.FromMilliseconds(500);
        private static readonly TimeSpan LongestDelay = TimeSpan.FromSeconds(10);
        private readonly List<string> _pending;
        private readonly Dictionary<string, string> _lastStatus = new Dictionary<string, string>(StringComparer.Ordinal);
        private readonly int _inFlight;
        private TimeSpan _delay = FirstDelay;

        /// <param name="inFlight">How many shows may be in flight at once (the cmdlets' -ThrottleLimit).</param>
        private protected StatusWait(IEnumerable<string> ids, int inFlight)
        {
            if (inFlight < 1) throw new ArgumentOutOfRangeException(nameof(inFlight), inFlight, "At least one request must be allowed in flight.");
            _inFlight = inFlight;
            _pending = ids.Distinct(StringComparer.Ordinal).ToList();
            Total = _pending.Count;
        }

        public int Total { get; }
        public int Pending => _pending.Count;

        /// <summary>What is waited for, as a message says it: "Snapshot", "Volume".</summary>
        private protected abstract string Noun { get; }

        /// <summary>The openstack CLI's words for the item: "volume snapshot", "volume".</summary>
        private protected abstract string CliNoun { get; }

        /// <summary>What the wait is for, as a message ends it: "available", "deleted".</summary>
        private protected abstract string Goal { get; }

        private protected abstract Task<T> GetAsync(string id, CallContext call);

        private protected abstract Pager<T> List();

        private protected abstract string IdOf(T item);

        private protected abstract string StatusOf(T item);

        /// <summary>How the wait for this item stands: ended well, failed (its status says so), or still going.</summary>
        private protected abstract WaitVerdict Judge(T? item);

        /// <summary>The error for an item whose status is a failure; the resource may read why (one request).</summary>
        private protected abstract Task<OpenStackException> FailureAsync(T item, CallContext call);

        /// <summary>The pause before the next poll: 0.5 s, growing by half each time, at most 10 s.</summary>
        public TimeSpan NextDelay()
        {
            var delay = _delay;
            _delay = TimeSpan.FromMilliseconds(Math.Min(LongestDelay.TotalMilliseconds, _delay.TotalMilliseconds * 1.5));
            return delay;
        }

        /// <summary>One poll; returns the items whose wait ended with it.</summary>
        public async Task<IReadOnlyList<WaitOutcome<T>>> PollAsync(CallContext call)
        {
            var current = _pending.Count <= _inFlight
                ? await ShowAllAsync(_pending, call).ConfigureAwait(false)
                : await ListAsync(call).ConfigureAwait(false);
            var ended = new List<WaitOutcome<T>>();
            foreach (var id in _pending.ToList())
            {
                current.TryGetValue(id, out var item);
                if (item != null) _lastStatus[id] = StatusOf(item);
                var outcome = await OutcomeAsync(id, item, call).ConfigureAwait(false);
                if (outcome == null) continue;
                ended.Add(outcome);
                _pending.Remove(id);
            }
            return ended;
        }

        /// <summary>Ends the wait for everything still pending with a Timeout error each.</summary>
        public IReadOnlyList<WaitOutcome<T>> Expire(TimeSpan waited)
        {
            var ended = _pending.Select(id => new WaitOutcome<T>(id, null, new OpenStackException(OpenStackErrorKind.Timeout,
                $"{Noun} {id} was still {(_lastStatus.TryGetValue(id, out var status) ? $"'{status}'" : "pending")} "
                + $"after {waited:hh\\:mm\\:ss}; it was not {Goal} in time.",
                TimedOutAdvice(id, _lastStatus.TryGetValue(id, out var last) ? last : null)))).ToList();
            _pending.Clear();
            return ended;
        }

        /// <summary>
        /// What to do about an item the wait gave up on. One still creating or deleting may stay so for good: block storage
        /// marks it before handing the work on, and a restart of its API in between (seen on the real Cinder) loses the work.
        /// </summary>
        private string TimedOutAdvice(string id, string? status) =>
            // Snapshots and volumes share these two words; Lifecycle knows neither resource, so they are written here.
            string.Equals(status, "creating", StringComparison.OrdinalIgnoreCase)
                || string.Equals(status, "deleting", StringComparison.OrdinalIgnoreCase)
                ? $"Wait longer; if it stays {status}, the block-storage API may have been restarted while handing the work on, "
                    + $"and only the cloud's operator can end it: openstack {CliNoun} set --state error {id}, then delete it."
                : $"Wait longer, or check the {Noun.ToLowerInvariant()}'s status.";

        private async Task<WaitOutcome<T>?> OutcomeAsync(string id, T? item, CallContext call)
        {
            switch (Judge(item))
            {
                case WaitVerdict.Reached:
                    return new WaitOutcome<T>(id, item, null);
                case WaitVerdict.Vanished:
                    return new WaitOutcome<T>(id, null, new OpenStackException(OpenStackErrorKind.NotFound,
                        $"{Noun} {id} could not be found while waiting for it to become {Goal} (it was deleted, or never existed).",
                        $"Check the id against the project's {Noun.ToLowerInvariant()}s."));
                case WaitVerdict.Failed:
                    return new WaitOutcome<T>(id, item, await FailureAsync(item!, call).ConfigureAwait(false));
                default:
                    return null;
            }
        }

        private async Task<Dictionary<string, T?>> ShowAsync(string id, CallContext call)
        {
            var found = new Dictionary<string, T?>(StringComparer.Ordinal);
            try
            {
                found[id] = await GetAsync(id, call).ConfigureAwait(false);
            }
            catch (OpenStackException e) when (e.Kind == OpenStackErrorKind.NotFound)
            {
                // gone: Judge decides whether that ends the wait well or badly
            }
            return found;
        }

        private async Task<Dictionary<string, T?>> ListAsync(CallContext call)
        {
            var wanted = new HashSet<string>(_pending, StringComparer.Ordinal);
            var found = new Dictionary<string, T?>(StringComparer.Ordinal);
            var pager = List();
            IReadOnlyList<T>? page;
            while (found.Count < wanted.Count && (page = await pager.NextAsync(call).ConfigureAwait(false)) != null)
            {
                foreach (var item in page)
                {
                    if (wanted.Contains(IdOf(item))) found[IdOf(item)] = item;
                }
            }
            foreach (var shown in await ShowAllAsync(wanted.Where(id => !found.ContainsKey(id)).ToList(), call).ConfigureAwait(false))
            {
                found[shown.Key] = shown.Value;
            }
            return found;
        }

        /// <summary>Shows each item, up to the in-flight limit at once; a failure other than 404 fails the poll.</summary>
        private async Task<Dictionary<string, T?>> ShowAllAsync(IReadOnlyList<string> ids, CallContext call)
        {
            var found = new Dictionary<string, T?>(StringComparer.Ordinal);
            for (var start = 0; start < ids.Count; start += _inFlight)
            {
                var batch = ids.Skip(start).Take(_inFlight).Select(id => ShowAsync(id, call));
                foreach (var shown in await Task.WhenAll(batch).ConfigureAwait(false))
                {
                    foreach (var pair in shown) found[pair.Key] = pair.Value;
                }
            }
            return found;
        }
    }

    /// <summary>Where one item's wait stands after a poll.</summary>
    internal enum WaitVerdict
    {
        /// <summary>Not there yet.</summary>
        Pending,
        /// <summary>The goal is reached (available, or gone when that is the goal).</summary>
        Reached,
        /// <summary>Its status is a failure (error, error_deleting).</summary>
        Failed,
        /// <summary>Gone while it was to become available.</summary>
        Vanished,
    }
}
