using System;

namespace OpenStackSnapshot.Client.Snapshots.Retention
{
    /// <summary>
    /// The calendar buckets of a wall-clock time in the policy's zone, each a number that changes exactly when the bucket
    /// does (2026120617 for an hour, 202649 for ISO week 49 of 2026): a bucket keeps its newest snapshot.
    /// </summary>
    internal static class RetentionBuckets
    {
        internal static long Hour(DateTime wall) => Day(wall) * 100 + wall.Hour;

        internal static long Day(DateTime wall) => Month(wall) * 100 + wall.Day;

        /// <summary>The ISO 8601 week: Monday to Sunday, numbered in the year that holds its Thursday (so 2027-01-01 is 2026's 53rd).</summary>
        internal static long Week(DateTime wall)
        {
            var sinceMonday = ((int)wall.DayOfWeek + 6) % 7;
            var thursday = wall.Date.AddDays(3 - sinceMonday);
            return (long)thursday.Year * 100 + (thursday.DayOfYear - 1) / 7 + 1;
        }

        internal static long Month(DateTime wall) => Year(wall) * 100 + wall.Month;

        internal static long Year(DateTime wall) => wall.Year;
    }
}
