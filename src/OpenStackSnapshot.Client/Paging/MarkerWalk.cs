using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using OpenStackSnapshot.Client.Errors;
using OpenStackSnapshot.Client.Http;

namespace OpenStackSnapshot.Client.Paging
{
    /// <summary>
    /// Walks a Cinder listing by marker (the last id of the page before), while the page's links say another follows.
    /// A caller that deletes what it lists (Get-OSSnapshot | Remove-OSSnapshot) can delete the marker itself, which
    /// Cinder then answers with 404: the walk steps back through the previous page's ids, and starts over if all are
    /// gone. Items already returned are never returned twice; a cloud that ignores the marker ends as InvalidResponse.
    /// </summary>
    internal sealed class MarkerWalk<T>
    {
        /// <summary>Pages in a row with nothing new that prove the cloud ignores the marker.</summary>
        private const int MostStalePages = 3;

        private readonly Func<string?, CallContext, Task<ListPage<T>>> _fetch;
        private readonly Func<T, string> _key;
        private readonly HashSet<string> _seen = new HashSet<string>(StringComparer.Ordinal);
        private List<string> _lastIds = new List<string>();
        private bool _done;
        private bool _startedOver;
        private int _staleRun;

        /// <summary>A listing walked by marker: <paramref name="fetch"/> gives one page after the given marker (null: the first page).</summary>
        internal static Pager<T> Pager(Func<string?, CallContext, Task<ListPage<T>>> fetch, Func<T, string> key) =>
            new Pager<T>(new MarkerWalk<T>(fetch, key).NextAsync);

        private MarkerWalk(Func<string?, CallContext, Task<ListPage<T>>> fetch, Func<T, string> key)
        {
            _fetch = fetch;
            _key = key;
        }

        public async Task<IReadOnlyList<T>?> NextAsync(CallContext call)
        {
            if (_done) return null;
            var page = await FetchAsync(call).ConfigureAwait(false);
            _done = !page.HasNext || page.Items.Count == 0;
            if (page.Items.Count > 0) _lastIds = page.Items.Select(_key).ToList();

            var fresh = page.Items.Where(item => _seen.Add(_key(item))).ToList();
            if (fresh.Count > 0) _startedOver = false;
            _staleRun = fresh.Count == 0 && !_done && !_startedOver ? _staleRun + 1 : 0;
            if (_staleRun >= MostStalePages)
                throw new OpenStackException(OpenStackErrorKind.InvalidResponse,
                    $"The listing did not advance: {MostStalePages} pages in a row held only items already listed, "
                    + "so the cloud ignores the marker and the listing was stopped.");
            return fresh.Count == 0 && _done ? null : fresh;
        }

        private async Task<ListPage<T>> FetchAsync(CallContext call)
        {
            for (var i = _lastIds.Count - 1; i >= 0; i--)
            {
                try
                {
                    return await _fetch(_lastIds[i], call).ConfigureAwait(false);
                }
                catch (OpenStackException e) when (MarkerGone(e))
                {
                    // deleted since it was listed: the one before it marks the same place
                }
            }
            _startedOver = _lastIds.Count > 0;
            return await _fetch(null, call).ConfigureAwait(false);
        }

        /// <summary>
        /// Cinder looks the marker up first: a deleted one is "Snapshot X could not be found."
        /// (older releases: 400 "Marker X could not be found.").
        /// </summary>
        private static bool MarkerGone(OpenStackException e) =>
            e.Kind == OpenStackErrorKind.NotFound
            || (e.Kind == OpenStackErrorKind.BadRequest && e.ServerMessage?.IndexOf("marker", StringComparison.OrdinalIgnoreCase) >= 0);
    }
}
