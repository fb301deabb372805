using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using OpenStackSnapshot.Client.Errors;
using OpenStackSnapshot.Client.Http;
using OpenStackSnapshot.Client.Models;
using OpenStackSnapshot.Client.Paging;
using OpenStackSnapshot.Client.Reconciling;

namespace OpenStackSnapshot.Client.Snapshots
{
    /// <summary>
    /// Wraps either API's snapshot service (built where the session is made), so each API service does a plain POST.
    /// A create whose answer was lost is settled by <see cref="CreateFate"/>: the snapshot is found again by volume,
    /// name and creation time, or its absence established before it is sent again. Everything else passes straight through.
    /// </summary>
    internal sealed class CreateReconciler : ISnapshotService
    {
        private readonly ReconcileTimes _times;

        public CreateReconciler(ISnapshotService inner, ReconcileTimes? times = null)
        {
            Inner = inner;
            _times = times ?? ReconcileTimes.Default;
        }

        /// <summary>The API's own service, which this one reconciles.</summary>
        internal ISnapshotService Inner { get; }

        public SnapshotFeatures Features => Inner.Features;

        public Task<Snapshot> CreateAsync(NewSnapshot snapshot, CallContext call) =>
            CreateFate.CreateAsync(new LostSnapshot(Inner, snapshot), _times, call);

        public Task<Snapshot> GetAsync(string id, CallContext call) => Inner.GetAsync(id, call);

        public Pager<Snapshot> List(SnapshotQuery? query = null) => Inner.List(query);

        public Task DeleteAsync(string id, CallContext call) => Inner.DeleteAsync(id, call);

        public Task UpdateAsync(string id, SnapshotChange change, CallContext call) => Inner.UpdateAsync(id, change, call);

        /// <summary>A snapshot's create, found again by its volume and name (block storage filters on the server, Nova here).</summary>
        private sealed class LostSnapshot : ILostCreate<Snapshot>
        {
            private readonly ISnapshotService _snapshots;
            private readonly NewSnapshot _wanted;

            public LostSnapshot(ISnapshotService snapshots, NewSnapshot wanted)
            {
                _snapshots = snapshots;
                _wanted = wanted;
            }

            // Only asked once the create was sent, so its checks passed and the volume id is a UUID.
            private string VolumeId => SnapshotInput.CanonicalVolumeId(_wanted.VolumeId);

            public string What => $"snapshot '{_wanted.Name}' of volume {VolumeId}";

            public string Items => "snapshots";

            public string Advice => $"List the snapshots of volume {VolumeId} before creating it once more; "
                + "give what you create a name, so a lost answer can be reconciled.";

            public string? CannotBeFound => string.IsNullOrEmpty(_wanted.Name)
                ? "The snapshot had no name, so there is nothing safe to find it again by: "
                    + $"list the snapshots of volume {VolumeId} before creating it once more."
                : null;

            public Task<Snapshot> SendAsync(CallContext call) => _snapshots.CreateAsync(_wanted, call);

            public async Task<(IReadOnlyList<Snapshot> Found, int Listed)> FindAsync(DateTime since, CallContext call)
            {
                var found = new List<Snapshot>();
                var listed = 0;
                var pager = _snapshots.List(new SnapshotQuery { VolumeId = VolumeId, Name = _wanted.Name });
                IReadOnlyList<Snapshot>? page;
                while ((page = await pager.NextAsync(call).ConfigureAwait(false)) != null)
                {
                    listed += page.Count;
                    found.AddRange(page.Where(s => string.Equals(s.VolumeId, VolumeId, StringComparison.OrdinalIgnoreCase)
                        && s.Name == _wanted.Name && s.CreatedAt is DateTime created && created >= since));
                }
                return (found, listed);
            }

            public string IdOf(Snapshot item) => item.Id;

            public Task<Snapshot> GetAsync(string id, CallContext call) => _snapshots.GetAsync(id, call);

            public string StatusOf(Snapshot item) => item.Status;

            public bool Removable(string status) => SnapshotStatus.Deletable(status);

            public Task DeleteAsync(string id, CallContext call) => _snapshots.DeleteAsync(id, call);
        }
    }
}
