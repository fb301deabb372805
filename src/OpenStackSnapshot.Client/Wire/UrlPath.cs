using System;
using System.Linq;
using OpenStackSnapshot.Client.Errors;

namespace OpenStackSnapshot.Client.Wire
{
    /// <summary>How a request's path is written, for every API: an item's id checked and escaped, a query's values escaped.</summary>
    internal static class UrlPath
    {
        /// <summary>{collection}/{id}; an empty id is refused before anything is sent.</summary>
        /// <param name="itemName">What the id names ("Snapshot", "Volume"), for the message.</param>
        public static string Item(string collection, string id, string itemName)
        {
            if (string.IsNullOrWhiteSpace(id))
                throw new OpenStackException(OpenStackErrorKind.InvalidArgument, $"The {itemName.ToLowerInvariant()} id is empty.");
            return collection + "/" + Uri.EscapeDataString(id.Trim());
        }

        /// <summary>path?key=value&amp;..., in the order given, each value escaped; a pair without a value is left out.</summary>
        public static string Query(string path, params (string Key, string? Value)[] pairs) =>
            path + "?" + string.Join("&", pairs.Where(p => p.Value != null).Select(p => p.Key + "=" + Uri.EscapeDataString(p.Value!)));
    }
}
