using System.Globalization;
using OpenStackSnapshot.Emulator.Http;
using OpenStackSnapshot.Emulator.Nova;

namespace OpenStackSnapshot.Emulator.Cinder;

/// <summary>
/// Reads a Cinder list request as its controllers do: common.get_sort_params, get_pagination_params, with_count (3.45)
/// and the filters <see cref="ListFilterRules"/> lets through.
/// </summary>
internal static class ListQueryReader
{
    private static readonly string[] Paging = ["sort", "sort_key", "sort_dir", "limit", "marker", "offset", "with_count"];

    /// <summary>Reads the query; a 400 Cinder would answer comes back as the error.</summary>
    public static (ListQuery? Query, Reply? Error) Read<T>(CinderRequest request, ListResource<T> resource, int maxLimit)
    {
        var q = request.Query;
        string? First(string name) => q.TryGetValue(name, out var v) ? v[0] : null;

        if (q.ContainsKey("sort") && (q.ContainsKey("sort_key") || q.ContainsKey("sort_dir")))
        {
            return (null, Faults.BadRequest("The 'sort_key' and 'sort_dir' parameters are deprecated and cannot be used with the 'sort' parameter."));
        }

        var sortPairs = First("sort") is { } sort
            ? sort.Trim().Split(',').Select(s => (Key: s.Split(':', 2)[0].Trim(), Dir: s.Contains(':') ? s.Split(':', 2)[1].Trim() : "desc")).ToList()
            : [(Key: (First("sort_key") ?? "created_at").Trim(), Dir: (First("sort_dir") ?? "desc").Trim())];
        var sortColumns = new List<(string, bool)>();
        foreach (var (key, dir) in sortPairs)
        {
            var column = key == "name" && resource.NameSortSince is { } since && request.Version >= since ? "display_name" : key;
            if (dir is not ("asc" or "desc")) return (null, InvalidInput("Unknown sort direction, must be 'desc' or 'asc'."));
            if (!resource.Columns.ContainsKey(column)) return (null, InvalidInput("Invalid sort key"));
            sortColumns.Add((column, dir == "desc"));
        }

        var limit = maxLimit;
        if (First("limit") is { } limitText)
        {
            if (!long.TryParse(limitText.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l))
                return (null, Faults.BadRequest("limit param must be an integer"));
            if (l < 0) return (null, Faults.BadRequest("limit param must be positive"));
            limit = (int)Math.Min(l, maxLimit);
        }

        var offset = 0;
        if (First("offset") is { } offsetText)
        {
            if (!long.TryParse(offsetText.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var o))
                return (null, Faults.BadRequest("offset must be an integer"));
            if (o < 0) return (null, Faults.BadRequest("offset must be >= 0"));
            offset = (int)Math.Min(o, int.MaxValue);
        }

        var withCount = request.AtLeast(3, 45) && First("with_count") is { } wc && IsTrue(wc);
        var filters = q.Where(p => !Paging.Contains(p.Key)).ToDictionary(p => p.Key, p => p.Value[0] ?? "", StringComparer.Ordinal);
        if (ListFilterRules.Problem(request, resource, filters) is { } problem) return (null, problem);

        var allTenants = filters.Remove("all_tenants", out var all) && request.IsAdmin && IsTrue(all);
        return (new ListQuery(sortColumns, limit, First("marker"), offset, withCount, allTenants, filters), null);
    }

    private static Reply InvalidInput(string reason) => Faults.BadRequest("Invalid input received: " + reason);

    // oslo strutils.bool_from_string, not strict: anything else is false.
    private static bool IsTrue(string? text) =>
        text?.Trim().ToLowerInvariant() is "1" or "t" or "true" or "on" or "y" or "yes";
}
