using System.Globalization;
using System.Text.RegularExpressions;

namespace OpenStackSnapshot.Emulator.Nova;

/// <summary>A compute API microversion, compared numerically (2.100 &gt; 2.35).</summary>
internal readonly record struct ApiVersion(int Major, int Minor) : IComparable<ApiVersion>
{
    public int CompareTo(ApiVersion other) => Major != other.Major ? Major.CompareTo(other.Major) : Minor.CompareTo(other.Minor);

    public static bool operator <(ApiVersion a, ApiVersion b) => a.CompareTo(b) < 0;

    public static bool operator >(ApiVersion a, ApiVersion b) => a.CompareTo(b) > 0;

    public static bool operator <=(ApiVersion a, ApiVersion b) => a.CompareTo(b) <= 0;

    public static bool operator >=(ApiVersion a, ApiVersion b) => a.CompareTo(b) >= 0;

    public override string ToString() => $"{Major}.{Minor}";
}

/// <summary>The outcome of reading the version headers: a version, or the fault Nova answers instead.</summary>
internal readonly record struct MicroversionResult(ApiVersion Version, int ErrorStatus, string? ErrorMessage)
{
    public bool IsError => ErrorMessage is not null;
}

/// <summary>
/// Nova's microversion rules (microversion_parse + APIVersionRequest): the standard header wins over the
/// legacy one, no header means 2.1, "latest" means the maximum, anything outside 2.1–2.93 is a 406.
/// </summary>
internal static partial class Microversion
{
    public const string StandardHeader = "OpenStack-API-Version";
    public const string LegacyHeader = "X-OpenStack-Nova-API-Version";

    public static readonly ApiVersion Min = new(2, 1);

    /// <summary>The maximum of Nova 26 (Zed), the release the spec was checked against.</summary>
    public static readonly ApiVersion Max = new(2, 93);

    /// <summary>The last version that still has the proxy APIs (os-snapshots, os-volumes).</summary>
    public static readonly ApiVersion MaxProxy = new(2, 35);

    public static MicroversionResult Parse(IHeaderDictionary headers)
    {
        var requested = Requested(headers);
        if (requested is null) return new(Min, 0, null);
        if (requested == "latest") return new(Max, 0, null);

        var match = VersionPattern().Match(requested);
        if (!match.Success)
        {
            return new(default, 400,
                $"API Version String {requested} is of invalid format. Must be of format MajorNum.MinorNum.");
        }

        // Numbers too long for int are certainly out of range; Python prints them unchanged, so do we.
        var majorText = match.Groups[1].Value;
        var minorText = match.Groups[2].Value;
        if (int.TryParse(majorText, NumberStyles.None, CultureInfo.InvariantCulture, out var major) &&
            int.TryParse(minorText, NumberStyles.None, CultureInfo.InvariantCulture, out var minor) &&
            new ApiVersion(major, minor) is var version && version >= Min && version <= Max)
        {
            return new(version, 0, null);
        }

        return new(default, 406,
            $"Version {majorText}.{minorText} is not supported by the API. Minimum is {Min} and maximum is {Max}.");
    }

    /// <summary>The version string asked for, or null when neither header names the compute service.</summary>
    private static string? Requested(IHeaderDictionary headers)
    {
        // Repeated header lines fold into one value joined by ',' (microversion_parse.fold_headers).
        if (headers.TryGetValue(StandardHeader, out var standard))
        {
            var parts = string.Join(",", standard.ToArray()).Split(',');
            for (var i = parts.Length - 1; i >= 0; i--)
            {
                var pair = parts[i].Trim().Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries);
                if (pair.Length == 2 && pair[0].Equals("compute", StringComparison.OrdinalIgnoreCase))
                {
                    return pair[1].Trim();
                }
            }
        }

        if (headers.TryGetValue(LegacyHeader, out var legacy))
        {
            return string.Join(",", legacy.ToArray()).Split(',')[^1].Trim();
        }

        return null;
    }

    [GeneratedRegex(@"^([1-9][0-9]*)\.([1-9][0-9]*|0)$", RegexOptions.CultureInvariant)]
    private static partial Regex VersionPattern();
}
