using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using OpenStackSnapshot.Client.Errors;
using OpenStackSnapshot.Client.Http;

namespace OpenStackSnapshot.Client.Paging
{
    /// <summary>
    /// Walks a Nova listing by offset (Nova has no marker). Three things make that hard, and all are handled:
    /// <list type="bullet">
    /// <item>Nova caps each page at its own [api] max_limit, which a client cannot know, so a short page proves
    /// the end only once a longer one was seen; otherwise an empty page does.</item>
    /// <item>Items deleted between two pages (as in Get-OSSnapshot | Remove-OSSnapshot) shift the rest towards
    /// the start, past our offset. Each page therefore starts one item early: if the previous page's last item is
    /// not in it and it holds items not listed yet, the listing shifted back, and the page is read again from one page
    /// earlier. Pages of one item cannot overlap, so a cloud capped at one item a page can miss items deleted meanwhile.</item>
    /// <item>Items created between two pages (newest first, as while a pipeline of creates runs) shift the rest
    /// towards the end: the previous page's last item is then further into the page, and the walk goes on; a page
    /// of only items already listed means it grew by more than a page, and the walk goes on too.</item>
    /// </list>
    /// Items already returned are never returned twice, and a cloud that ignores the offset (the same page at
    /// every offset) ends the listing as InvalidResponse instead of keeping it going for ever.
    /// </summary>
    internal sealed class OffsetWalk<T>
    {
        /// <summary>
        /// Pages in a row with nothing new after which the walk reads offset 0: nothing new there either proves the cloud
        /// ignores the offset (in whatever order it repeats its items). A listing growing at the front, newest first, by at
        /// least the walk's step between two reads also brings pages of listed items, but its first page holds the new ones.
        /// </summary>
        private const int MostStalePages = 3;

        /// <summary>Pages in a row with nothing new that end the walk even so: a cloud whose first page changes while the
        /// rest stays the same would otherwise keep it going for ever.</summary>
        private const int MostStalePagesAtAll = 30;

        private readonly Func<int, int, CallContext, Task<IReadOnlyList<T>>> _fetch;
        private readonly Func<T, string> _key;
        private readonly HashSet<string> _seen = new HashSet<string>(StringComparer.Ordinal);
        private int _offset;
        private int _largestPage;
        private string? _lastKey;
        private bool _done;
        private int _staleRun;

        /// <summary>A listing walked by offset: <paramref name="fetch"/> takes the limit and the offset.</summary>
        internal static Pager<T> Pager(Func<int, int, CallContext, Task<IReadOnlyList<T>>> fetch, Func<T, string> key) =>
            new Pager<T>(new OffsetWalk<T>(fetch, key).NextAsync);

        private OffsetWalk(Func<int, int, CallContext, Task<IReadOnlyList<T>>> fetch, Func<T, string> key)
        {
            _fetch = fetch;
            _key = key;
        }

        /// <summary>The next page's new items, or null when the listing has ended.</summary>
        public async Task<IReadOnlyList<T>?> NextAsync(CallContext call)
        {
            if (_done) return null;
            var overlap = _lastKey != null && _largestPage > 1;
            var offset = overlap ? _offset - 1 : _offset;
            var page = await _fetch(Pager<T>.RequestedPageSize, offset, call).ConfigureAwait(false);
            if (overlap && ShiftedBack(page))
            {
                offset = Math.Max(0, offset - _largestPage); // read again from one page earlier
                page = await _fetch(Pager<T>.RequestedPageSize, offset, call).ConfigureAwait(false);
            }
            _offset = offset + page.Count;
            _lastKey = page.Count > 0 ? _key(page[page.Count - 1]) : null;
            _done = page.Count == 0 || page.Count < _largestPage;
            _largestPage = Math.Max(_largestPage, page.Count);

            var fresh = new List<T>(page.Count);
            foreach (var item in page)
            {
                if (_seen.Add(_key(item))) fresh.Add(item);
            }
            _staleRun = fresh.Count == 0 && !_done ? _staleRun + 1 : 0;
            if (_staleRun > 0 && _staleRun % MostStalePages == 0) await StopIfOffsetIgnoredAsync(offset, call).ConfigureAwait(false);
            return fresh.Count == 0 && _done ? null : fresh;
        }

        /// <summary>
        /// Whether items before our offset went away: the previous page's last item is not in this page, and the page
        /// holds items not listed yet (only listed ones mean the listing grew by more than a page: go on).
        /// </summary>
        private bool ShiftedBack(IReadOnlyList<T> page)
        {
            var anyNew = page.Count == 0;
            foreach (var item in page)
            {
                var key = _key(item);
                if (key == _lastKey) return false;
                anyNew |= !_seen.Contains(key);
            }
            return anyNew;
        }

        private async Task StopIfOffsetIgnoredAsync(int offset, CallContext call)
        {
            var first = await _fetch(Pager<T>.RequestedPageSize, 0, call).ConfigureAwait(false);
            var firstIsNew = first.Any(item => !_seen.Contains(_key(item)));
            if (firstIsNew && _staleRun < MostStalePagesAtAll) return;
            throw new OpenStackException(OpenStackErrorKind.InvalidResponse,
                $"The listing did not advance: {_staleRun} pages in a row (the last from offset {offset}) held only items already listed, "
                + (firstIsNew ? "while its first page kept changing" : "and so did its first page") + ", so the cloud ignores the offset "
                + "and the listing was stopped.");
        }
    }
}
