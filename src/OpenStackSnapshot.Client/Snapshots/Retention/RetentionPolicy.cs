using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace OpenStackSnapshot.Client.Snapshots.Retention
{
    /// <summary>
    /// What to keep of each volume's snapshots, restic's forget policy: counts of the newest snapshots (Last) and of
    /// hourly, daily, weekly, monthly and yearly buckets, and spans back from the newest snapshot within which every
    /// snapshot (Within) or every bucket's newest (WithinHourly, ...) is kept. Each rule counts on its own.
    /// </summary>
    public sealed class RetentionPolicy
    {
        public int Last { get; set; }
        public int Hourly { get; set; }
        public int Daily { get; set; }
        public int Weekly { get; set; }
        public int Monthly { get; set; }
        public int Yearly { get; set; }
        public RetentionSpan? Within { get; set; }
        public RetentionSpan? WithinHourly { get; set; }
        public RetentionSpan? WithinDaily { get; set; }
        public RetentionSpan? WithinWeekly { get; set; }
        public RetentionSpan? WithinMonthly { get; set; }
        public RetentionSpan? WithinYearly { get; set; }

        /// <summary>Nothing to keep: every counted snapshot goes.</summary>
        public bool IsEmpty => Counts().All(c => c.Count == 0) && Spans().All(s => s.Span == null || s.Span.IsZero);

        /// <summary>What is wrong with this policy, one sentence each; empty when it can be applied.</summary>
        public IReadOnlyList<string> Problems() =>
            Counts().Where(c => c.Count < 0).Select(c => $"The {c.Rule} count {c.Count} is negative: give 0 or more.")
                .Concat(Spans().Where(s => s.Span != null && s.Span.IsZero)
                    .Select(s => $"The {s.Rule} span is zero and would keep nothing: leave it out."))
                .ToList();

        /// <summary>One line for a log, in the words of the reasons: "keep last 2, daily 7, daily within 30d".</summary>
        public override string ToString()
        {
            var parts = Counts().Where(c => c.Count > 0).Select(c => $"{c.Rule} {c.Count.ToString(CultureInfo.InvariantCulture)}")
                .Concat(Spans().Where(s => s.Span != null && !s.Span.IsZero).Select(s => $"{s.Rule} {s.Span}"))
                .ToList();
            return parts.Count == 0 ? "keep none" : "keep " + string.Join(", ", parts);
        }

        private IEnumerable<(string Rule, int Count)> Counts()
        {
            yield return ("last", Last);
            yield return ("hourly", Hourly);
            yield return ("daily", Daily);
            yield return ("weekly", Weekly);
            yield return ("monthly", Monthly);
            yield return ("yearly", Yearly);
        }

        private IEnumerable<(string Rule, RetentionSpan? Span)> Spans()
        {
            yield return ("within", Within);
            yield return ("hourly within", WithinHourly);
            yield return ("daily within", WithinDaily);
            yield return ("weekly within", WithinWeekly);
            yield return ("monthly within", WithinMonthly);
            yield return ("yearly within", WithinYearly);
        }
    }
}
