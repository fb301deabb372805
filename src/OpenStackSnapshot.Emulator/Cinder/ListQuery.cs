using OpenStackSnapshot.Emulator.Http;

namespace OpenStackSnapshot.Emulator.Cinder;

/// <summary>
/// A Cinder list request as its controller read it (<see cref="ListQueryReader"/>), applied to rows as the database
/// query would: filter, sort (default created_at desc, then id), marker, offset, limit.
/// </summary>
/// <param name="AllTenants">An admin asked for every project's rows.</param>
internal sealed record ListQuery(
    IReadOnlyList<(string Column, bool Descending)> Sort, int Limit, string? Marker, int Offset, bool WithCount, bool AllTenants,
    IReadOnlyDictionary<string, string> Filters)
{
    /// <summary>
    /// The rows a list answers, and how many matched before paging. <paramref name="scope"/> is every row the caller
    /// may see, so a marker outside the filter still places the page, as the database query does.
    /// </summary>
    public (IReadOnlyList<T> Page, int Count, Reply? Error) Apply<T>(
        IReadOnlyList<T> scope, ListResource<T> resource, Func<string, Reply> markerNotFound)
    {
        var comparer = RowOrder.For(Sort, resource);
        var matching = scope.Where(RowFilter.For(Filters, resource)).Order(comparer).ToList();
        IEnumerable<T> page = matching;
        if (Marker is not null)
        {
            var marker = scope.FirstOrDefault(row => resource.Id(row) == Marker);
            if (marker is null) return ([], 0, markerNotFound(Marker));
            page = page.Where(row => comparer.Compare(row, marker) > 0);
        }

        return (page.Skip(Offset).Take(Limit).ToList(), matching.Count, null);
    }
}
