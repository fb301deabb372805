using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using OpenStackSnapshot.Client.Http;

namespace OpenStackSnapshot.Client.Compute
{
    /// <summary>
    /// Walks a Nova listing by offset. Nova caps each page at its own [api] max_limit, which a client cannot
    /// know, so a short page proves the end only once a longer one was seen; otherwise an empty page does.
    /// Items already seen (a listing that shifted between pages) are not returned twice.
    /// </summary>
    public sealed class Pager<T>
    {
        /// <summary>What we ask for; the server may return fewer per page.</summary>
        public const int RequestedPageSize = 1000;

        private readonly Func<int, int, CallContext, Task<IReadOnlyList<T>>> _fetch;
        private readonly Func<T, string> _key;
        private readonly HashSet<string> _seen = new HashSet<string>(StringComparer.Ordinal);
        private int _offset;
        private int _largestPage;
        private bool _done;

        internal Pager(Func<int, int, CallContext, Task<IReadOnlyList<T>>> fetch, Func<T, string> key)
        {
            _fetch = fetch;
            _key = key;
        }

        /// <summary>The next page's new items, or null when the listing has ended.</summary>
        public async Task<IReadOnlyList<T>?> NextAsync(CallContext call)
        {
            if (_done) return null;
            var page = await _fetch(RequestedPageSize, _offset, call).ConfigureAwait(false);
            _offset += page.Count;
            _done = page.Count == 0 || page.Count < _largestPage;
            _largestPage = Math.Max(_largestPage, page.Count);
            var fresh = new List<T>(page.Count);
            foreach (var item in page)
            {
                if (_seen.Add(_key(item))) fresh.Add(item);
            }
            return fresh.Count == 0 && _done ? null : fresh;
        }
    }
}
