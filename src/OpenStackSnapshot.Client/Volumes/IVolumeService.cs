using System.Threading.Tasks;
using OpenStackSnapshot.Client.Http;
using OpenStackSnapshot.Client.Models;
using OpenStackSnapshot.Client.Paging;

namespace OpenStackSnapshot.Client.Volumes
{
    /// <summary>A project's volumes, whichever API serves them; what it cannot do (<see cref="Features"/>) is refused unsent.</summary>
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
    }
}
