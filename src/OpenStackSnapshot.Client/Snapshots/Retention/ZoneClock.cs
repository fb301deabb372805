using System;

namespace OpenStackSnapshot.Client.Snapshots.Retention
{
    /// <summary>
    /// A zone's wall clock and back, exactly as restic's Go runtime does it, so the keep-within spans end where restic's
    /// end even when a daylight-saving change skips or repeats the wall time they land on.
    /// </summary>
    internal static class ZoneClock
    {
        /// <summary>The zone's wall clock at an instant (a value of any Kind but Local is taken as UTC).</summary>
        internal static DateTime Wall(DateTime utc, TimeZoneInfo zone) => TimeZoneInfo.ConvertTimeFromUtc(AsUtc(utc), zone);

        /// <summary>
        /// The instant of a wall time, as Go's time.Date finds it: the offset in force at the wall time read as UTC, then
        /// the offset in force at the instant that gives. A skipped wall time falls after the change, a repeated one on its
        /// later occurrence, as in Go. Null at the very edges of the calendar.
        /// </summary>
        internal static DateTime? ToUtc(DateTime wall, TimeZoneInfo zone)
        {
            var asUtc = DateTime.SpecifyKind(wall, DateTimeKind.Utc);
            if (asUtc.Year < 2 || asUtc.Year > 9998) return null;
            var offset = zone.GetUtcOffset(asUtc - zone.GetUtcOffset(asUtc));
            return asUtc - offset;
        }

        /// <summary>
        /// Go's AddDate backwards on a wall clock: months beyond the year carry into years, and a day the month lacks runs on
        /// into the next (31 March less one month is 3 March), then the days are counted back. Null before the year 1.
        /// </summary>
        internal static DateTime? CalendarStepBack(DateTime wall, int years, int months, int days)
        {
            var monthIndex = (long)wall.Year * 12 + (wall.Month - 1) - (long)years * 12 - months;
            var year = monthIndex / 12;
            if (year < 1) return null;
            var firstOfMonth = new DateTime((int)year, (int)(monthIndex % 12) + 1, 1, 0, 0, 0, DateTimeKind.Unspecified);
            var dayOffset = (long)wall.Day - 1 - days;
            if (dayOffset < 0 && -dayOffset > (firstOfMonth - DateTime.MinValue).TotalDays) return null;
            return firstOfMonth.AddDays(dayOffset).Add(wall.TimeOfDay);
        }

        /// <summary>The models' times are UTC; an unmarked one (a user's own object) is taken as UTC, as the services mean it.</summary>
        internal static DateTime AsUtc(DateTime time) =>
            time.Kind == DateTimeKind.Local ? time.ToUniversalTime() : DateTime.SpecifyKind(time, DateTimeKind.Utc);
    }
}
