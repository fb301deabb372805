using System.Globalization;

namespace OpenStackSnapshot.Emulator.Cinder;

/// <summary>Whether a row passes a list's filters, as the database query's WHERE clause decides (in its collation).</summary>
internal static class RowFilter
{
    /// <summary>
    /// Columns equal to the value, every metadata pair present (key and value compared alike), no wildcards; a filter
    /// that names no column matches nothing. The filters are read once per list, as <see cref="RowOrder.For{T}"/> does.
    /// </summary>
    public static Func<T, bool> For<T>(IReadOnlyDictionary<string, string> filters, ListResource<T> resource)
    {
        var tests = filters.Select(filter => Test(filter.Key == "name" ? "display_name" : filter.Key, filter.Value, resource)).ToList();
        return row => tests.All(test => test(row));
    }

    private static Func<T, bool> Test<T>(string column, string value, ListResource<T> resource)
    {
        if (column == "metadata")
        {
            var wanted = PythonLiteral.Dict(value);
            if (wanted is null) return _ => false;
            return row =>
            {
                var actual = resource.Metadata(row);
                return wanted.All(w => actual.Any(a => DatabaseCollation.Equal(a.Key, w.Key) && DatabaseCollation.Equal(a.Value, w.Value)));
            };
        }

        if (!resource.Columns.TryGetValue(column, out var read)) return _ => false;
        return row => DatabaseCollation.Equal(Text(read(row)), value);
    }

    private static string? Text(IComparable? value) => value switch
    {
        bool b => b ? "True" : "False",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value?.ToString(),
    };
}
