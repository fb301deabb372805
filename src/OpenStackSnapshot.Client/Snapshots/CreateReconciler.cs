using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using OpenStackSnapshot.Client.Errors;
using OpenStackSnapshot.Client.Http;
using OpenStackSnapshot.Client.Models;
using OpenStackSnapshot.Client.Paging;

namespace OpenStackSnapshot.Client.Snapshots
{
    /// <summary>
    /// Wraps either API's snapshot service (built where the session is made), so each API service does a plain POST.
    /// A create whose fate is unknown (a timeout or a connection cut after sending, a 502/504, a 2xx answer that
    /// cannot be read) may have made the snapshot. It is never sent again: the snapshot is looked for instead, by
    /// volume, name and creation time, and written if exactly one is found. Everything else passes straight through.
    /// </summary>
    internal sealed class CreateReconciler : ISnapshotService
    {
        /// <summary>How much earlier than our clock the cloud's clock may say the snapshot was made.</summary>
        internal static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(2);

        public CreateReconciler(ISnapshotService inner) => Inner = inner;

        /// <summary>The API's own service, which this one reconciles.</summary>
        internal ISnapshotService Inner { get; }

        public SnapshotFeatures Features => Inner.Features;

        public static bool FateUnknown(OpenStackException e) => e.Kind switch
        {
            OpenStackErrorKind.Timeout => true,
            OpenStackErrorKind.ServiceUnavailable => e.StatusCode == 502 || e.StatusCode == 504,
            OpenStackErrorKind.ConnectionFailed => e.StatusCode == null && e.InnerException is { } inner && !NetworkFailure.IsConnectFailure(inner),
            OpenStackErrorKind.InvalidResponse => e.StatusCode >= 200 && e.StatusCode < 300,
            _ => false,
        };

        /// <summary>Sends the create; an answer whose fate is unknown is looked for instead of sent again.</summary>
        public async Task<Snapshot> CreateAsync(NewSnapshot snapshot, CallContext call)
        {
            var sentAt = DateTime.UtcNow;
            try
            {
                return await Inner.CreateAsync(snapshot, call).ConfigureAwait(false);
            }
            catch (OpenStackException lost) when (FateUnknown(lost) && !call.Cancellation.IsCancellationRequested)
            {
                return await FindAsync(Inner, snapshot, SnapshotInput.CanonicalVolumeId(snapshot.VolumeId), sentAt, lost, call)
                    .ConfigureAwait(false);
            }
        }

        public Task<Snapshot> GetAsync(string id, CallContext call) => Inner.GetAsync(id, call);

        public Pager<Snapshot> List(SnapshotQuery? query = null) => Inner.List(query);

        public Task DeleteAsync(string id, CallContext call) => Inner.DeleteAsync(id, call);

        public Task UpdateAsync(string id, SnapshotChange change, CallContext call) => Inner.UpdateAsync(id, change, call);

        private static async Task<Snapshot> FindAsync(ISnapshotService snapshots, NewSnapshot wanted, string volumeId, DateTime sentAt,
            OpenStackException lost, CallContext call)
        {
            if (string.IsNullOrEmpty(wanted.Name))
                throw Unresolved(lost, "The snapshot had no name, so there is nothing safe to find it again by: "
                    + $"list the snapshots of volume {volumeId} before creating it once more.");

            var since = sentAt - ClockSkew;
            var found = new List<Snapshot>();
            var pager = snapshots.List(new SnapshotQuery { VolumeId = volumeId, Name = wanted.Name }); // block storage filters on the server
            var listed = 0;
            IReadOnlyList<Snapshot>? page;
            try
            {
                while ((page = await pager.NextAsync(call).ConfigureAwait(false)) != null)
                {
                    listed += page.Count;
                    found.AddRange(page.Where(s => string.Equals(s.VolumeId, volumeId, StringComparison.OrdinalIgnoreCase)
                        && s.Name == wanted.Name && s.CreatedAt is DateTime created && created >= since));
                }
            }
            catch (OpenStackException listing) when (!call.Cancellation.IsCancellationRequested)
            {
                throw Unresolved(lost,
                    $"Looking for it failed too, so the snapshot '{wanted.Name}' of volume {volumeId} may exist: {listing.Message}");
            }
            var checkedWhat = $"checked: {listed} snapshots listed, looking for '{wanted.Name}' of volume {volumeId} created since {since:u}";
            if (found.Count == 1)
            {
                call.Log?.Verbose($"The create's answer was lost ({lost.Kind}); snapshot {found[0].Id} '{wanted.Name}' of volume {volumeId} "
                    + $"was found again and is written instead ({checkedWhat}).");
                return found[0];
            }
            if (found.Count == 0)
                throw Unresolved(lost,
                    $"No such snapshot exists yet ({checkedWhat}); it was not sent again, since the cloud may still be carrying it out.");
            throw Unresolved(lost, $"{found.Count} snapshots match ({string.Join(", ", found.Select(s => s.Id))}; {checkedWhat}): "
                + "which one this request made cannot be told.");
        }

        private static OpenStackException Unresolved(OpenStackException lost, string what) =>
            lost.WithMessage(Sentences.Join(lost.Message, what),
                "List the snapshots of the volume before creating it once more; give snapshots a name, so a lost answer can be reconciled.");
    }
}
