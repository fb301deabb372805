using System;
using System.Threading.Tasks;
using OpenStackSnapshot.Client.Http;
using OpenStackSnapshot.Client.Lifecycle;
using OpenStackSnapshot.Client.Models;
using OpenStackSnapshot.Client.Paging;

namespace OpenStackSnapshot.Client.Volumes
{
    /// <summary>
    /// Wraps either API's volume service (built where the session is made), as <c>CreateReconciler</c> wraps the snapshot
    /// service: a create whose fate is unknown may have made the volume, so it is never sent again but looked for by its
    /// snapshot, name and creation time (<see cref="LostCreate"/>, the same search). Everything else passes straight through.
    /// </summary>
    internal sealed class VolumeCreateReconciler : IVolumeService
    {
        public VolumeCreateReconciler(IVolumeService inner) => Inner = inner;

        /// <summary>The service this one reconciles.</summary>
        internal IVolumeService Inner { get; }

        public VolumeFeatures Features => Inner.Features;

        public Task<Volume> CreateAsync(NewVolume volume, CallContext call) =>
            LostCreate.SendAsync(() => Inner.CreateAsync(volume, call), () => Search(volume), call);

        public Task<Volume> GetAsync(string id, CallContext call) => Inner.GetAsync(id, call);

        public Pager<Volume> List(VolumeQuery? query = null) => Inner.List(query);

        public Task DeleteAsync(string id, CallContext call) => Inner.DeleteAsync(id, call);

        public Task RevertAsync(string volumeId, string snapshotId, CallContext call) => Inner.RevertAsync(volumeId, snapshotId, call);

        public Task<string?> FailureReasonAsync(string id, CallContext call) => Inner.FailureReasonAsync(id, call);

        // Neither API filters volumes by snapshot; the search checks every item.
        private CreateSearch<Volume> Search(NewVolume wanted)
        {
            var snapshotId = VolumeInput.CanonicalId(wanted.SnapshotId);
            return new CreateSearch<Volume>("volume", wanted.Name, $"from snapshot {snapshotId}", () => Inner.List(),
                v => string.Equals(v.SnapshotId, snapshotId, StringComparison.OrdinalIgnoreCase), v => v.Name, v => v.CreatedAt, v => v.Id);
        }
    }
}
