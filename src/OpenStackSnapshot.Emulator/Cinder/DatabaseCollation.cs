using System.Globalization;
using System.Text;

namespace OpenStackSnapshot.Emulator.Cinder;

/// <summary>
/// Text equality as Cinder's database compares filter values: MariaDB's utf8mb3_general_ci, the default collation of
/// the utf8 database tests/real-openstack (and most MySQL-backed clouds) run. It ignores case and accents (é = E, ß = S,
/// not SS) and, being PAD SPACE, trailing blanks; leading blanks count. Seen on that real Cinder: name=mixedcäse and
/// name=MixedCase%20 find 'MixedCase', status=AVAILABLE finds available, {'env': 'PROD'} finds Env=Prod.
/// </summary>
internal static class DatabaseCollation
{
    /// <summary>Whether the database finds <paramref name="stored"/> by <paramref name="wanted"/>; a NULL column matches nothing.</summary>
    public static bool Equal(string? stored, string wanted) => stored is not null && Key(stored) == Key(wanted);

    // general_ci weighs a character as its base letter in upper case: drop the accents a decomposition shows.
    private static string Key(string text)
    {
        var key = new StringBuilder(text.Length);
        foreach (var c in text.TrimEnd(' ').Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            key.Append(c == 'ß' ? 'S' : char.ToUpperInvariant(c));
        }

        return key.ToString();
    }
}
