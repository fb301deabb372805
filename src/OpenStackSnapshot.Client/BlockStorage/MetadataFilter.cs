using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace OpenStackSnapshot.Client.BlockStorage
{
    /// <summary>Cinder's metadata filter (?metadata=...) for any of its listings.</summary>
    internal static class MetadataFilter
    {
        /// <summary>
        /// The pairs as a Python dict literal, which Cinder reads with ast.literal_eval: ' delimited strings with
        /// \ and ' escaped and control characters as \xNN; other text raw (a JSON \uD83D\uDE00 would stay two lone surrogates).
        /// </summary>
        public static string Literal(IReadOnlyDictionary<string, string> pairs) =>
            "{" + string.Join(", ", pairs.Select(p => PythonString(p.Key) + ": " + PythonString(p.Value))) + "}";

        private static string PythonString(string text)
        {
            var literal = new StringBuilder("'");
            foreach (var c in text)
            {
                if (c == '\\' || c == '\'') literal.Append('\\').Append(c);
                else if (c < ' ' || c == '\x7f') literal.Append("\\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
                else literal.Append(c);
            }
            return literal.Append('\'').ToString();
        }
    }
}
