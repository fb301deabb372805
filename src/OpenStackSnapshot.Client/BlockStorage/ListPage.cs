using System.Collections.Generic;

namespace OpenStackSnapshot.Client.BlockStorage
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
}

namespace OpenStackSnapshot.Client.BlockStorage
{
    internal static class ListPage
    {
        /// <summary>{"name": [...], "name_links": [{"rel": "next", "href": ...}]}: Cinder links the next page only when this one is full.</summary>
        public static ListPage<T> Read<T>(System.Text.Json.JsonElement root, string name, System.Func<System.Text.Json.JsonElement, T> read)
        {
            var items = Json.ResponseShape.Many(root, name, read);
            var hasNext = false;
            if (Json.JsonRead.Property(root, name + "_links") is { ValueKind: System.Text.Json.JsonValueKind.Array } links)
            {
                foreach (var link in links.EnumerateArray())
                    hasNext |= Json.JsonRead.Text(link, "rel") == "next";
            }
            return new ListPage<T>(items, hasNext);
        }
    }
}
