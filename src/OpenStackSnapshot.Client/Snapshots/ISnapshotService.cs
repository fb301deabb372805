using System.Threading.Tasks;
using OpenStackSnapshot.Client.Http;
using OpenStackSnapshot.Client.Models;
using OpenStackSnapshot.Client.Paging;

namespace OpenStackSnapshot.Client.Snapshots
{
    /// <summary>
    /// A project's volume snapshots, whichever API serves them: callers never learn which. What an API cannot do
    /// (see <see cref="Features"/>) is refused before anything is sent, as InvalidArgument naming the API that can.
    /// </summary>
    public interface ISnapshotService
    {
        SnapshotFeatures Features { get; }

        /// <summary>Creates one snapshot: one POST (a session wraps the service in CreateReconciler, which settles a lost answer).</summary>
        Task<Snapshot> CreateAsync(NewSnapshot snapshot, CallContext call);

        Task<Snapshot> GetAsync(string id, CallContext call);

        /// <summary>The snapshots that match <paramref name="query"/> (all of the project's without one), page by page.</summary>
        Pager<Snapshot> List(SnapshotQuery? query = null);

        /// <summary>
        /// Starts the deletion (the cloud finishes it later); a lost answer followed by a 404, or by a refusal because it
        /// is being deleted, counts as done. A refusal for the snapshot's state says which state (one read, then).
        /// </summary>
        Task DeleteAsync(string id, CallContext call);

        /// <summary>
        /// Renames, re-describes and changes metadata (merged; keys removed). Nothing is read back (GetAsync does that
        /// for whoever wants it); an empty change only checks that the snapshot exists.
        /// </summary>
        Task UpdateAsync(string id, SnapshotChange change, CallContext call);
    }
}
