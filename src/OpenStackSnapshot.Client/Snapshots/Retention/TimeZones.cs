using System;
using TimeZoneConverter;

namespace OpenStackSnapshot.Client.Snapshots.Retention
{
    /// <summary>
    /// A time zone by its IANA id (Europe/Berlin) or its Windows id (W. Europe Standard Time), on every runtime the module
    /// runs on: Windows PowerShell's .NET Framework knows only Windows ids, .NET on Linux IANA ones unless ICU maps them.
    /// TimeZoneConverter carries the mapping, so the same runbook line works on both.
    /// </summary>
    public static class TimeZones
    {
        /// <summary>The zone, or null when the id is blank or known by neither name.</summary>
        public static TimeZoneInfo? Find(string? id)
        {
            if (string.IsNullOrWhiteSpace(id)) return null;
            return TZConvert.TryGetTimeZoneInfo(id!.Trim(), out var zone) ? zone : null;
        }

        /// <summary>Why the id names no zone, or null.</summary>
        public static string? Problem(string? id) => Find(id) != null ? null
            : $"'{id}' is not a time zone this machine knows: give an IANA id such as Europe/Berlin or Asia/Kolkata, "
              + "or a Windows id such as W. Europe Standard Time.";
    }
}
