using System.Collections.Generic;
using System.Threading.Tasks;
using OpenStackSnapshot.Client.Errors;
using OpenStackSnapshot.Client.Http;
using OpenStackSnapshot.Client.Lifecycle;
using OpenStackSnapshot.Client.Models;
using OpenStackSnapshot.Client.Paging;
using OpenStackSnapshot.Client.Snapshots;

namespace OpenStackSnapshot.Client.Volumes
{
    /// <summary>
    /// Waits on many volumes together (<see cref="StatusWait{T}"/>): available (made from a snapshot, or reverted to one),
    /// or gone. error and error_deleting are failures, said with the reason block storage gives its users when the API
    /// can read it.
    /// </summary>
    public sealed class VolumeWait : StatusWait<Volume>
    {
        private const string DefaultAdvice =
            "Look at the volume with the cloud's operator (block storage's logs say more); then delete the failed volume.";
        private readonly IVolumeService _volumes;
        private readonly WaitGoal _goal;
        private readonly string _failureAdvice;

        /// <param name="inFlight">How many shows may be in flight at once (the cmdlets' -ThrottleLimit).</param>
        /// <param name="failureAdvice">What to do when a volume fails, when the caller knows better than the default (a revert).</param>
        public VolumeWait(IVolumeService volumes, WaitGoal goal, IEnumerable<string> ids, int inFlight = 1, string? failureAdvice = null)
            : base(ids, inFlight)
        {
            _volumes = volumes;
            _goal = goal;
            _failureAdvice = failureAdvice ?? DefaultAdvice;
        }

        private protected override string Noun => "Volume";

        private protected override string CliNoun => "volume";

        private protected override string Goal => _goal == WaitGoal.Available ? "available" : "deleted";

        private protected override Task<Volume> GetAsync(string id, CallContext call) => _volumes.GetAsync(id, call);

        private protected override Pager<Volume> List() => _volumes.List();

        private protected override string IdOf(Volume item) => item.Id;

        private protected override string StatusOf(Volume item) => item.Status;

        private protected override WaitVerdict Judge(Volume? volume)
        {
            if (_goal == WaitGoal.Deleted)
            {
                if (volume == null) return WaitVerdict.Reached;
                return VolumeStatus.Is(volume.Status, VolumeStatus.ErrorDeleting) ? WaitVerdict.Failed : WaitVerdict.Pending;
            }
            if (volume == null) return WaitVerdict.Vanished;
            if (VolumeStatus.Is(volume.Status, VolumeStatus.Error) || VolumeStatus.Is(volume.Status, VolumeStatus.ErrorDeleting))
                return WaitVerdict.Failed;
            return VolumeStatus.Is(volume.Status, VolumeStatus.Available) ? WaitVerdict.Reached : WaitVerdict.Pending;
        }

        /// <summary>The failure, with block storage's own reason when it can be read (one request; its failure is not the volume's).</summary>
        private protected override async Task<OpenStackException> FailureAsync(Volume volume, CallContext call)
        {
            string? reason;
            try
            {
                reason = await _volumes.FailureReasonAsync(volume.Id, call).ConfigureAwait(false);
            }
            catch (OpenStackException) when (!call.Cancellation.IsCancellationRequested)
            {
                reason = null;
            }
            var said = reason != null ? $"Block storage says: {reason}" : null;
            return new OpenStackException(OpenStackErrorKind.VolumeFailed,
                Sentences.Join($"Volume {volume.Id} went to status '{volume.Status}'", said), _failureAdvice);
        }
    }
}
