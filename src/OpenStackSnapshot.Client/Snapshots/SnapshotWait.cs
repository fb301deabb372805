using System.Collections.Generic;
using System.Threading.Tasks;
using OpenStackSnapshot.Client.Errors;
using OpenStackSnapshot.Client.Http;
using OpenStackSnapshot.Client.Lifecycle;
using OpenStackSnapshot.Client.Models;
using OpenStackSnapshot.Client.Paging;

namespace OpenStackSnapshot.Client.Snapshots
{
    public enum WaitGoal
    {
        /// <summary>Until status is available.</summary>
        Available,
        /// <summary>Until it is gone (show answers 404, or the listing no longer has it).</summary>
        Deleted,
    }

    /// <summary>
    /// Waits on many snapshots together (<see cref="StatusWait{T}"/>): available, or gone. error and error_deleting are
    /// failures.
    /// </summary>
    public sealed class SnapshotWait : StatusWait<Snapshot>
    {
        private readonly ISnapshotService _client;
        private readonly WaitGoal _goal;

        /// <param name="inFlight">How many shows may be in flight at once (the cmdlets' -ThrottleLimit).</param>
        public SnapshotWait(ISnapshotService client, WaitGoal goal, IEnumerable<string> ids, int inFlight = 1) : base(ids, inFlight)
        {
            _client = client;
            _goal = goal;
        }

        private protected override string Noun => "Snapshot";

        private protected override string CliNoun => "volume snapshot";

        private protected override string Goal => _goal == WaitGoal.Available ? "available" : "deleted";

        private protected override Task<Snapshot> GetAsync(string id, CallContext call) => _client.GetAsync(id, call);

        private protected override Pager<Snapshot> List() => _client.List();

        private protected override string IdOf(Snapshot item) => item.Id;

        private protected override string StatusOf(Snapshot item) => item.Status;

        private protected override WaitVerdict Judge(Snapshot? snapshot)
        {
            if (_goal == WaitGoal.Deleted)
            {
                if (snapshot == null) return WaitVerdict.Reached;
                return SnapshotStatus.Is(snapshot.Status, SnapshotStatus.ErrorDeleting) ? WaitVerdict.Failed : WaitVerdict.Pending;
            }
            if (snapshot == null) return WaitVerdict.Vanished;
            if (SnapshotStatus.IsFailure(snapshot.Status)) return WaitVerdict.Failed;
            return SnapshotStatus.Is(snapshot.Status, SnapshotStatus.Available) ? WaitVerdict.Reached : WaitVerdict.Pending;
        }

        private protected override Task<OpenStackException> FailureAsync(Snapshot snapshot, CallContext call) =>
            Task.FromResult(new OpenStackException(OpenStackErrorKind.SnapshotFailed,
                $"Snapshot {snapshot.Id} went to status '{snapshot.Status}'.",
                "Look at the volume and the block-storage logs with the cloud's operator; then delete the failed snapshot."));
    }
}
