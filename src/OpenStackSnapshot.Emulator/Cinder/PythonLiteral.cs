using System.Globalization;
using System.Text;
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

    // A Python string literal's escapes: \\ \' \" \n \r \t \xNN \uXXXX \UXXXXXXXX; any other backslash stays, as in Python.
    private static string Unquote(string quoted)
    {
        var text = quoted[1..^1];
        var result = new StringBuilder(text.Length);
        for (var at = 0; at < text.Length; at++)
        {
            if (text[at] != '\\' || at + 1 == text.Length) { result.Append(text[at]); continue; }
            var escape = text[at + 1];
            var digits = escape switch { 'x' => 2, 'u' => 4, 'U' => 8, _ => 0 };
            if (digits > 0 && at + 2 + digits <= text.Length
                && int.TryParse(text.AsSpan(at + 2, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
            {
                result.Append(CodePoint(code));
                at += 1 + digits;
                continue;
            }
            var simple = escape switch { '\\' => "\\", '\'' => "'", '"' => "\"", 'n' => "\n", 'r' => "\r", 't' => "\t", _ => null };
            result.Append(simple ?? text.Substring(at, 2));
            at++;
        }
        return result.ToString();
    }

    // Python keeps a \uD83D escape as a lone surrogate, which equals no stored text (and refuses one past U+10FFFF);
    // U+FFFD stands in so the filter matches nothing either.
    private static string CodePoint(int code) =>
        code is < 0 or (>= 0xD800 and <= 0xDFFF) or > 0x10FFFF ? "\uFFFD" : char.ConvertFromUtf32(code);

    [GeneratedRegex(
        """\s*(?<key>'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")\s*:\s*"""
        + """(?<value>'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")\s*(?:,\s*|$)""",
        RegexOptions.CultureInvariant)]
    private static partial Regex Pair();
}
