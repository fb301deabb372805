using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace OpenStackSnapshot.Output
{
    /// <summary>
    /// How the views (OpenStackSnapshot.Format.ps1xml) show times, ages and ids, one way in every view. Times are UTC
    /// with a Z: OpenStack keeps and answers UTC, runbook hosts mostly run in UTC, and a time read off one operator's
    /// screen then means the same on another's and in the services' logs; local time is one ToLocalTime() away.
    /// </summary>
    public static class Display
    {
        /// <summary>RFC 3339 / ISO 8601 in UTC, such as 2026-12-06 17:50:28Z; a local or unmarked value is converted first.</summary>
        public static string Time(DateTime? value) => value is DateTime time
            ? Utc(time).ToString("yyyy'-'MM'-'dd HH':'mm':'ss'Z'", CultureInfo.InvariantCulture)
            : string.Empty;

        /// <summary>
        /// A time on a zone's clock with its offset, such as 2026-12-06 22:00 +01:00: retention's buckets are that zone's
        /// hours and days, so its decisions are shown on that clock rather than in UTC.
        /// </summary>
        public static string ZoneTime(DateTimeOffset? value) =>
            value is DateTimeOffset time ? time.ToString("yyyy'-'MM'-'dd HH':'mm zzz", CultureInfo.InvariantCulture) : string.Empty;

        /// <summary>How long ago, in the largest unit that keeps two digits of sense: 45s, 12m, 5h, 3d (as kubectl's AGE).</summary>
        public static string Age(DateTime? value) => value is DateTime time ? Span(DateTime.UtcNow - Utc(time)) : string.Empty;

        /// <summary>A span as Age shows it; a time in the future (a clock ahead of the cloud's) counts as 0s.</summary>
        public static string Span(TimeSpan span)
        {
            if (span < TimeSpan.Zero) span = TimeSpan.Zero;
            if (span.TotalMinutes < 2) return ((int)span.TotalSeconds).ToString(CultureInfo.InvariantCulture) + "s";
            if (span.TotalHours < 2) return ((int)span.TotalMinutes).ToString(CultureInfo.InvariantCulture) + "m";
            if (span.TotalDays < 2) return ((int)span.TotalHours).ToString(CultureInfo.InvariantCulture) + "h";
            return ((int)span.TotalDays).ToString(CultureInfo.InvariantCulture) + "d";
        }

        /// <summary>The first 8 characters of an id, enough to tell ids apart at a glance (as a short git hash).</summary>
        public static string Short(string? id) => id == null ? string.Empty : id.Length <= 8 ? id : id.Substring(0, 8);

        /// <summary>The first server's short id, and "+N" for more: the table says attached or not, and where.</summary>
        public static string Servers(object? serverIds)
        {
            var ids = Flatten(serverIds).ToList();
            return ids.Count == 0
                ? string.Empty
                : Short(ids[0]) + (ids.Count > 1 ? "+" + (ids.Count - 1).ToString(CultureInfo.InvariantCulture) : string.Empty);
        }

        /// <summary>A few ids whole, or the first three and how many more: a run of 1,000 stays one line.</summary>
        public static string Ids(object? ids)
        {
            var all = Flatten(ids).ToList();
            return all.Count <= 5 ? string.Join(", ", all) : $"{string.Join(", ", all.Take(3))} and {all.Count - 3} more";
        }

        /// <summary>Repeated values once each with their count, in the order first seen: OSNotFound x3, OSTimeout.</summary>
        public static string Counted(object? values) => string.Join(", ",
            Flatten(values).GroupBy(v => v, StringComparer.Ordinal).Select(g => g.Count() == 1 ? g.Key : $"{g.Key} x{g.Count()}"));

        // A view's "$_.Attachments.ServerId" is null, one value or an array, as PowerShell's member enumeration gives it.
        private static IEnumerable<string> Flatten(object? value)
        {
            if (value is System.Management.Automation.PSObject wrapped) value = wrapped.BaseObject;
            if (value == null) yield break;
            if (value is string one) { yield return one; yield break; }
            if (!(value is IEnumerable many)) { yield return value.ToString(); yield break; }
            foreach (var item in many)
            {
                if (item != null) yield return item.ToString();
            }
        }

        // The models' times are UTC; an Unspecified one (a user's own object) is taken as UTC, as the services mean it.
        private static DateTime Utc(DateTime time) =>
            time.Kind == DateTimeKind.Local ? time.ToUniversalTime() : DateTime.SpecifyKind(time, DateTimeKind.Utc);
    }
}
