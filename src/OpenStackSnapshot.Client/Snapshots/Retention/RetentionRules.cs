using System;
using System.Collections.Generic;
using System.Linq;

namespace OpenStackSnapshot.Client.Snapshots.Retention
{
    /// <summary>
    /// restic's forget policy over one group's snapshot times, newest first: why each is kept (no reason: it goes).
    /// Walking from the newest, a bucket rule keeps a snapshot whose bucket differs from the last one it kept, while its
    /// count lasts; a rule that still has room at the oldest snapshot keeps that one too ("oldest daily snapshot"), so
    /// the history kept reaches as far back as the counts allow. The spans end their length before the newest snapshot
    /// that is not in the future; a span rule applies to the snapshots after that.
    /// </summary>
    internal static class RetentionRules
    {
        internal static IReadOnlyList<string>[] Apply(IReadOnlyList<DateTime> newestFirst, RetentionPolicy policy, TimeZoneInfo zone,
            DateTime nowUtc)
        {
            var newest = Newest(newestFirst, nowUtc);
            var everything = Active(policy.Within) ? policy.Within : null;
            var since = everything == null ? null : Start(everything, newest, zone);
            var counted = Counted(policy).Where(r => r.Remaining > 0).ToList();
            var spanned = Spanned(policy, newest, zone).ToList();
            var reasons = new IReadOnlyList<string>[newestFirst.Count];
            for (var i = 0; i < newestFirst.Count; i++)
            {
                var time = ZoneClock.AsUtc(newestFirst[i]);
                var wall = ZoneClock.Wall(time, zone);
                var oldest = i == newestFirst.Count - 1;
                var why = new List<string>();
                if (everything != null && After(time, since)) why.Add($"within {everything}");
                foreach (var rule in counted) rule.Judge(wall, i, oldest, why);
                foreach (var rule in spanned.Where(r => After(time, r.Since))) rule.Judge(wall, i, oldest, why);
                reasons[i] = why;
            }
            return reasons;
        }

        /// <summary>The newest time before now: a snapshot dated ahead by a wrong clock does not move the spans.</summary>
        private static DateTime? Newest(IEnumerable<DateTime> times, DateTime nowUtc)
        {
            DateTime? newest = null;
            foreach (var time in times.Select(ZoneClock.AsUtc))
            {
                if (time < ZoneClock.AsUtc(nowUtc) && (newest == null || time > newest)) newest = time;
            }
            return newest;
        }

        // With no newest snapshot, or a span longer than the calendar, every snapshot is within it.
        private static DateTime? Start(RetentionSpan span, DateTime? newest, TimeZoneInfo zone) =>
            newest == null ? null : span.Before(newest.Value, zone);

        private static bool After(DateTime time, DateTime? start) => start == null || time > start.Value;

        private static bool Active(RetentionSpan? span) => span != null && !span.IsZero;

        private static IEnumerable<BucketRule> Counted(RetentionPolicy policy)
        {
            yield return new BucketRule("last snapshot", (_, index) => index, policy.Last, null);
            yield return new BucketRule("hourly snapshot", (wall, _) => RetentionBuckets.Hour(wall), policy.Hourly, null);
            yield return new BucketRule("daily snapshot", (wall, _) => RetentionBuckets.Day(wall), policy.Daily, null);
            yield return new BucketRule("weekly snapshot", (wall, _) => RetentionBuckets.Week(wall), policy.Weekly, null);
            yield return new BucketRule("monthly snapshot", (wall, _) => RetentionBuckets.Month(wall), policy.Monthly, null);
            yield return new BucketRule("yearly snapshot", (wall, _) => RetentionBuckets.Year(wall), policy.Yearly, null);
        }

        private static IEnumerable<BucketRule> Spanned(RetentionPolicy policy, DateTime? newest, TimeZoneInfo zone)
        {
            var rules = new (string Name, RetentionSpan? Span, Func<DateTime, long> Bucket)[]
            {
                ("hourly", policy.WithinHourly, RetentionBuckets.Hour),
                ("daily", policy.WithinDaily, RetentionBuckets.Day),
                ("weekly", policy.WithinWeekly, RetentionBuckets.Week),
                ("monthly", policy.WithinMonthly, RetentionBuckets.Month),
                ("yearly", policy.WithinYearly, RetentionBuckets.Year),
            };
            foreach (var (name, span, bucket) in rules.Where(r => Active(r.Span)))
                yield return new BucketRule($"{name} within {span}", (wall, _) => bucket(wall), int.MaxValue, Start(span!, newest, zone));
        }

        /// <summary>One rule's walk: the bucket it kept last and, for a count, how many it may still keep.</summary>
        private sealed class BucketRule
        {
            private readonly string _reason;
            private readonly Func<DateTime, int, long> _bucket;
            private long? _lastKept;

            internal BucketRule(string reason, Func<DateTime, int, long> bucket, int count, DateTime? since)
            {
                _reason = reason;
                _bucket = bucket;
                Remaining = count;
                Since = since;
            }

            internal int Remaining { get; private set; }

            /// <summary>A span rule's start: it judges only the snapshots after it (null: all of them).</summary>
            internal DateTime? Since { get; }

            internal void Judge(DateTime wall, int index, bool oldest, List<string> why)
            {
                if (Remaining <= 0) return;
                var bucket = _bucket(wall, index);
                var sameBucket = bucket == _lastKept;
                if (sameBucket && !oldest) return;
                why.Add(sameBucket ? "oldest " + _reason : _reason);
                _lastKept = bucket;
                Remaining--;
            }
        }
    }
}
