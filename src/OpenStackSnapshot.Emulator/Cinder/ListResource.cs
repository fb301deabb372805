using OpenStackSnapshot.Emulator.Nova;

namespace OpenStackSnapshot.Emulator.Cinder;

/// <summary>
/// What a Cinder list accepts for one resource: the filters of resource_filters.json (3.31 on), the filters its
/// controller kept before 3.31 (with the version each arrived in), the sortable columns and the fields a row has.
/// </summary>
internal sealed class ListResource<T>
{
    public required string Name { get; init; }

    /// <summary>Cinder's default resource_filters.json entry for the resource.</summary>
    public required IReadOnlyCollection<string> ConfiguredFilters { get; init; }

    /// <summary>Before 3.31: the controller's own allowed filters, each from the version given.</summary>
    public required IReadOnlyList<(string Filter, ApiVersion Since)> LegacyFilters { get; init; }

    /// <summary>Database columns a row can be filtered and sorted by, with their value (null sorts first, as MySQL does).</summary>
    public required IReadOnlyDictionary<string, Func<T, IComparable?>> Columns { get; init; }

    public required Func<T, IReadOnlyDictionary<string, string>> Metadata { get; init; }

    public required Func<T, string> Id { get; init; }

    /// <summary>Since when "name" may be a sort key (it means display_name); null: never.</summary>
    public ApiVersion? NameSortSince { get; init; }
}
