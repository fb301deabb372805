using System.Globalization;
using OpenStackSnapshot.Client.Models;
using OpenStackSnapshot.Client.Snapshots.Retention;
using Xunit;
using OpenStackSnapshot.Client.Snapshots;

namespace OpenStackSnapshot.Client.Tests.Retention;

/// <summary>The calendar rules, as restic's forget applies them: each rule on its own, the oldest kept while a rule has room.</summary>
public class RetentionRulesTests
{
    private const string Volume = "521752a6-acf6-4b2d-bc7a-119f9148cd8c";
    private static readonly TimeZoneInfo Utc = TimeZoneInfo.Utc;
    private static readonly TimeZoneInfo Berlin = TimeZones.Find("Europe/Berlin")!;
    private static readonly TimeZoneInfo Kolkata = TimeZones.Find("Asia/Kolkata")!;

    /// <summary>Snapshots named by their UTC time ("2026-03-29 10:00"), ids in that order.</summary>
    private static Snapshot[] Snaps(params string[] utc) => utc.Select((t, i) => Snap($"s{i}", t)).ToArray();

    private static Snapshot Snap(string id, string utc, string status = SnapshotStatus.Available) =>
        new(id, Volume, id, null, status, 1, utc.Length == 0 ? null : Time(utc));

    private static DateTime Time(string utc) =>
        DateTime.ParseExact(utc, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

    private static VolumeRetention Decide(RetentionPolicy policy, IEnumerable<Snapshot> snapshots, TimeZoneInfo? zone = null,
        string now = "2030-01-01 00:00") =>
        Assert.Single(SnapshotRetention.Decide(snapshots, policy, zone ?? Utc, Time(now)));

    /// <summary>"id: reasons" of every decision, newest first; "-" for a removal.</summary>
    private static string[] Said(VolumeRetention volume) => volume.Decisions
        .Select(d => d.Action == RetentionAction.Keep ? $"{d.Snapshot.Id}: {string.Join(", ", d.Reasons)}" : $"{d.Snapshot.Id}: -")
        .ToArray();

    private static RetentionSpan Days(int days, int hours = 0) => new(0, 0, days, hours);

    [Fact]
    public void KeepNewestIsResticsKeepLast()
    {
        var volume = Decide(new RetentionPolicy { Last = 2 }, Snaps("2026-01-01 10:00", "2026-01-02 10:00", "2026-01-03 10:00"));

        Assert.Equal(new[] { "s2: last snapshot", "s1: last snapshot", "s0: -" }, Said(volume));
    }

    [Fact]
    public void ADayKeepsItsNewestSnapshotAndTheCountIsOfDays()
    {
        var volume = Decide(new RetentionPolicy { Daily = 2 },
            Snaps("2026-01-01 08:00", "2026-01-01 20:00", "2026-01-02 08:00", "2026-01-03 08:00", "2026-01-03 09:00"));

        Assert.Equal(new[] { "s4: daily snapshot", "s3: -", "s2: daily snapshot", "s1: -", "s0: -" }, Said(volume));
    }

    [Fact]
    public void ARuleWithRoomLeftAtTheEndKeepsTheOldestSnapshotToo()
    {
        var volume = Decide(new RetentionPolicy { Daily = 5 }, Snaps("2026-01-01 08:00", "2026-01-01 20:00", "2026-01-02 08:00"));

        Assert.Equal(new[] { "s2: daily snapshot", "s1: daily snapshot", "s0: oldest daily snapshot" }, Said(volume));
    }

    [Fact]
    public void ARuleWhoseCountIsSpentDoesNotKeepTheOldest()
    {
        var volume = Decide(new RetentionPolicy { Daily = 2 }, Snaps("2026-01-01 08:00", "2026-01-01 20:00", "2026-01-02 08:00"));

        Assert.Equal(new[] { "s2: daily snapshot", "s1: daily snapshot", "s0: -" }, Said(volume));
    }

    [Fact]
    public void EachRuleCountsOnItsOwnAndOneSnapshotMayFillSeveral()
    {
        var policy = new RetentionPolicy { Last = 1, Daily = 2, Weekly = 1, Monthly = 1, Yearly = 1 };

        var volume = Decide(policy, Snaps("2025-12-20 10:00", "2026-01-04 10:00", "2026-01-05 10:00", "2026-01-05 11:00"));

        Assert.Equal(new[]
        {
            "s3: last snapshot, daily snapshot, weekly snapshot, monthly snapshot, yearly snapshot",
            "s2: -",
            "s1: daily snapshot",
            "s0: -",
        }, Said(volume));
    }

    [Fact]
    public void WeeksAreIsoWeeksFromMondayNumberedByTheYearOfTheirThursday()
    {
        // Sunday 2026-12-27 ends week 52; Thursday 2026-12-31 and Friday 2027-01-01 are both in 2026's week 53.
        var volume = Decide(new RetentionPolicy { Weekly = 2 }, Snaps("2026-12-27 10:00", "2026-12-31 10:00", "2027-01-01 10:00"));

        Assert.Equal(new[] { "s2: weekly snapshot", "s1: -", "s0: weekly snapshot" }, Said(volume));
    }

    [Fact]
    public void MonthsAndYearsKeepTheirNewest()
    {
        var volume = Decide(new RetentionPolicy { Monthly = 2, Yearly = 2 },
            Snaps("2025-11-30 10:00", "2025-12-01 10:00", "2025-12-31 10:00", "2026-01-01 10:00"));

        Assert.Equal(new[] { "s3: monthly snapshot, yearly snapshot", "s2: monthly snapshot, yearly snapshot", "s1: -", "s0: -" },
            Said(volume));
    }

    [Fact]
    public void HoursAreThoseOfTheZoneSoAHalfHourOffsetMovesThem()
    {
        // 03:20, 03:40 and 04:20 UTC are 08:50, 09:10 and 09:50 in Kolkata (+05:30).
        var snapshots = Snaps("2026-06-01 03:20", "2026-06-01 03:40", "2026-06-01 04:20");

        Assert.Equal(new[] { "s2: hourly snapshot", "s1: -", "s0: hourly snapshot" },
            Said(Decide(new RetentionPolicy { Hourly = 5 }, snapshots, Kolkata)));
        Assert.Equal(new[] { "s2: hourly snapshot", "s1: hourly snapshot", "s0: oldest hourly snapshot" },
            Said(Decide(new RetentionPolicy { Hourly = 5 }, snapshots, Utc)));
    }

    [Fact]
    public void DaysAreThoseOfTheZone()
    {
        // 23:30 UTC on the 1st is already the 2nd in Berlin, so in Berlin the two snapshots share a day.
        var snapshots = Snaps("2026-06-01 23:30", "2026-06-02 06:00");

        Assert.Equal(new[] { "s1: daily snapshot", "s0: oldest daily snapshot" },
            Said(Decide(new RetentionPolicy { Daily = 2 }, snapshots, Berlin)));
        Assert.Equal(new[] { "s1: daily snapshot", "s0: daily snapshot" }, Said(Decide(new RetentionPolicy { Daily = 2 }, snapshots, Utc)));
    }

    [Fact]
    public void TheHourRepeatedWhenClocksGoBackIsOneBucket()
    {
        // Berlin, 2026-10-25: 02:00-03:00 happens twice (00:00-01:00 UTC in summer time, 01:00-02:00 UTC in winter time).
        var volume = Decide(new RetentionPolicy { Hourly = 1 }, Snaps("2026-10-25 00:10", "2026-10-25 00:30", "2026-10-25 01:30"), Berlin);

        Assert.Equal(new[] { "s2: hourly snapshot", "s1: -", "s0: -" }, Said(volume));
        Assert.Equal("+01:00", volume.Decisions[0].ZoneTime!.Value.ToString("zzz", CultureInfo.InvariantCulture));
        Assert.Equal("+02:00", volume.Decisions[1].ZoneTime!.Value.ToString("zzz", CultureInfo.InvariantCulture));
    }

    [Fact]
    public void ADayOfASpanIsACalendarDaySo23HoursWhenClocksGoForward()
    {
        // Newest: 2026-03-29 12:00 in Berlin (10:00 UTC, summer time); one day back is 2026-03-28 12:00 (11:00 UTC, winter time).
        var snapshots = Snaps("2026-03-28 10:30", "2026-03-28 11:30", "2026-03-29 10:00");

        var policy = new RetentionPolicy { Within = Days(1) };

        Assert.Equal(new[] { "s2: within 1d", "s1: within 1d", "s0: -" }, Said(Decide(policy, snapshots, Berlin)));
        Assert.Equal(new[] { "s2: within 1d", "s1: within 1d", "s0: within 1d" }, Said(Decide(policy, snapshots, Utc)));
    }

    [Fact]
    public void ASpanIsCountedBackFromTheNewestSnapshotNotFromNowAndItsStartIsNotWithin()
    {
        var volume = Decide(new RetentionPolicy { Within = Days(2, 3) },
            Snaps("2020-01-01 06:59", "2020-01-01 07:00", "2020-01-01 07:01", "2020-01-03 10:00"), now: "2026-01-01 00:00");

        Assert.Equal(new[] { "s3: within 2d3h", "s2: within 2d3h", "s1: -", "s0: -" }, Said(volume));
    }

    [Fact]
    public void ASpanBucketRuleKeepsEachBucketsNewestWithinTheSpanAndItsOldestWhenTheListEndsThere()
    {
        var snapshots = Snaps("2026-01-01 08:00", "2026-01-02 08:00", "2026-01-02 20:00", "2026-01-03 08:00", "2026-01-03 09:00");

        Assert.Equal(new[] { "s4: daily within 1d", "s3: -", "s2: daily within 1d", "s1: -", "s0: -" },
            Said(Decide(new RetentionPolicy { WithinDaily = Days(1) }, snapshots)));
        Assert.Equal(new[] { "s1: daily within 9d", "s0: oldest daily within 9d" },
            Said(Decide(new RetentionPolicy { WithinDaily = Days(9) }, Snaps("2026-01-02 08:00", "2026-01-02 20:00"))));
    }

    [Fact]
    public void ASnapshotDatedInTheFutureDoesNotMoveTheSpans()
    {
        // A clock ahead of the cloud's: the newest snapshot before now is the one the span counts back from.
        var volume = Decide(new RetentionPolicy { Within = Days(2) },
            Snaps("2026-01-01 00:00", "2026-01-03 00:00", "2026-01-04 12:00"), now: "2026-01-03 06:00");

        Assert.Equal(new[] { "s2: within 2d", "s1: within 2d", "s0: -" }, Said(volume));
    }

    [Fact]
    public void TheSpanCountsBackFromTheNewestAvailableSnapshotNotAnErrorOne()
    {
        var snapshots = Snaps("2026-01-01 01:00", "2026-01-02 00:00").Append(Snap("e", "2026-01-10 00:00", SnapshotStatus.Error));

        var volume = Decide(new RetentionPolicy { Within = Days(1) }, snapshots);

        Assert.Equal(new[] { "e: -", "s1: within 1d", "s0: within 1d" }, Said(volume));
        Assert.Equal(new[] { "status error" }, volume.Decisions[0].Reasons);
    }

    [Fact]
    public void EveryDecisionSaysWhy()
    {
        var snapshots = new[]
        {
            Snap("kept", "2026-01-03 00:00"), Snap("old", "2026-01-02 00:00"), Snap("failed", "2026-01-02 12:00", SnapshotStatus.Error),
            Snap("busy", "2026-01-04 00:00", SnapshotStatus.Creating), Snap("undated", ""),
        };

        var volume = Decide(new RetentionPolicy { Last = 1 }, snapshots);

        Assert.Equal(new[]
        {
            "Leave busy: status creating", "Keep kept: last snapshot", "Remove failed: status error", "Remove old: matches no rule",
            "Leave undated: no creation time",
        }, volume.Decisions.Select(d => $"{d.Action} {d.Snapshot.Id}: {string.Join(", ", d.Reasons)}"));
    }

    [Fact]
    public void SnapshotsOfTheSameTimeAreTakenInIdOrder()
    {
        var volume = Decide(new RetentionPolicy { Last = 1 }, new[] { Snap("b", "2026-01-01 00:00"), Snap("a", "2026-01-01 00:00") });

        Assert.Equal(new[] { "a: last snapshot", "b: -" }, Said(volume));
    }

    [Fact]
    public void KeepingNothingRemovesEveryAvailableSnapshot()
    {
        var volume = Decide(new RetentionPolicy(), Snaps("2026-01-01 00:00", "2026-01-02 00:00"));

        Assert.All(volume.Decisions, d => Assert.Equal(new[] { RetentionDecision.NoRule }, d.Reasons));
        Assert.Equal(2, volume.Removed.Count);
    }

    [Fact]
    public void MonthsOfASpanStepAsGosCalendarDoes()
    {
        // One month before 31 March is "31 February", which Go's calendar (and so restic) reads as 3 March.
        var volume = Decide(new RetentionPolicy { Within = new RetentionSpan(0, 1, 0, 0) },
            Snaps("2026-03-02 23:00", "2026-03-03 00:00", "2026-03-03 00:01", "2026-03-31 00:00"));

        Assert.Equal(new[] { "s3: within 1m", "s2: within 1m", "s1: -", "s0: -" }, Said(volume));
    }

    [Theory]
    [InlineData(-1, "The last count -1 is negative: give 0 or more.")]
    [InlineData(-5, "The last count -5 is negative: give 0 or more.")]
    public void ANegativeCountIsRefused(int count, string message)
    {
        var policy = new RetentionPolicy { Last = count };

        Assert.Equal(new[] { message }, policy.Problems());
        Assert.Throws<ArgumentOutOfRangeException>(() => SnapshotRetention.Decide(Array.Empty<Snapshot>(), policy, Utc));
    }

    [Fact]
    public void AZeroSpanIsRefused()
    {
        var policy = new RetentionPolicy { Daily = -1, WithinWeekly = Days(0) };

        Assert.Equal(new[]
        {
            "The daily count -1 is negative: give 0 or more.", "The weekly within span is zero and would keep nothing: leave it out.",
        }, policy.Problems());
    }

    [Fact]
    public void APolicySaysItselfInTheWordsOfTheReasons()
    {
        Assert.Equal("keep last 2, daily 7, within 1d, daily within 30d",
            new RetentionPolicy { Last = 2, Daily = 7, Within = Days(1), WithinDaily = Days(30) }.ToString());
        Assert.Equal("keep none", new RetentionPolicy().ToString());
        Assert.True(new RetentionPolicy().IsEmpty);
        Assert.False(new RetentionPolicy { WithinYearly = Days(0, 1) }.IsEmpty);
    }

    [Fact]
    public void ADecisionSaysItselfOnOneLineWithTheTimeOfTheZone()
    {
        var volume = Decide(new RetentionPolicy { Daily = 1 }, new[] { Snap("s0", "2026-06-01 03:40") }, Kolkata);

        Assert.Equal("Keep snapshot s0 's0' (2026-06-01 09:10 +05:30): daily snapshot", volume.Decisions[0].ToString());
    }
}
