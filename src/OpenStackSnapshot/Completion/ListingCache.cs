using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using OpenStackSnapshot.Client;
using OpenStackSnapshot.Client.Http;
using OpenStackSnapshot.Client.Models;

namespace OpenStackSnapshot.Completion
{
    /// <summary>
    /// The listings Tab completes from, one per session and kind, kept briefly: a burst of Tabs sends one listing,
    /// and the prompt waits for it at most a second. A slower listing goes on in the background for the next Tab.
    /// </summary>
    internal static class ListingCache
    {
        /// <summary>How long a listing serves Tabs before the next Tab lists again.</summary>
        public static readonly TimeSpan Fresh = TimeSpan.FromSeconds(30);
        /// <summary>How long the prompt waits for a listing.</summary>
        public static readonly TimeSpan PromptWait = TimeSpan.FromSeconds(1);
        // A cloud that does not answer must not keep a listing retrying behind the prompt for its whole budget.
        private static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(30);

        private sealed class Listings
        {
            public Entry<Snapshot>? Snapshots;
            public Entry<Volume>? Volumes;
        }

        private sealed class Entry<T>
        {
            public Entry(Task<IReadOnlyList<T>> listing) => Listing = listing;
            public Task<IReadOnlyList<T>> Listing { get; }
            public DateTime MadeAt { get; } = DateTime.UtcNow;
        }

        private static readonly ConditionalWeakTable<OpenStackSession, Listings> BySession = new ConditionalWeakTable<OpenStackSession, Listings>();

        public static IReadOnlyList<Snapshot> Snapshots(OpenStackSession session)
        {
            var listings = BySession.GetValue(session, _ => new Listings());
            return Read(ref listings.Snapshots, listings, call => session.Snapshots.List().ReadAllAsync(call));
        }

        public static IReadOnlyList<Volume> Volumes(OpenStackSession session)
        {
            var listings = BySession.GetValue(session, _ => new Listings());
            return Read(ref listings.Volumes, listings, call => session.Volumes.List().ReadAllAsync(call));
        }

        /// <summary>The listing if it is ready within the prompt's wait; none if it is not, failed, or was cancelled.</summary>
        private static IReadOnlyList<T> Read<T>(ref Entry<T>? slot, object gate, Func<CallContext, Task<IReadOnlyList<T>>> list)
        {
            Task<IReadOnlyList<T>> listing;
            lock (gate)
            {
                if (slot == null || DateTime.UtcNow - slot.MadeAt > Fresh) slot = new Entry<T>(Start(list));
                listing = slot.Listing;
            }
            try
            {
                return listing.Wait(PromptWait) ? listing.Result : Array.Empty<T>();
            }
            catch (AggregateException)
            {
                return Array.Empty<T>(); // the cloud refused or failed: completion offers nothing, the command will say why
            }
        }

        private static Task<IReadOnlyList<T>> Start<T>(Func<CallContext, Task<IReadOnlyList<T>>> list) => Task.Run(async () =>
        {
            using var giveUp = new CancellationTokenSource(GiveUpAfter);
            return await list(new CallContext(giveUp.Token)).ConfigureAwait(false);
        });
    }
}
