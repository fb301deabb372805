using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using OpenStackSnapshot.Client.Http;

namespace OpenStackSnapshot.Client.Paging
{
    /// <summary>
    /// A listing read page by page, whichever API serves it: Nova's by offset, block storage's by marker
    /// (each API's walk makes its pager). Each page holds only items not returned before.
    /// </summary>
    public sealed class Pager<T>
    {
        /// <summary>What we ask for; the server may return fewer per page.</summary>
        public const int RequestedPageSize = 1000;

        private readonly Func<CallContext, Task<IReadOnlyList<T>?>> _next;

        /// <summary>Any walk: <paramref name="next"/> gives the next page, or null at the end.</summary>
        internal Pager(Func<CallContext, Task<IReadOnlyList<T>?>> next) => _next = next;

        /// <summary>The next page's new items, or null when the listing has ended.</summary>
        public Task<IReadOnlyList<T>?> NextAsync(CallContext call) => _next(call);

        /// <summary>The same listing with only the items <paramref name="keep"/> accepts (a page may then be empty).</summary>
        internal Pager<T> Where(Func<T, bool> keep) => new Pager<T>(async call =>
        {
            var page = await _next(call).ConfigureAwait(false);
            return page?.Where(keep).ToList();
        });

        /// <summary>Every remaining item, all pages read: for decisions that need the whole listing at once.</summary>
        public async Task<IReadOnlyList<T>> ReadAllAsync(CallContext call)
        {
            var all = new List<T>();
            IReadOnlyList<T>? page;
            while ((page = await NextAsync(call).ConfigureAwait(false)) != null) all.AddRange(page);
            return all;
        }
    }
}
