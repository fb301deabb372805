using System.Text.RegularExpressions;

namespace OpenStackSnapshot.Emulator.Http;

/// <summary>
/// Nova and Cinder serve every route with and without a project id before the resource name (the routes'
/// optional <c>{project_id}</c>, which both accept only as hex digits and dashes).
/// </summary>
internal static partial class ProjectIdInPath
{
    /// <summary>The segments after the API version without a leading project id, and that id (null when none).</summary>
    public static (string? ProjectId, List<string> Remaining) Split(IEnumerable<string> afterVersion, IReadOnlyCollection<string> resources)
    {
        var rest = afterVersion.ToList();
        if (rest.Count >= 2 && !resources.Contains(rest[0]) && resources.Contains(rest[1]) && Pattern().IsMatch(rest[0]))
        {
            return (rest[0], rest.Skip(1).ToList());
        }

        return (null, rest);
    }

    [GeneratedRegex("^[0-9a-f-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
