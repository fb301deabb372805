using System.Globalization;
using OpenStackSnapshot.Emulator.Http;
using OpenStackSnapshot.Emulator.Nova;

namespace OpenStackSnapshot.Emulator.Cinder;

/// <summary>
/// A Cinder list request read as its controllers read it (common.get_sort_params, get_pagination_params, the general
/// filter checks of 3.31 and the older per-controller ones), then applied to rows as the database query would:
/// filter, sort (default created_at desc, then id), marker, offset, limit.
/// </summary>
internal sealed class ListQuery
{
    private static readonly string[] Paging = ["sort", "sort_key", "sort_dir", "limit", "marker", "offset", "with_count"];

    private ListQuery(List<(string Column, bool Descending)> sort, int limit, string? marker, int offset, bool withCount, bool allTenants, Dictionary<string, string> filters)
    {
        Sort = sort;
        Limit = limit;
        Marker = marker;
        Offset = offset;
        WithCount = withCount;
        AllTenants = allTenants;
        Filters = filters;
    }

    public List<(string Column, bool Descending)> Sort { get; }

    public int Limit { get; }

    public string? Marker { get; }

    public int Offset { get; }

    public bool WithCount { get; }

    /// <summary>An admin asked for every project's rows.</summary>
    public bool AllTenants { get; }

    public Dictionary<string, string> Filters { get; }

    /// <summary>Reads the query; a 400 Cinder would answer comes back as the error.</summary>
    public static (ListQuery? Query, Reply? Error) Parse<T>(CinderRequest request, ListResource<T> resource, int maxLimit)
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
            if (!long.TryParse(limitText.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l)) return (null, Faults.BadRequest("limit param must be an integer"));
            if (l < 0) return (null, Faults.BadRequest("limit param must be positive"));
            limit = (int)Math.Min(l, maxLimit);
        }

        var offset = 0;
        if (First("offset") is { } offsetText)
        {
            if (!long.TryParse(offsetText.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var o)) return (null, Faults.BadRequest("offset must be an integer"));
            if (o < 0) return (null, Faults.BadRequest("offset must be >= 0"));
            offset = (int)Math.Min(o, int.MaxValue);
        }

        var withCount = request.AtLeast(3, 45) && First("with_count") is { } wc && IsTrue(wc);
        var filters = q.Where(p => !Paging.Contains(p.Key)).ToDictionary(p => p.Key, p => p.Value[0] ?? "", StringComparer.Ordinal);
        if (FilterProblem(request, resource, filters) is { } problem) return (null, problem);

        var allTenants = filters.Remove("all_tenants", out var all) && request.IsAdmin && IsTrue(all);
        return (new ListQuery(sortColumns, limit, First("marker"), offset, withCount, allTenants, filters), null);
    }

    /// <summary>
    /// The rows a list answers, and how many matched before paging. <paramref name="scope"/> is every row the caller
    /// may see, so a marker outside the filter still places the page, as the database query does.
    /// </summary>
    public (IReadOnlyList<T> Page, int Count, Reply? Error) Apply<T>(IReadOnlyList<T> scope, ListResource<T> resource, Func<string, Reply> markerNotFound)
    {
        var comparer = Comparer<T>.Create((a, b) => Compare(a, b, resource));
        var matching = scope.Where(row => Matches(row, resource)).Order(comparer).ToList();
        IEnumerable<T> page = matching;
        if (Marker is not null)
        {
            var marker = scope.FirstOrDefault(row => resource.Id(row) == Marker);
            if (marker is null) return ([], 0, markerNotFound(Marker));
            page = page.Where(row => comparer.Compare(row, marker) > 0);
        }

        return (page.Skip(Offset).Take(Limit).ToList(), matching.Count, null);
    }

    // Requested keys first, then created_at and id in the first key's direction (sqlalchemy api.process_sort_params).
    private int Compare<T>(T a, T b, ListResource<T> resource)
    {
        var keys = Sort.Concat(new[] { "created_at", "id" }.Where(k => Sort.All(s => s.Column != k)).Select(k => (Column: k, Descending: Sort[0].Descending)));
        foreach (var (column, descending) in keys)
        {
            var order = Comparer<IComparable?>.Default.Compare(resource.Columns[column](a), resource.Columns[column](b));
            if (order != 0) return descending ? -order : order;
        }

        return 0;
    }

    // Exact matches on columns, every metadata pair present; a filter that names no column matches nothing.
    private bool Matches<T>(T row, ListResource<T> resource)
    {
        foreach (var (key, value) in Filters)
        {
            var column = key == "name" ? "display_name" : key;
            if (column == "metadata")
            {
                var wanted = PythonLiteral.Dict(value);
                var actual = resource.Metadata(row);
                if (wanted is null || wanted.Any(w => !actual.TryGetValue(w.Key, out var v) || v != w.Value)) return false;
            }
            else if (!resource.Columns.TryGetValue(column, out var read) || !string.Equals(Text(read(row)), value, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private static string? Text(IComparable? value) => value switch
    {
        bool b => b ? "True" : "False",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value?.ToString(),
    };

    // 3.31 on: a non-admin's filter must be configured (all_tenants is silently dropped); before: unknown ones are dropped.
    private static Reply? FilterProblem<T>(CinderRequest request, ListResource<T> resource, Dictionary<string, string> filters)
    {
        if (request.IsAdmin) return null;
        if (request.AtLeast(3, 31))
        {
            var invalid = filters.Keys.Where(k => !resource.ConfiguredFilters.Contains(k) && k != "all_tenants").ToList();
            filters.Remove("all_tenants");
            return invalid.Count == 0 ? null : Faults.BadRequest($"Invalid filters {string.Join(",", invalid)} are found in query options.");
        }

        foreach (var key in filters.Keys.ToList())
        {
            if (!resource.LegacyFilters.Any(f => f.Filter == key && request.Version >= f.Since)) filters.Remove(key);
        }

        return null;
    }

    private static Reply InvalidInput(string reason) => Faults.BadRequest("Invalid input received: " + reason);

    // oslo strutils.bool_from_string, not strict: anything else is false.
    private static bool IsTrue(string? text) =>
        text?.Trim().ToLowerInvariant() is "1" or "t" or "true" or "on" or "y" or "yes";
}
