using System.Globalization;

namespace OpenStackSnapshot.Emulator.Cinder;

/// <summary>Whether a row passes a list's filters, as the database query's WHERE clause decides.</summary>
internal static class RowFilter
{
    /// <summary>Exact matches on columns, every metadata pair present; a filter that names no column matches nothing.</summary>
    public static bool Matches<T>(T row, IReadOnlyDictionary<string, string> filters, ListResource<T> resource)
    {
        foreach (var (key, value) in filters)
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
}
