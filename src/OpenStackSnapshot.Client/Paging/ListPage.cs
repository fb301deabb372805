using System;
using System.Collections.Generic;
using System.Text.Json;
using OpenStackSnapshot.Client.Wire;

namespace OpenStackSnapshot.Client.Paging
{
    /// <summary>One page of a Cinder listing: its items, and whether its links say another page follows.</summary>
    internal sealed class ListPage<T>
    {
        public ListPage(IReadOnlyList<T> items, bool hasNext)
        {
            Items = items;
            HasNext = hasNext;
        }

        public IReadOnlyList<T> Items { get; }
        public bool HasNext { get; }
    }

    internal static class ListPage
    {
        /// <summary>{"name": [...], "name_links": [{"rel": "next", "href": ...}]}: Cinder links the next page only when this one is full.</summary>
        public static ListPage<T> Read<T>(JsonElement root, string name, Func<JsonElement, T> read)
        {
            var items = ResponseShape.Many(root, name, read);
            var hasNext = false;
            if (JsonRead.Property(root, name + "_links") is { ValueKind: JsonValueKind.Array } links)
            {
                foreach (var link in links.EnumerateArray())
                    hasNext |= JsonRead.Text(link, "rel") == "next";
            }
            return new ListPage<T>(items, hasNext);
        }
    }
}
