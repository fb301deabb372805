using System.Text.RegularExpressions;

namespace OpenStackSnapshot.Emulator.Cinder;

/// <summary>
/// The part of Python's ast.literal_eval that Cinder's metadata filter meets: a dict of quoted strings, e.g.
/// <c>{'managed-by': 'nightly'}</c> or the JSON form. Anything else is null (Cinder then filters on a string, which
/// matches no snapshot).
/// </summary>
internal static partial class PythonLiteral
{
    public static IReadOnlyDictionary<string, string>? Dict(string text)
    {
        var body = text.Trim();
        if (body.Length < 2 || body[0] != '{' || body[^1] != '}') return null;
        var inner = body[1..^1].Trim();
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var at = 0;
        while (at < inner.Length)
        {
            var pair = Pair().Match(inner, at);
            if (!pair.Success || pair.Index != at) return null;
            result[Unquote(pair.Groups["key"].Value)] = Unquote(pair.Groups["value"].Value);
            at = pair.Index + pair.Length;
        }

        return result;
    }

    private static string Unquote(string quoted) => quoted[1..^1].Replace("\\'", "'", StringComparison.Ordinal).Replace("\\\"", "\"", StringComparison.Ordinal);

    [GeneratedRegex("""\s*(?<key>'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")\s*:\s*(?<value>'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")\s*(?:,\s*|$)""", RegexOptions.CultureInvariant)]
    private static partial Regex Pair();
}
