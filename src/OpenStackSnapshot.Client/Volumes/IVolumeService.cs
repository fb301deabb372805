using System.Threading.Tasks;
using OpenStackSnapshot.Client.Http;
using OpenStackSnapshot.Client.Models;
using OpenStackSnapshot.Client.Paging;

namespace OpenStackSnapshot.Client.Volumes
{
    /// <summary>
    /// A project's volumes, whichever API serves them: read, changed, made from snapshots, deleted, reverted. What an API
    /// cannot do (see <see cref="Features"/>) is refused before anything is sent, as InvalidArgument naming the API that can.
    /// </summary>
    public interface IVolumeService
    {
        Task<Volume> GetAsync(string id, CallContext call);

        /// <summary>The volumes that match <paramref name="query"/> (all of the project's without one), page by page.</summary>
        Pager<Volume> List(VolumeQuery? query = null);

        VolumeFeatures Features { get; }

        /// <summary>
        /// Changes the volume's metadata (pairs merged, keys removed). Nothing is read back (GetAsync does that for whoever
        /// wants it); an empty change only checks that the volume exists.
        /// </summary>
        Task UpdateAsync(string id, VolumeChange change, CallContext call);

        /// <summary>
        /// Makes one volume from a snapshot: one POST (a session wraps the service in VolumeCreateReconciler, which settles a
        /// lost answer). <see cref="VolumeFromSnapshot"/> gives it its size first.
        /// </summary>
        Task<Volume> CreateAsync(NewVolume volume, CallContext call);

        /// <summary>
        /// Starts the deletion (the cloud finishes it later); a lost answer followed by a 404 counts as done. A refusal says
        /// why: attached (to which server), snapshots left, or its status.
        /// </summary>
        Task DeleteAsync(string id, CallContext call);

        /// <summary>
        /// Reverts the volume in place to its newest snapshot (block storage's revert action, microversion 3.40 on this call
        /// only); the cloud finishes it later. <see cref="RevertCheck"/> checks block storage's rules before.
        /// </summary>
        Task RevertAsync(string volumeId, string snapshotId, CallContext call);

        /// <summary>Why a volume went to error, as the cloud tells its users (block storage's messages); null where the API cannot say.</summary>
        Task<string?> FailureReasonAsync(string id, CallContext call);
    }
}
