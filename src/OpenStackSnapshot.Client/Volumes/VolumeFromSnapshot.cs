using System.Threading.Tasks;
using OpenStackSnapshot.Client.Errors;
using OpenStackSnapshot.Client.Http;
using OpenStackSnapshot.Client.Models;
using OpenStackSnapshot.Client.Snapshots;

namespace OpenStackSnapshot.Client.Volumes
{
    /// <summary>
    /// A volume made from a snapshot, through either API: its size defaults to the snapshot's (Nova's proxy needs one, block
    /// storage would take the snapshot's too), and a smaller one is refused before anything is sent, as block storage
    /// would refuse it.
    /// </summary>
    public static class VolumeFromSnapshot
    {
        /// <summary>
        /// Makes the volume; <paramref name="snapshot"/> is the snapshot when the caller has it (piped in), else it is read
        /// first (one GET) for its size.
        /// </summary>
        public static async Task<Volume> CreateAsync(ISnapshotService snapshots, IVolumeService volumes, NewVolume request, Snapshot? snapshot,
            CallContext call)
        {
            VolumeInput.Checked(request);
            var source = snapshot ?? await snapshots.GetAsync(request.SnapshotId, call).ConfigureAwait(false);
            return await volumes.CreateAsync(Sized(request, source), call).ConfigureAwait(false);
        }

        /// <summary>The request with its size: the snapshot's when none was asked for; one smaller than the snapshot is refused.</summary>
        public static NewVolume Sized(NewVolume request, Snapshot snapshot)
        {
            if (snapshot.Size <= 0) return request; // a size the cloud did not say: block storage decides
            if (request.Size == null) return request with { Size = snapshot.Size };
            if (request.Size < snapshot.Size)
                throw new OpenStackException(OpenStackErrorKind.InvalidArgument,
                    $"A volume made from snapshot {snapshot.Id} must be at least as large as the snapshot, {snapshot.Size} GiB; "
                    + $"{request.Size} GiB was asked for. Nothing was sent.",
                    $"Ask for {snapshot.Size} GiB or more, or leave the size out to take the snapshot's.");
            return request;
        }
    }
}
