using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using OpenStackSnapshot.Client.Errors;
using OpenStackSnapshot.Client.Http;
using OpenStackSnapshot.Client.Paging;

namespace OpenStackSnapshot.Client.Lifecycle
{
    /// <summary>
    /// What a create whose answer was lost is looked for by, in its resource's words: a snapshot by its volume, name and
    /// time, a volume by its snapshot, name and time. One search serves both, so they are settled alike.
    /// </summary>
    internal sealed class CreateSearch<T>
    {
        public CreateSearch(string noun, string? name, string origin, Func<Pager<T>> list, Func<T, bool> sameOrigin,
            Func<T, string?> nameOf, Func<T, DateTime?> createdAt, Func<T, string> id)
        {
            Noun = noun;
            Name = name;
            Origin = origin;
            List = list;
            SameOrigin = sameOrigin;
            NameOf = nameOf;
            CreatedAt = createdAt;
            Id = id;
        }

        /// <summary>"snapshot", "volume".</summary>
        public string Noun { get; }
        /// <summary>The name the create gave; without one nothing can be matched safely.</summary>
        public string? Name { get; }
        /// <summary>Where it comes from, as a message says it: "of volume X", "from snapshot Y".</summary>
        public string Origin { get; }
        /// <summary>The listing to search (a server-side filter where the API has one; every item is checked here anyway).</summary>
        public Func<Pager<T>> List { get; }
        public Func<T, bool> SameOrigin { get; }
        public Func<T, string?> NameOf { get; }
        public Func<T, DateTime?> CreatedAt { get; }
        public Func<T, string> Id { get; }
    }

    /// <summary>
    /// A create whose fate is unknown (a timeout or a connection cut after sending, a 502/504, a 2xx answer that cannot
    /// be read) may have made what it asked for. It is never sent again: it is looked for instead, by where it comes
    /// from, its name and its creation time, and written if exactly one is found. Snapshots' and volumes' reconcilers
    /// both settle their creates here.
    /// </summary>
    internal static class LostCreate
    {
        /// <summary>How much earlier than our clock the cloud's clock may say the item was made.</summary>
        internal static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(2);

        public static bool FateUnknown(OpenStackException e) => e.Kind switch
        {
            OpenStackErrorKind.Timeout => true,
            OpenStackErrorKind.ServiceUnavailable => e.StatusCode == 502 || e.StatusCode == 504,
            OpenStackErrorKind.ConnectionFailed => e.StatusCode == null && e.InnerException is { } inner && !NetworkFailure.IsConnectFailure(inner),
            OpenStackErrorKind.InvalidResponse => e.StatusCode >= 200 && e.StatusCode < 300,
            _ => false,
        };

        /// <summary>Sends the create once; an answer whose fate is unknown is looked for instead of sent again.</summary>
        public static async Task<T> SendAsync<T>(Func<Task<T>> send, Func<CreateSearch<T>> search, CallContext call)
        {
            var sentAt = DateTime.UtcNow;
            try
            {
                return await send().ConfigureAwait(false);
            }
            catch (OpenStackException lost) when (FateUnknown(lost) && !call.Cancellation.IsCancellationRequested)
            {
                return await FindAsync(search(), sentAt, lost, call).ConfigureAwait(false);
            }
        }

        private static async Task<T> FindAsync<T>(CreateSearch<T> search, DateTime sentAt, OpenStackException lost, CallContext call)
        {
            var noun = search.Noun;
            if (string.IsNullOrEmpty(search.Name))
                throw Unresolved(search, lost, $"The {noun} had no name, so there is nothing safe to find it again by: "
                    + $"list the {noun}s {search.Origin} before creating it once more.");

            var since = sentAt - ClockSkew;
            var found = new List<T>();
            var pager = search.List();
            var listed = 0;
            IReadOnlyList<T>? page;
            try
            {
                while ((page = await pager.NextAsync(call).ConfigureAwait(false)) != null)
                {
                    listed += page.Count;
                    found.AddRange(page.Where(item => search.SameOrigin(item) && search.NameOf(item) == search.Name
                        && search.CreatedAt(item) is DateTime created && created >= since));
                }
            }
            catch (OpenStackException listing) when (!call.Cancellation.IsCancellationRequested)
            {
                throw Unresolved(search, lost,
                    $"Looking for it failed too, so the {noun} '{search.Name}' {search.Origin} may exist: {listing.Message}");
            }
            var checkedWhat = $"checked: {listed} {noun}s listed, looking for '{search.Name}' {search.Origin} created since {since:u}";
            if (found.Count == 1)
            {
                call.Log?.Verbose($"The create's answer was lost ({lost.Kind}); {noun} {search.Id(found[0])} '{search.Name}' {search.Origin} "
                    + $"was found again and is written instead ({checkedWhat}).");
                return found[0];
            }
            if (found.Count == 0)
                throw Unresolved(search, lost,
                    $"No such {noun} exists yet ({checkedWhat}); it was not sent again, since the cloud may still be carrying it out.");
            throw Unresolved(search, lost, $"{found.Count} {noun}s match ({string.Join(", ", found.Select(search.Id))}; {checkedWhat}): "
                + "which one this request made cannot be told.");
        }

        private static OpenStackException Unresolved<T>(CreateSearch<T> search, OpenStackException lost, string what) =>
            lost.WithMessage(Sentences.Join(lost.Message, what),
                $"List the {search.Noun}s {search.Origin} before creating it once more; give {search.Noun}s a name, "
                + "so a lost answer can be reconciled.");
    }
}
