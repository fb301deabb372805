using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using OpenStackSnapshot.Client.Errors;
using OpenStackSnapshot.Client.Http;
using OpenStackSnapshot.Client.Models;

namespace OpenStackSnapshot.Client.Snapshots
{
    public enum WaitGoal
    {
        /// <summary>Until status is available.</summary>
        Available,
        /// <summary>Until the snapshot is gone (show answers 404, or the listing no longer has it).</summary>
        Deleted,
    }

    /// <summary>How one snapshot's wait ended: its final state, or why it failed.</summary>
    public sealed class WaitOutcome
    {
        internal WaitOutcome(string id, Snapshot? snapshot, OpenStackException? error)
        {
            Id = id;
            Snapshot = snapshot;
            Error = error;
        }

        public string Id { get; }
        /// <summary>The final snapshot (null once deleted).</summary>
        public Snapshot? Snapshot { get; }
        public OpenStackException? Error { get; }
    }

    /// <summary>
    /// Waits on many snapshots together: each poll shows each pending snapshot when no more are pending than may be
    /// in flight at once, else makes one pass over the detail listing (stopping as soon as every pending snapshot was
    /// seen). Intervals grow.
    /// Nova pages by offset, so a deletion between pages can shift an item past us: one missing from the
    /// listing is only taken as gone once its own show answers 404.
    /// </summary>
    public sealed class SnapshotWait
    {
        private static readonly TimeSpan FirstDelay = TimeSpan.FromMilliseconds(500);
        private static readonly TimeSpan LongestDelay = TimeSpan.FromSeconds(10);
        private readonly ISnapshotService _client;
        private readonly WaitGoal _goal;
        private readonly List<string> _pending;
        private readonly Dictionary<string, string> _lastStatus = new Dictionary<string, string>(StringComparer.Ordinal);
        private readonly int _inFlight;
        private TimeSpan _delay = FirstDelay;

        /// <param name="inFlight">How many shows may be in flight at once (the cmdlets' -ThrottleLimit).</param>
        public SnapshotWait(ISnapshotService client, WaitGoal goal, IEnumerable<string> ids, int inFlight = 1)
        {
            if (inFlight < 1) throw new ArgumentOutOfRangeException(nameof(inFlight), inFlight, "At least one request must be allowed in flight.");
            _client = client;
            _goal = goal;
            _inFlight = inFlight;
            _pending = ids.Distinct(StringComparer.Ordinal).ToList();
            Total = _pending.Count;
        }

        public int Total { get; }
        public int Pending => _pending.Count;

        /// <summary>The pause before the next poll: 0.5 s, growing by half each time, at most 10 s.</summary>
        public TimeSpan NextDelay()
        {
            var delay = _delay;
            _delay = TimeSpan.FromMilliseconds(Math.Min(LongestDelay.TotalMilliseconds, _delay.TotalMilliseconds * 1.5));
            return delay;
        }

        /// <summary>One poll; returns the snapshots whose wait ended with it.</summary>
        public async Task<IReadOnlyList<WaitOutcome>> PollAsync(CallContext call)
        {
            var current = _pending.Count <= _inFlight
                ? await ShowAllAsync(_pending, call).ConfigureAwait(false)
                : await ListAsync(call).ConfigureAwait(false);
            var ended = new List<WaitOutcome>();
            foreach (var id in _pending.ToList())
            {
                current.TryGetValue(id, out var snapshot);
                if (snapshot != null) _lastStatus[id] = snapshot.Status;
                var outcome = Judge(id, snapshot);
                if (outcome == null) continue;
                ended.Add(outcome);
                _pending.Remove(id);
            }
            return ended;
        }

        /// <summary>Ends the wait for everything still pending with a Timeout error each.</summary>
        public IReadOnlyList<WaitOutcome> Expire(TimeSpan waited)
        {
            var ended = _pending.Select(id => new WaitOutcome(id, null, new OpenStackException(OpenStackErrorKind.Timeout,
                $"Snapshot {id} was still {(_lastStatus.TryGetValue(id, out var status) ? $"'{status}'" : "pending")} "
                + $"after {waited:hh\\:mm\\:ss}; it was not {(_goal == WaitGoal.Available ? "available" : "deleted")} in time.",
                "Wait longer, or check the snapshot's status."))).ToList();
            _pending.Clear();
            return ended;
        }

        private WaitOutcome? Judge(string id, Snapshot? snapshot)
        {
            if (_goal == WaitGoal.Deleted)
            {
                if (snapshot == null) return new WaitOutcome(id, null, null);
                return snapshot.Status == SnapshotStatus.ErrorDeleting ? Failed(id, snapshot) : null;
            }
            if (snapshot == null)
                return new WaitOutcome(id, null, new OpenStackException(OpenStackErrorKind.NotFound,
                    $"Snapshot {id} could not be found while waiting for it to become available (it was deleted, or never existed).",
                    "Check the id against the project's snapshots."));
            if (SnapshotStatus.IsFailure(snapshot.Status)) return Failed(id, snapshot);
            return snapshot.Status == SnapshotStatus.Available ? new WaitOutcome(id, snapshot, null) : null;
        }

        private static WaitOutcome Failed(string id, Snapshot snapshot) =>
            new WaitOutcome(id, snapshot, new OpenStackException(OpenStackErrorKind.SnapshotFailed,
                $"Snapshot {id} went to status '{snapshot.Status}'.",
                "Look at the volume and the block-storage logs with the cloud's operator; then delete the failed snapshot."));

        private async Task<Dictionary<string, Snapshot?>> ShowAsync(string id, CallContext call)
        {
            var found = new Dictionary<string, Snapshot?>(StringComparer.Ordinal);
            try
            {
                found[id] = await _client.GetAsync(id, call).ConfigureAwait(false);
            }
            catch (OpenStackException e) when (e.Kind == OpenStackErrorKind.NotFound)
            {
                // gone: Judge decides whether that ends the wait well or badly
            }
            return found;
        }

        private async Task<Dictionary<string, Snapshot?>> ListAsync(CallContext call)
        {
            var wanted = new HashSet<string>(_pending, StringComparer.Ordinal);
            var found = new Dictionary<string, Snapshot?>(StringComparer.Ordinal);
            var pager = _client.List();
            IReadOnlyList<Snapshot>? page;
            while (found.Count < wanted.Count && (page = await pager.NextAsync(call).ConfigureAwait(false)) != null)
            {
                foreach (var snapshot in page)
                {
                    if (wanted.Contains(snapshot.Id)) found[snapshot.Id] = snapshot;
                }
            }
            foreach (var shown in await ShowAllAsync(wanted.Where(id => !found.ContainsKey(id)).ToList(), call).ConfigureAwait(false))
            {
                found[shown.Key] = shown.Value;
            }
            return found;
        }

        /// <summary>Shows each snapshot, up to the in-flight limit at once; a failure other than 404 fails the poll.</summary>
        private async Task<Dictionary<string, Snapshot?>> ShowAllAsync(IReadOnlyList<string> ids, CallContext call)
        {
            var found = new Dictionary<string, Snapshot?>(StringComparer.Ordinal);
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
}
