using System.Globalization;

namespace OpenStackSnapshot.Emulator.Cinder;

/// <summary>Whether a row passes a list's filters, as the database query's WHERE clause decides (in its collation).</summary>
internal static class RowFilter
{
    /// <summary>
    /// Columns equal to the value, every metadata pair present (key and value compared alike), no wildcards; a filter
    /// that names no column matches nothing.
    /// </summary>
    public static bool Matches<T>(T row, IReadOnlyDictionary<string, string> filters, ListResource<T> resource)
    {
        foreach (var (key, value) in filters)
        {
            var column = key == "name" ? "display_name" : key;
            if (column == "metadata")
            {
                var wanted = PythonLiteral.Dict(value);
                var actual = resource.Metadata(row);
                if (wanted is null || !wanted.All(w => actual.Any(a => DatabaseCollation.Equal(a.Key, w.Key) && DatabaseCollation.Equal(a.Value, w.Value)))) return false;
            }
            else if (!resource.Columns.TryGetValue(column, out var read) || !DatabaseCollation.Equal(Text(read(row)), value))
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
}
