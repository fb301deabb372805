using System.Threading.Tasks;
using OpenStackSnapshot.Client.Http;
using OpenStackSnapshot.Client.Models;
using OpenStackSnapshot.Client.Paging;

namespace OpenStackSnapshot.Client.Volumes
{
    /// <summary>A project's volumes (read only), whichever API serves them.</summary>
    public interface IVolumeService
    {
        Task<Volume> GetAsync(string id, CallContext call);

        /// <summary>The volumes that match <paramref name="query"/> (all of the project's without one), page by page.</summary>
        Pager<Volume> List(VolumeQuery? query = null);
    }
}
