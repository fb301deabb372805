using OpenStackSnapshot.Emulator.Http;
using OpenStackSnapshot.Emulator.Nova;

namespace OpenStackSnapshot.Emulator.Cinder;

/// <summary>
/// Which filters a list request may use, by version and role (common.process_general_filtering and before it the
/// controllers' own lists).
/// </summary>
internal static class ListFilterRules
{
    /// <summary>
    /// 3.31 on: a non-admin's filter must be configured (all_tenants is silently dropped), else the 400 comes back;
    /// before: unknown ones are dropped. An admin's filters all pass. Removes what Cinder drops from <paramref name="filters"/>.
    /// </summary>
    public static Reply? Problem<T>(CinderRequest request, ListResource<T> resource, Dictionary<string, string> filters)
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
}
