using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using OpenStackSnapshot.Client.Http;

namespace OpenStackSnapshot.Client.Reconciling
{
    /// <summary>One create whose answer may be lost, as the reconciler needs it, whatever the resource (snapshot, volume).</summary>
    internal interface ILostCreate<T>
    {
        /// <summary>What the create makes, for messages: "snapshot 'nightly' of volume 5217…".</summary>
        string What { get; }

        /// <summary>What a listing holds, for messages: "snapshots".</summary>
        string Items { get; }

        /// <summary>What to do when its fate stays unknown: where to look before creating it once more.</summary>
        string Advice { get; }

        /// <summary>Whether there is anything safe to find it again by (a name); the reason when not.</summary>
        string? CannotBeFound { get; }

        /// <summary>One plain create, sent once.</summary>
        Task<T> SendAsync(CallContext call);

        /// <summary>What the cloud holds that this create may have made since <paramref name="since"/>, and how many items were listed.</summary>
        Task<(IReadOnlyList<T> Found, int Listed)> FindAsync(DateTime since, CallContext call);

        string IdOf(T item);

        /// <summary>The item as it is now (NotFound once it is gone).</summary>
        Task<T> GetAsync(string id, CallContext call);

        string StatusOf(T item);

        /// <summary>Whether the cloud deletes an item in this status (Cinder: available or error).</summary>
        bool Removable(string status);

        Task DeleteAsync(string id, CallContext call);
    }
}
