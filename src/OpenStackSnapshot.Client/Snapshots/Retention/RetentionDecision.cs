using System;
using System.Collections.Generic;
using System.Globalization;
using OpenStackSnapshot.Client.Models;

namespace OpenStackSnapshot.Client.Snapshots.Retention
{
    /// <summary>
    /// One snapshot's fate under a retention policy and why: the rules that keep it, in restic's words ("daily snapshot",
    /// "oldest monthly snapshot", "within 7d", "daily within 30d"), or why it goes or stays untouched.
    /// </summary>
    public sealed class RetentionDecision
    {
        /// <summary>The reason of an available snapshot that no rule keeps.</summary>
        public const string NoRule = "matches no rule";
        /// <summary>The reason of an available snapshot whose creation time is unknown, so no rule can judge it.</summary>
        public const string NoTime = "no creation time";
        private const string TimeFormat = "yyyy'-'MM'-'dd HH':'mm zzz";

        internal RetentionDecision(Snapshot snapshot, string volumeId, RetentionAction action, IReadOnlyList<string> reasons,
            TimeZoneInfo zone)
        {
            Snapshot = snapshot;
            VolumeId = volumeId;
            Action = action;
            Reasons = reasons;
            if (snapshot.CreatedAt is DateTime created)
            {
                var utc = ZoneClock.AsUtc(created);
                ZoneTime = new DateTimeOffset(ZoneClock.Wall(utc, zone).Ticks, zone.GetUtcOffset(utc));
            }
        }

        public RetentionAction Action { get; }
        public IReadOnlyList<string> Reasons { get; }
        /// <summary>The volume the snapshot was judged with (its snapshots are one group).</summary>
        public string VolumeId { get; }
        /// <summary>The creation time on the policy zone's clock, whose hours, days, weeks, months and years are the buckets.</summary>
        public DateTimeOffset? ZoneTime { get; }
        /// <summary>The snapshot judged. Not an Id property, so a decision piped on cannot bind to a removal by mistake.</summary>
        public Snapshot Snapshot { get; }

        /// <summary>One line for a log: "Keep snapshot 3f5c37bd-... 'nightly-1' (2026-12-06 22:00 +01:00): daily snapshot".</summary>
        public override string ToString()
        {
            var name = Snapshot.Name != null ? $" '{Snapshot.Name}'" : string.Empty;
            var time = ZoneTime is DateTimeOffset at ? $" ({at.ToString(TimeFormat, CultureInfo.InvariantCulture)})" : string.Empty;
            return $"{Action} snapshot {Snapshot.Id}{name}{time}: {string.Join(", ", Reasons)}";
        }
    }
}
