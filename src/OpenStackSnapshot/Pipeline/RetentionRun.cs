using System;
using System.Collections.Generic;
using System.Linq;
using OpenStackSnapshot.Client.Models;
using OpenStackSnapshot.Client.Snapshots.Retention;

namespace OpenStackSnapshot.Pipeline
{
    /// <summary>The keep parameters Remove-OSSnapshot and Get-OSSnapshotRetention share, by the same names.</summary>
    internal interface IRetentionParameters
    {
        int? KeepNewest { get; }
        int? KeepHourly { get; }
        int? KeepDaily { get; }
        int? KeepWeekly { get; }
        int? KeepMonthly { get; }
        int? KeepYearly { get; }
        TimeSpan? KeepWithin { get; }
        TimeSpan? KeepWithinHourly { get; }
        TimeSpan? KeepWithinDaily { get; }
        TimeSpan? KeepWithinWeekly { get; }
        TimeSpan? KeepWithinMonthly { get; }
        TimeSpan? KeepWithinYearly { get; }
        TimeZoneInfo? TimeZone { get; }
    }

    /// <summary>
    /// One retention decision over a whole pipeline: the snapshots are collected, since which are a volume's newest is
    /// known only once all are in, then decided together, each decision and its reasons said in the verbose stream.
    /// </summary>
    internal sealed class RetentionRun
    {
        private readonly List<Snapshot> _collected = new List<Snapshot>();
        private readonly RetentionPolicy _policy;
        private readonly TimeZoneInfo _zone;
        private readonly Action<string> _verbose;

        /// <summary>The policy of the keep parameters given (none: keep nothing), its buckets in -TimeZone or the local zone.</summary>
        public RetentionRun(IRetentionParameters p, Action<string> verbose)
        {
            _policy = new RetentionPolicy
            {
                Last = p.KeepNewest ?? 0, Hourly = p.KeepHourly ?? 0, Daily = p.KeepDaily ?? 0, Weekly = p.KeepWeekly ?? 0,
                Monthly = p.KeepMonthly ?? 0, Yearly = p.KeepYearly ?? 0,
                Within = Span(p.KeepWithin), WithinHourly = Span(p.KeepWithinHourly), WithinDaily = Span(p.KeepWithinDaily),
                WithinWeekly = Span(p.KeepWithinWeekly), WithinMonthly = Span(p.KeepWithinMonthly), WithinYearly = Span(p.KeepWithinYearly),
            };
            _zone = p.TimeZone ?? TimeZoneInfo.Local;
            _verbose = verbose;
        }

        /// <summary>Whether any keep parameter was given (0 too): only then is Remove-OSSnapshot's input a retention policy.</summary>
        public static bool Requested(IRetentionParameters p) =>
            new object?[]
            {
                p.KeepNewest, p.KeepHourly, p.KeepDaily, p.KeepWeekly, p.KeepMonthly, p.KeepYearly,
                p.KeepWithin, p.KeepWithinHourly, p.KeepWithinDaily, p.KeepWithinWeekly, p.KeepWithinMonthly, p.KeepWithinYearly,
            }.Any(value => value != null);

        public void Add(IEnumerable<Snapshot> snapshots) => _collected.AddRange(snapshots);

        /// <summary>Every volume's decisions; the verbose stream gets the policy, a line per volume and one per snapshot.</summary>
        public IReadOnlyList<VolumeRetention> Decide()
        {
            _verbose($"Retention: {_policy} per volume, in time zone {_zone.Id}.");
            var volumes = SnapshotRetention.Decide(_collected, _policy, _zone);
            foreach (var volume in volumes)
            {
                _verbose(volume.Describe());
                foreach (var decision in volume.Decisions) _verbose(decision.ToString());
            }
            return volumes;
        }

        private static RetentionSpan? Span(TimeSpan? span) => span is TimeSpan given ? RetentionSpan.FromTimeSpan(given) : null;
    }
}
