using System.Globalization;
using System.Text.RegularExpressions;
using OpenStackSnapshot.Emulator.Nova;

namespace OpenStackSnapshot.Emulator.Cinder;

/// <summary>The outcome of reading Cinder's version header: a version, or the fault Cinder answers instead.</summary>
internal readonly record struct VolumeVersionResult(ApiVersion Version, int ErrorStatus, string? ErrorMessage, bool Echo)
{
    public bool IsError => ErrorMessage is not null;
}

/// <summary>
/// Cinder's microversion rules (wsgi.Request.set_api_version_request): only <c>OpenStack-API-Version</c>, its first
/// comma-separated entry that contains "volume"; no header means 3.0, "latest" the maximum, outside 3.0–3.70 is 406.
/// </summary>
internal static partial class VolumeMicroversion
{
    public const string Header = "OpenStack-API-Version";

    public static readonly ApiVersion Min = new(3, 0);

    /// <summary>The maximum of Cinder 21 (Zed), the release the notes were checked against.</summary>
    public static readonly ApiVersion Max = new(3, 70);

    /// <summary>3.66: an in-use volume may be snapshotted without force, and force=false is refused.</summary>
    public static readonly ApiVersion SnapshotInUse = new(3, 66);

    public static VolumeVersionResult Parse(IHeaderDictionary headers)
    {
        if (!headers.TryGetValue(Header, out var values)) return new(Min, 0, null, true);

        // webob joins repeated header lines with ", ".
        var entry = string.Join(", ", values.ToArray()).Split(',').FirstOrDefault(e => e.Contains("volume", StringComparison.Ordinal));
        var pair = entry?.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        // No volume entry: VersionNotFoundForAPIMethod escapes to the fault middleware, which hides its text.
        if (pair is not { Length: 2 }) return new(default, 400, Nova.Faults.DefaultMessage(400), false);
        if (pair[1] == "latest") return new(Max, 0, null, true);

        var match = VersionPattern().Match(pair[1]);
        if (!match.Success)
        {
            return new(default, 400, $"API Version String {pair[1]} is of invalid format. Must be of format MajorNum.MinorNum.", false);
        }

        var parsed = int.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var major) &
                     int.TryParse(match.Groups[2].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var minor);
        var version = new ApiVersion(major, minor);
        if (parsed && version >= Min && version <= Max) return new(version, 0, null, true);

        // The requested version was already set when the range check failed, so the 406 echoes it, unless
        // _is_legacy_endpoint takes it for v1/v2: it looks for "1.0" or "2.0" anywhere in the version string.
        var text = $"{match.Groups[1].Value}.{match.Groups[2].Value}";
        var legacy = text.Contains("1.0", StringComparison.Ordinal) || text.Contains("2.0", StringComparison.Ordinal);
        return new(version, 406, $"Version {text} is not supported by the API. Minimum is {Min} and maximum is {Max}.", parsed && !legacy);
    }

    [GeneratedRegex(@"^([1-9][0-9]*)\.([1-9][0-9]*|0)$", RegexOptions.CultureInvariant)]
    private static partial Regex VersionPattern();
}
