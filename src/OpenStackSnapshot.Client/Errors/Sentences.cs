using System.Text;

namespace OpenStackSnapshot.Client.Errors
{
    /// <summary>
    /// The one way messages are put together from sentences: each ends in a full stop unless it already ends in a
    /// mark of its own, so a note appended to a message never runs on ("Connection refused It was sent 10 times").
    /// </summary>
    public static class Sentences
    {
        private const string Marks = ".!?…";
        private const string Closers = ")]\"'’”";

        /// <summary>The parts that are not empty, trimmed and ended, separated by one space.</summary>
        public static string Join(params string?[] parts)
        {
            var text = new StringBuilder();
            foreach (var part in parts)
            {
                var sentence = part?.Trim();
                if (string.IsNullOrEmpty(sentence)) continue;
                if (text.Length > 0) text.Append(' ');
                text.Append(sentence);
                if (!IsEnded(sentence!)) text.Append('.');
            }
            return text.ToString();
        }

        /// <summary>Ends in . ! ? or …, perhaps inside closing quotes or brackets ("(see below.)").</summary>
        internal static bool IsEnded(string sentence)
        {
            var at = sentence.Length - 1;
            while (at > 0 && Closers.IndexOf(sentence[at]) >= 0) at--;
            return Marks.IndexOf(sentence[at]) >= 0;
        }
    }
}
