using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using OpenStackSnapshot.Client.Errors;
using OpenStackSnapshot.Client.Http;

namespace OpenStackSnapshot.Client.Paging
{
    /// <summary>
    /// Walks a Nova listing by offset (Nova has no marker). Two things make that hard, and both are handled:
    /// <list type="bullet">
    /// <item>Nova caps each page at its own [api] max_limit, which a client cannot know, so a short page proves
    /// the end only once a longer one was seen; otherwise an empty page does.</item>
    /// <item>Items deleted between two pages (as in Get-OSSnapshot | Remove-OSSnapshot) shift the rest towards
    /// the start, past our offset. Each page therefore starts one item early: if that item is not the previous
    /// page's last, the listing shifted, and the page is read again from one page earlier.</item>
    /// </list>
    /// Items already returned are never returned twice, and a cloud that ignores the offset (the same page at
    /// every offset) ends the listing as InvalidResponse instead of keeping it going for ever.
    /// </summary>
    internal sealed class OffsetWalk<T>
    {
        private readonly Func<int, int, CallContext, Task<IReadOnlyList<T>>> _fetch;
        private readonly Func<T, string> _key;
        private readonly HashSet<string> _seen = new HashSet<string>(StringComparer.Ordinal);
        private int _offset;
        private int _largestPage;
        private string? _lastKey;
        private bool _done;
        private int _staleRun;

        /// <summary>Pages in a row with nothing new that prove the cloud ignores the offset; a shift under deletes brings at most one.</summary>
        private const int MostStalePages = 3;

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
            if (overlap && (page.Count == 0 || _key(page[0]) != _lastKey))
            {
                offset = Math.Max(0, offset - _largestPage); // shifted: read again from one page earlier
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
            if (_staleRun >= MostStalePages)
                throw new OpenStackException(OpenStackErrorKind.InvalidResponse,
                    $"The listing did not advance: {MostStalePages} pages in a row (from offset {offset}) held only items already listed, "
                    + "so the cloud ignores the offset and the listing was stopped.");
            return fresh.Count == 0 && _done ? null : fresh;
        }
    }
}
