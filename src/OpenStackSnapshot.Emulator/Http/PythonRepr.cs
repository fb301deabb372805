using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json;

namespace OpenStackSnapshot.Emulator.Http;

/// <summary>
/// Python's <c>repr()</c> and <c>str()</c> of a parsed JSON value. Nova's and jsonschema's validation messages
/// embed them ("Value: {'name': 'x'}", "None is not of type 'string'"), so the emulator must print them alike.
/// </summary>
internal static class PythonRepr
{
    /// <summary><c>repr(value)</c>: strings quoted, as jsonschema's <c>%r</c> shows them.</summary>
    public static string Repr(JsonElement? value)
    {
        var sb = new StringBuilder();
        Append(sb, value);
        return sb.ToString();
    }

    /// <summary><c>str(value)</c>: like repr except that a top-level string is printed bare (Nova's "Value: %s").</summary>
    public static string Str(JsonElement? value) =>
        value is { ValueKind: JsonValueKind.String } s ? s.GetString()! : Repr(value);

    /// <summary><c>repr(str)</c>: single quotes unless the text has a single quote and no double quote.</summary>
    public static string ReprString(string text)
    {
        var quote = text.Contains('\'') && !text.Contains('"') ? '"' : '\'';
        var sb = new StringBuilder().Append(quote);
        foreach (var rune in text.EnumerateRunes())
        {
            var c = rune.Value;
            if (c == quote || c == '\\') sb.Append('\\').Append((char)c);
            else if (c == '\t') sb.Append("\\t");
            else if (c == '\n') sb.Append("\\n");
            else if (c == '\r') sb.Append("\\r");
            else if (c == ' ' || (c < 0x7f && c >= 0x20)) sb.Append((char)c);
            else if (!IsPrintable(rune)) sb.Append(EscapeRune(c));
            else sb.Append(rune.ToString());
        }

        return sb.Append(quote).ToString();
    }

    private static void Append(StringBuilder sb, JsonElement? value)
    {
        if (value is not { } v)
        {
            sb.Append("None");
            return;
        }

        switch (v.ValueKind)
        {
            case JsonValueKind.Null: sb.Append("None"); break;
            case JsonValueKind.True: sb.Append("True"); break;
            case JsonValueKind.False: sb.Append("False"); break;
            case JsonValueKind.String: sb.Append(ReprString(v.GetString()!)); break;
            case JsonValueKind.Number: sb.Append(Number(v.GetRawText())); break;
            case JsonValueKind.Array:
                sb.Append('[');
                var first = true;
                foreach (var item in v.EnumerateArray())
                {
                    if (!first) sb.Append(", ");
                    first = false;
                    Append(sb, item);
                }

                sb.Append(']');
                break;
            default:
                sb.Append('{');
                var firstMember = true;
                foreach (var (key, member) in JsonBody.Members(v))
                {
                    if (!firstMember) sb.Append(", ");
                    firstMember = false;
                    sb.Append(ReprString(key)).Append(": ");
                    Append(sb, member);
                }

                sb.Append('}');
                break;
        }
    }

    /// <summary>JSON numbers become Python int (no '.', 'e' or 'E') or float, printed as Python prints them.</summary>
    internal static string Number(string raw)
    {
        if (raw.IndexOfAny(['.', 'e', 'E']) < 0) return BigInteger.Parse(raw, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);
        var d = double.Parse(raw, CultureInfo.InvariantCulture);
        return double.IsInfinity(d) ? (d > 0 ? "inf" : "-inf") : Float(d);
    }

    // Python's float repr: shortest round-trip digits; fixed notation when -4 <= exponent < 16, else scientific.
    private static string Float(double d)
    {
        if (d == 0) return double.IsNegative(d) ? "-0.0" : "0.0";
        var shortest = d.ToString("R", CultureInfo.InvariantCulture);
        var negative = d < 0;
        var mantissa = shortest.TrimStart('-');
        var exponent = 0;
        var ePos = mantissa.IndexOfAny(['E', 'e']);
        if (ePos >= 0)
        {
            exponent = int.Parse(mantissa[(ePos + 1)..], CultureInfo.InvariantCulture);
            mantissa = mantissa[..ePos];
        }

        var dot = mantissa.IndexOf('.');
        var intPart = dot < 0 ? mantissa : mantissa[..dot];
        var fracPart = dot < 0 ? "" : mantissa[(dot + 1)..];
        var digits = (intPart + fracPart).TrimStart('0');
        var leadingZeros = (intPart + fracPart).Length - digits.Length;
        digits = digits.TrimEnd('0');
        // decpt: where the decimal point sits relative to the first significant digit.
        var decpt = intPart.Length + exponent - leadingZeros;

        string body;
        if (decpt > -4 && decpt <= 16)
        {
            if (decpt <= 0) body = "0." + new string('0', -decpt) + digits;
            else if (decpt >= digits.Length) body = digits + new string('0', decpt - digits.Length) + ".0";
            else body = digits[..decpt] + "." + digits[decpt..];
        }
        else
        {
            var exp = decpt - 1;
            var m = digits.Length == 1 ? digits : digits[0] + "." + digits[1..];
            body = m + "e" + (exp < 0 ? "-" : "+") + Math.Abs(exp).ToString("00", CultureInfo.InvariantCulture);
        }

        return negative ? "-" + body : body;
    }

    private static bool IsPrintable(Rune rune) => Rune.GetUnicodeCategory(rune) switch
    {
        UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse
            or UnicodeCategory.OtherNotAssigned or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
            or UnicodeCategory.SpaceSeparator => false,
        _ => true,
    };

    private static string EscapeRune(int c) => c switch
    {
        < 0x100 => "\\x" + c.ToString("x2", CultureInfo.InvariantCulture),
        < 0x10000 => "\\u" + c.ToString("x4", CultureInfo.InvariantCulture),
        _ => "\\U" + c.ToString("x8", CultureInfo.InvariantCulture),
    };
}
