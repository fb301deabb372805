using System;
using System.Globalization;
using System.Text;

namespace OpenStackSnapshot.Client.Snapshots.Retention
{
    /// <summary>
    /// How far back a keep-within rule reaches from the newest snapshot, as restic counts it: years, months and days are
    /// steps of the calendar in the policy's time zone (a day across a daylight-saving change is 23 or 25 hours), hours
    /// are elapsed hours. A TimeSpan gives days and hours only, so 90.00:00:00 is 90 calendar days, not three months.
    /// </summary>
    public sealed class RetentionSpan
    {
        public RetentionSpan(int years, int months, int days, int hours)
        {
            if (years < 0 || months < 0 || days < 0 || hours < 0)
                throw new ArgumentOutOfRangeException(nameof(years), "A retention span has no negative part.");
            Years = years;
            Months = months;
            Days = days;
            Hours = hours;
        }

        public int Years { get; }
        public int Months { get; }
        public int Days { get; }
        public int Hours { get; }

        public bool IsZero => Years == 0 && Months == 0 && Days == 0 && Hours == 0;

        /// <summary>Why a TimeSpan cannot be a retention span, or null: it must be positive and whole hours.</summary>
        public static string? Problem(TimeSpan span)
        {
            if (span <= TimeSpan.Zero)
                return $"The span {span} keeps nothing: give a positive span, such as 7.00:00:00 for seven days or 12:00:00 for twelve hours.";
            if (span.Ticks % TimeSpan.TicksPerHour != 0)
                return $"The span {span} has minutes or seconds: retention counts whole hours and calendar days, as restic does "
                    + $"(such as {WholeHours(span)}).";
            return null;
        }

        // The whole hours of the span to suggest; under an hour that would be zero, which is refused too, so one hour.
        private static TimeSpan WholeHours(TimeSpan span) =>
            span >= TimeSpan.FromHours(1) ? new TimeSpan(span.Days, span.Hours, 0, 0) : TimeSpan.FromHours(1);

        /// <summary>The days and hours of a span that <see cref="Problem"/> accepts.</summary>
        public static RetentionSpan FromTimeSpan(TimeSpan span)
        {
            var problem = Problem(span);
            if (problem != null) throw new ArgumentOutOfRangeException(nameof(span), problem);
            return new RetentionSpan(0, 0, span.Days, span.Hours);
        }

        /// <summary>restic's way of writing it, as its reasons show it: 1y2m3d4h, 7d, 12h.</summary>
        public override string ToString()
        {
            var text = new StringBuilder();
            Part(text, Years, 'y');
            Part(text, Months, 'm');
            Part(text, Days, 'd');
            Part(text, Hours, 'h');
            return text.ToString();
        }

        /// <summary>
        /// The instant this span before <paramref name="newestUtc"/> (calendar steps on the zone's wall clock, then elapsed
        /// hours); a snapshot is within the span when it is later than that. Null when it reaches before the calendar's start.
        /// </summary>
        internal DateTime? Before(DateTime newestUtc, TimeZoneInfo zone)
        {
            var wall = ZoneClock.CalendarStepBack(ZoneClock.Wall(newestUtc, zone), Years, Months, Days);
            if (wall == null) return null;
            var start = ZoneClock.ToUtc(wall.Value, zone);
            if (start == null || (start.Value - DateTime.MinValue).TotalHours <= Hours) return null;
            return start.Value.AddHours(-Hours);
        }

        private static void Part(StringBuilder text, int value, char unit)
        {
            if (value != 0) text.Append(value.ToString(CultureInfo.InvariantCulture)).Append(unit);
        }
    }
}
