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
    /// not in it, the listing shifted back, and the page is read again from one page earlier.</item>
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
        /// The same page at this many offsets in a row after the first makes the walk ask for the first page: the same
        /// page there too proves the cloud ignores the offset. A listing that grows by exactly what the walk advances
        /// between two reads (newest first) also repeats its page, but its first page then holds the new items.
        /// </summary>
        private const int MostRepeats = 3;

        private readonly Func<int, int, CallContext, Task<IReadOnlyList<T>>> _fetch;
        private readonly Func<T, string> _key;
        private readonly HashSet<string> _seen = new HashSet<string>(StringComparer.Ordinal);
        private int _offset;
        private int _largestPage;
        private string? _lastKey;
        private bool _done;
        private List<string>? _lastPage;
        private int _repeats;

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
            await StopIfOffsetIgnoredAsync(page, offset, call).ConfigureAwait(false);

            var fresh = new List<T>(page.Count);
            foreach (var item in page)
            {
                if (_seen.Add(_key(item))) fresh.Add(item);
            }
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

        private async Task StopIfOffsetIgnoredAsync(IReadOnlyList<T> page, int offset, CallContext call)
        {
            var keys = page.Select(_key).ToList();
            _repeats = keys.Count > 0 && _lastPage != null && keys.SequenceEqual(_lastPage) ? _repeats + 1 : 0;
            _lastPage = keys;
            if (_repeats < MostRepeats) return;
            _repeats = 0;
            var first = await _fetch(Pager<T>.RequestedPageSize, 0, call).ConfigureAwait(false);
            if (offset > 0 && first.Select(_key).SequenceEqual(keys))
                throw new OpenStackException(OpenStackErrorKind.InvalidResponse,
                    $"The listing did not advance: the same page came back at {MostRepeats + 1} offsets in a row (the last {offset}) "
                    + "and at offset 0, so the cloud ignores the offset and the listing was stopped.");
        }
    }
}
