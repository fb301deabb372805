using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading.Tasks;
using OpenStackSnapshot.Client.Errors;
using OpenStackSnapshot.Client.Http;
using OpenStackSnapshot.Client.Wire;

namespace OpenStackSnapshot.Client.BlockStorage
{
    /// <summary>
    /// How a metadata edit reaches Cinder, the same for snapshots/{id}/metadata and volumes/{id}/metadata: POST merges the
    /// pairs (one request); with removals the current set is read, and the whole result is PUT (it replaces the set) unless
    /// it would not change, since a key such as '..' or 'a/b' cannot be named in a URL for a DELETE of its own.
    /// </summary>
    internal static class MetadataWrite
    {
        /// <param name="path">The item's metadata route, such as volumes/{id}/metadata.</param>
        /// <param name="itemName">What a 404 names ("Snapshot", "Volume").</param>
        /// <param name="readCurrent">The item's metadata as it is now (read only when keys are removed).</param>
        public static async Task ApplyAsync(BlockStorageEndpoint endpoint, string path, string itemName, MetadataEdit edit,
            Func<Task<IReadOnlyDictionary<string, string>>> readCurrent, CallContext call)
        {
            if (edit.Removes)
            {
                var current = await readCurrent().ConfigureAwait(false);
                var result = edit.After(current);
                if (MetadataEdit.Same(current, result)) return;
                await SendAsync(endpoint, HttpMethod.Put, path, itemName, result, call).ConfigureAwait(false);
            }
            else if (edit.Sets)
            {
                await SendAsync(endpoint, HttpMethod.Post, path, itemName, edit.Set, call).ConfigureAwait(false);
            }
        }

        /// <summary>{"metadata": {...}}: the body of POST and PUT on a metadata route.</summary>
        public static string Body(IReadOnlyDictionary<string, string> pairs) => JsonWrite.Object(writer =>
        {
            writer.WriteStartObject("metadata");
            foreach (var pair in pairs) writer.WriteString(pair.Key, pair.Value);
            writer.WriteEndObject();
        });

        private static async Task SendAsync(BlockStorageEndpoint endpoint, HttpMethod method, string path, string itemName,
            IReadOnlyDictionary<string, string> pairs, CallContext call)
        {
            using var request = endpoint.Request(method, path, RequestTarget.Item(itemName));
            request.Content = ApiSender.Json(Body(pairs));
            await endpoint.SendAsync(request, call).ConfigureAwait(false);
        }
    }
}
