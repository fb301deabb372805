using OpenStackSnapshot.Client.Models;
using OpenStackSnapshot.Client.Snapshots.Coverage;
using Xunit;

namespace OpenStackSnapshot.Client.Tests;

/// <summary>Get-OSSnapshotCoverage's decision (issue 23 part 5): per volume, its newest available snapshot and whether it is recent.</summary>
public class CoverageCheckTests
{
    private static readonly DateTime Now = new(2026, 12, 6, 22, 0, 0, DateTimeKind.Utc);
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);
    private const string A = "521752a6-acf6-4b2d-bc7a-119f9148cd8c";
    private const string B = "6f0f9a2e-3c4d-4e5f-8a6b-7c8d9e0f1a2b";
    private const string Server = "e1f2a3b4-c5d6-4e7f-8a9b-0c1d2e3f4a5b";

    private static Volume Vol(string id, string? name = null, params string[] servers) =>
        new(id, name ?? id[..4], null, "available", 10, "nova", null, Now.AddDays(-100), null,
            servers.Select((s, i) => new VolumeAttachment($"att-{i}", s, "/dev/vdb")).ToList(), projectId: "p-1");

    private static Snapshot Snap(string id, string volumeId, TimeSpan? ago, string status = "available") =>
        new(id, volumeId, "nightly", null, status, 10, ago is { } span ? Now - span : null);

    private static SnapshotCoverage One(IEnumerable<Snapshot> snapshots, TimeSpan? maxAge = null, Volume? volume = null) =>
        Assert.Single(CoverageCheck.Check(new[] { volume ?? Vol(A) }, snapshots, Now, maxAge ?? Day));

    [Fact]
    public void NewestAvailable_IsTheNewestByCreationTime_AndEveryAvailableOneCounts()
    {
        var c = One(new[] { Snap("s-old", A, TimeSpan.FromDays(3)), Snap("s-new", A, TimeSpan.FromHours(5)), Snap("s-mid", A, Day * 2) });

        Assert.Equal("s-new", c.NewestSnapshotId);
        Assert.Equal(Now.AddHours(-5), c.NewestCreatedAt);
        Assert.Equal(TimeSpan.FromHours(5), c.Age);
        Assert.Equal(3, c.SnapshotCount);
        Assert.True(c.Covered);
        Assert.Equal(Now, c.CheckedAt);
        Assert.Equal(Day, c.MaxAge);
    }

    [Theory]
    [InlineData("creating")]
    [InlineData("error")]
    [InlineData("error_deleting")]
    [InlineData("deleting")]
    [InlineData("backing-up")]
    public void OnlyAvailableSnapshotsCount(string status)
    {
        var c = One(new[] { Snap("s-fresh", A, TimeSpan.FromMinutes(5), status), Snap("s-old", A, Day * 3) });

        Assert.Equal("s-old", c.NewestSnapshotId);
        Assert.Equal(1, c.SnapshotCount);
        Assert.False(c.Covered);
    }

    [Fact]
    public void StatusIsComparedWithoutCase()
    {
        Assert.True(One(new[] { Snap("s-1", A, TimeSpan.FromHours(1), "Available") }).Covered);
    }

    [Fact]
    public void AVolumeWithNoSnapshot_IsNotCovered_WithNoNewestAndACountOfZero()
    {
        var c = One(new[] { Snap("s-other", B, TimeSpan.FromHours(1)) });

        Assert.False(c.Covered);
        Assert.Null(c.NewestSnapshotId);
        Assert.Null(c.NewestCreatedAt);
        Assert.Null(c.Age);
        Assert.Equal(0, c.SnapshotCount);
    }

    [Fact]
    public void ASnapshotOfUnknownTime_Counts_ButIsNoVolumesNewest()
    {
        var unknown = One(new[] { Snap("s-undated", A, null) });
        Assert.Equal(1, unknown.SnapshotCount);
        Assert.Null(unknown.NewestSnapshotId);
        Assert.False(unknown.Covered);

        var mixed = One(new[] { Snap("s-undated", A, null), Snap("s-dated", A, Day * 2) });
        Assert.Equal(2, mixed.SnapshotCount);
        Assert.Equal("s-dated", mixed.NewestSnapshotId);
        Assert.False(mixed.Covered);
    }

    [Fact]
    public void OfTwoCreatedAtTheSameTime_TheSmallerIdIsTheNewest_WhateverTheOrder()
    {
        var same = TimeSpan.FromHours(2);
        var forward = One(new[] { Snap("b-2", A, same), Snap("a-1", A, same) });
        var backward = One(new[] { Snap("a-1", A, same), Snap("b-2", A, same) });

        Assert.Equal("a-1", forward.NewestSnapshotId);
        Assert.Equal("a-1", backward.NewestSnapshotId);
    }

    [Fact]
    public void MaxAge_IsExclusive_YoungerThanItIsCovered_ExactlyItIsNot()
    {
        Assert.True(One(new[] { Snap("s-1", A, Day - TimeSpan.FromTicks(1)) }).Covered);
        Assert.False(One(new[] { Snap("s-1", A, Day) }).Covered);
        Assert.True(One(new[] { Snap("s-1", A, Day) }, maxAge: Day + TimeSpan.FromSeconds(1)).Covered);
    }

    [Fact]
    public void ASnapshotFromTheFuture_HasANegativeAge_AndCovers()
    {
        var c = One(new[] { Snap("s-1", A, TimeSpan.FromMinutes(-2)) });

        Assert.Equal(TimeSpan.FromMinutes(-2), c.Age);
        Assert.True(c.Covered);
    }

    [Fact]
    public void OneListingServesEveryVolume_InTheVolumesOrder_EachGivenOnce()
    {
        var volumes = new[] { Vol(B, "data-02"), Vol(A, "data-01"), Vol(A.ToUpperInvariant(), "again") };
        var snapshots = new[]
        {
            Snap("s-a", A.ToUpperInvariant(), TimeSpan.FromHours(1)), Snap("s-a", A, TimeSpan.FromHours(1)), // listed twice: counts once
            Snap("s-b", " " + B, TimeSpan.FromDays(2)),
        };

        var coverage = CoverageCheck.Check(volumes, snapshots, Now, Day);

        Assert.Equal(new[] { B, A }, coverage.Select(c => c.VolumeId));
        Assert.Equal(new[] { false, true }, coverage.Select(c => c.Covered));
        Assert.Equal(new[] { 1, 1 }, coverage.Select(c => c.SnapshotCount));
        Assert.Equal(new[] { "data-02", "data-01" }, coverage.Select(c => c.VolumeName));
    }

    [Fact]
    public void NamesTheServers_EachOnce_AndTheProject()
    {
        const string second = "0d1e2f3a-4b5c-4d6e-8f7a-9b0c1d2e3f4a";
        var c = One(Array.Empty<Snapshot>(), volume: Vol(A, "db-01", Server, second, Server));

        Assert.Equal(new[] { Server, second }, c.ServerIds);
        Assert.Equal("p-1", c.ProjectId);
        Assert.Empty(One(Array.Empty<Snapshot>()).ServerIds);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void AMaxAgeOfZeroOrLess_IsRefused(int hours)
    {
        Assert.Throws<ArgumentOutOfRangeException>(
            () => CoverageCheck.Check(new[] { Vol(A) }, Array.Empty<Snapshot>(), Now, TimeSpan.FromHours(hours)));
    }

    [Fact]
    public void TenThousandVolumes_FiftyThousandSnapshots_AreCheckedInOnePass()
    {
        var volumes = Enumerable.Range(0, 10_000).Select(i => Vol(Guid.NewGuid().ToString())).ToList();
        var snapshots = Enumerable.Range(0, 50_000)
            .Select(i => Snap($"s-{i}", volumes[i % 10_000].Id, TimeSpan.FromHours(i % 72), i % 10 == 0 ? "error" : "available")).ToList();

        var coverage = CoverageCheck.Check(volumes, snapshots, Now, Day);

        Assert.Equal(10_000, coverage.Count);
        Assert.Equal(45_000, coverage.Sum(c => c.SnapshotCount));
        Assert.All(coverage, c => Assert.Equal(c.Covered, c.Age < Day));
    }
}
