using System.Text.Json.Nodes;
using OpenStackSnapshot.Emulator.Http;

namespace OpenStackSnapshot.Emulator.Cinder;

/// <summary>Cinder's list flow for any resource (its controllers' _items): query, policy, page, views, next link, count.</summary>
internal static class CinderListing
{
    /// <summary>
    /// Answers a list; <paramref name="scope"/> gives the rows the caller may see (every project's when the flag,
    /// an admin's all_tenants, is true) and <paramref name="view"/> renders one.
    /// </summary>
    public static Reply Answer<T>(
        CinderRequest request, ListResource<T> resource, int maxLimit, string rule, bool detail,
        Func<bool, IReadOnlyList<T>> scope, Func<T, JsonNode> view, Func<string, Reply> markerNotFound)
    {
        var (query, error) = ListQueryReader.Read(request, resource, maxLimit);
        if (error is not null) return error;
        if (request.Deny(Seed.ReaderRole, rule) is { } denied) return denied;

        var (page, count, missing) = query!.Apply(scope(query.AllTenants), resource, markerNotFound);
        if (missing is not null) return missing;

        var collection = resource.Name + "s";
        var body = new JsonObject { [collection] = new JsonArray(page.Select(view).ToArray()) };
        var linkPath = detail ? collection + "/detail" : collection;
        if (CinderViews.NextLink(request, linkPath, page.Select(resource.Id).ToList(), query.Limit) is { } links) body[collection + "_links"] = links;
        if (query.WithCount) body["count"] = count;
        return Reply.Json(200, body);
    }
}
