using System;
using System.Threading.Tasks;
using OpenStackSnapshot.Client.Http;
using OpenStackSnapshot.Client.Lifecycle;
using OpenStackSnapshot.Client.Models;
using OpenStackSnapshot.Client.Paging;

namespace OpenStackSnapshot.Client.Snapshots
{
    /// <summary>
    /// Wraps either API's snapshot service (built where the session is made), so each API service does a plain POST.
    /// A create whose fate is unknown may have made the snapshot: it is never sent again, but looked for by volume,
    /// name and creation time (<see cref="LostCreate"/>, which settles volumes' creates alike). Everything else passes
    /// straight through.
    /// </summary>
    internal sealed class CreateReconciler : ISnapshotService
    {
        public CreateReconciler(ISnapshotService inner) => Inner = inner;

        /// <summary>The API's own service, which this one reconciles.</summary>
        internal ISnapshotService Inner { get; }

        public SnapshotFeatures Features => Inner.Features;

        /// <summary>Sends the create; an answer whose fate is unknown is looked for instead of sent again.</summary>
        public Task<Snapshot> CreateAsync(NewSnapshot snapshot, CallContext call) =>
            LostCreate.SendAsync(() => Inner.CreateAsync(snapshot, call), () => Search(snapshot), call);

        public Task<Snapshot> GetAsync(string id, CallContext call) => Inner.GetAsync(id, call);

        public Pager<Snapshot> List(SnapshotQuery? query = null) => Inner.List(query);

        public Task DeleteAsync(string id, CallContext call) => Inner.DeleteAsync(id, call);

        public Task UpdateAsync(string id, SnapshotChange change, CallContext call) => Inner.UpdateAsync(id, change, call);

        // Block storage filters by volume and name on the server; every item is checked again by the search.
        private CreateSearch<Snapshot> Search(NewSnapshot wanted)
        {
            var volumeId = SnapshotInput.CanonicalVolumeId(wanted.VolumeId);
            return new CreateSearch<Snapshot>("snapshot", wanted.Name, $"of volume {volumeId}",
                () => Inner.List(new SnapshotQuery { VolumeId = volumeId, Name = wanted.Name }),
                s => string.Equals(s.VolumeId, volumeId, StringComparison.OrdinalIgnoreCase), s => s.Name, s => s.CreatedAt, s => s.Id);
        }
    }
}
