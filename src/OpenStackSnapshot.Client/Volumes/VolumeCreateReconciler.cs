using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using OpenStackSnapshot.Client.Errors;
using OpenStackSnapshot.Client.Http;
using OpenStackSnapshot.Client.Models;
using OpenStackSnapshot.Client.Paging;
using OpenStackSnapshot.Client.Reconciling;

namespace OpenStackSnapshot.Client.Volumes
{
    /// <summary>
    /// Wraps either API's volume service (built where the session is made), as <c>CreateReconciler</c> wraps the snapshot
    /// service: a volume create whose answer was lost is settled by the same <see cref="CreateFate"/>, the volume found
    /// again by its snapshot, name and creation time, or its absence established before it is sent again (and a late twin
    /// removed). Everything else passes straight through.
    /// </summary>
    internal sealed class VolumeCreateReconciler : IVolumeService
    {
        private readonly ReconcileTimes _times;

        public VolumeCreateReconciler(IVolumeService inner, ReconcileTimes? times = null)
        {
            Inner = inner;
            _times = times ?? ReconcileTimes.Default;
        }

        /// <summary>The service this one reconciles.</summary>
        internal IVolumeService Inner { get; }

        public VolumeFeatures Features => Inner.Features;

        public Task<Volume> CreateAsync(NewVolume volume, CallContext call) => CreateFate.CreateAsync(new LostVolume(Inner, volume), _times, call);

        public Task<Volume> GetAsync(string id, CallContext call) => Inner.GetAsync(id, call);

        public Pager<Volume> List(VolumeQuery? query = null) => Inner.List(query);

        public Task UpdateAsync(string id, VolumeChange change, CallContext call) => Inner.UpdateAsync(id, change, call);

        public Task DeleteAsync(string id, CallContext call) => Inner.DeleteAsync(id, call);

        public Task RevertAsync(string volumeId, string snapshotId, CallContext call) => Inner.RevertAsync(volumeId, snapshotId, call);

        public Task<string?> FailureReasonAsync(string id, CallContext call) => Inner.FailureReasonAsync(id, call);

        /// <summary>A volume's create, found again by the snapshot it is made from and its name (neither API filters by snapshot).</summary>
        private sealed class LostVolume : ILostCreate<Volume>
        {
            private readonly IVolumeService _volumes;
            private readonly NewVolume _wanted;

            public LostVolume(IVolumeService volumes, NewVolume wanted)
            {
                _volumes = volumes;
                _wanted = wanted;
            }

            // Only asked once the create was sent, so its checks passed and the snapshot id is a UUID.
            private string SnapshotId => VolumeInput.CanonicalId(_wanted.SnapshotId);

            public string What => $"volume '{_wanted.Name}' from snapshot {SnapshotId}";

            public string Items => "volumes";

            public string Advice => $"List the volumes made from snapshot {SnapshotId} before creating it once more; "
                + "give what you create a name, so a lost answer can be reconciled.";

            public string? CannotBeFound => string.IsNullOrEmpty(_wanted.Name)
                ? "The volume had no name, so there is nothing safe to find it again by: "
                    + $"list the volumes made from snapshot {SnapshotId} before creating it once more."
                : null;

            public Task<Volume> SendAsync(CallContext call) => _volumes.CreateAsync(_wanted, call);

            public async Task<(IReadOnlyList<Volume> Found, int Listed)> FindAsync(DateTime since, CallContext call)
            {
                var all = await _volumes.List().ReadAllAsync(call).ConfigureAwait(false);
                var found = all.Where(v => string.Equals(v.SnapshotId, SnapshotId, StringComparison.OrdinalIgnoreCase)
                    && v.Name == _wanted.Name && v.CreatedAt is DateTime created && created >= since).ToList();
                return (found, all.Count);
            }

            public string IdOf(Volume item) => item.Id;

            public Task<Volume> GetAsync(string id, CallContext call) => _volumes.GetAsync(id, call);

            public string StatusOf(Volume item) => item.Status;

            // A twin is never attached, having no user, so the status alone says whether Cinder deletes it.
            public bool Removable(string status) => VolumeStatus.Deletable(status);

            public Task DeleteAsync(string id, CallContext call) => _volumes.DeleteAsync(id, call);
        }
    }
}
