namespace OpenStackSnapshot.Emulator.Cinder;

/// <summary>The order of a list's rows as Cinder's database query sorts them.</summary>
internal static class RowOrder
{
    /// <summary>Requested keys first, then created_at and id in the first key's direction (sqlalchemy api.process_sort_params).</summary>
    public static IComparer<T> For<T>(IReadOnlyList<(string Column, bool Descending)> sort, ListResource<T> resource)
    {
        var defaults = new[] { "created_at", "id" }.Where(k => sort.All(s => s.Column != k)).Select(k => (Column: k, Descending: sort[0].Descending));
        var keys = sort.Concat(defaults).ToList();
        return Comparer<T>.Create((a, b) => Compare(a, b, keys, resource));
    }

    private static int Compare<T>(T a, T b, IReadOnlyList<(string Column, bool Descending)> keys, ListResource<T> resource)
    {
        foreach (var (column, descending) in keys)
        {
            var order = Comparer<IComparable?>.Default.Compare(resource.Columns[column](a), resource.Columns[column](b));
            if (order != 0) return descending ? -order : order;
        }

        return 0;
    }
}
