using OpenStackSnapshot.Client.Models;
using OpenStackSnapshot.Client.Snapshots.Retention;
using Xunit;
using OpenStackSnapshot.Client.Snapshots;

namespace OpenStackSnapshot.Client.Tests;

/// <summary>Retention by -KeepNewest alone (restic's keep-last): which snapshots of each volume stay and which go, by status.</summary>
public class RetentionTests
{
    private const string VolumeA = "521752a6-acf6-4b2d-bc7a-119f9148cd8c";
    private const string VolumeB = "6f0f9a2e-3c4d-4e5f-8a6b-7c8d9e0f1a2b";
    private static readonly DateTime Day1 = new(2026, 12, 1, 22, 0, 0, DateTimeKind.Utc);

    private static Snapshot Snap(string id, string volume, int day, string status = SnapshotStatus.Available, string? name = null) =>
        new(id, volume, name ?? $"nightly-{day}", null, status, 1, day == 0 ? null : Day1.AddDays(day - 1));

    private static string Ids(IEnumerable<Snapshot> snapshots) => string.Join(",", snapshots.Select(s => s.Id));

    private static IReadOnlyList<VolumeRetention> Decide(IEnumerable<Snapshot> snapshots, int keepNewest) =>
        SnapshotRetention.Decide(snapshots, new RetentionPolicy { Last = keepNewest }, TimeZoneInfo.Utc);

    [Fact]
    public void KeepsTheNewestAvailableAndRemovesTheRestNewestFirst()
    {
        var input = new[] { Snap("a1", VolumeA, 1), Snap("a3", VolumeA, 3), Snap("a2", VolumeA, 2), Snap("a4", VolumeA, 4) };

        var only = Assert.Single(Decide(input, 2));

        Assert.Equal(VolumeA, only.VolumeId);
        Assert.Equal("a4,a3", Ids(only.Kept));
        Assert.Equal("a2,a1", Ids(only.Removed));
        Assert.Empty(only.Left);
    }

    [Fact]
    public void DecidesEachVolumeOnItsOwnInTheOrderTheyFirstAppear()
    {
        var input = new[] { Snap("b1", VolumeB, 1), Snap("a1", VolumeA, 1), Snap("b2", VolumeB, 2), Snap("a2", VolumeA, 2) };

        var decisions = Decide(input, 1);

        Assert.Equal(new[] { VolumeB, VolumeA }, decisions.Select(d => d.VolumeId));
        Assert.Equal("b2", Ids(decisions[0].Kept));
        Assert.Equal("b1", Ids(decisions[0].Removed));
        Assert.Equal("a2", Ids(decisions[1].Kept));
        Assert.Equal("a1", Ids(decisions[1].Removed));
    }

    [Fact]
    public void AnErrorSnapshotNeverCountsAsKeptAndIsRemovedEvenWhenNewest()
    {
        var input = new[] { Snap("new-error", VolumeA, 5, SnapshotStatus.Error), Snap("a2", VolumeA, 2), Snap("a1", VolumeA, 1) };

        var only = Assert.Single(Decide(input, 2));

        Assert.Equal("a2,a1", Ids(only.Kept));
        Assert.Equal("new-error", Ids(only.Removed));
    }

    [Theory]
    [InlineData(SnapshotStatus.Creating)]
    [InlineData(SnapshotStatus.Deleting)]
    [InlineData(SnapshotStatus.ErrorDeleting)]
    [InlineData("backing-up")]
    [InlineData("restoring")]
    public void ASnapshotInAnyOtherStatusIsNeitherKeptNorRemoved(string status)
    {
        // Old enough to go, and the only one of its volume: still left alone, and it does not take a kept place.
        var input = new[] { Snap("busy", VolumeA, 9, status), Snap("a1", VolumeA, 1), Snap("a2", VolumeA, 2) };

        var only = Assert.Single(Decide(input, 1));

        Assert.Equal("busy", Ids(only.Left));
        Assert.DoesNotContain(only.Removed, s => s.Id == "busy");
        Assert.Single(only.Kept);
    }

    [Fact]
    public void AnAvailableSnapshotOfUnknownAgeIsLeftAlone()
    {
        var only = Assert.Single(Decide(new[] { Snap("undated", VolumeA, 0), Snap("a1", VolumeA, 1) }, 0));

        Assert.Equal("undated", Ids(only.Left));
        Assert.Equal("a1", Ids(only.Removed));
    }

    [Fact]
    public void FewerThanTheNumberToKeepRemovesNothing()
    {
        var only = Assert.Single(Decide(new[] { Snap("a1", VolumeA, 1), Snap("a2", VolumeA, 2) }, 7));

        Assert.Equal(2, only.Kept.Count);
        Assert.Empty(only.Removed);
    }

    [Fact]
    public void KeepingNoneRemovesEveryAvailableAndErrorSnapshot()
    {
        var input = new[] { Snap("a1", VolumeA, 1), Snap("e", VolumeA, 2, SnapshotStatus.Error), Snap("c", VolumeA, 3, SnapshotStatus.Creating) };

        var only = Assert.Single(Decide(input, 0));

        Assert.Empty(only.Kept);
        Assert.Equal("e,a1", Ids(only.Removed));
        Assert.Equal("c", Ids(only.Left));
    }

    [Fact]
    public void ASnapshotGivenTwiceCountsOnceAndVolumeIdsMatchWhateverTheirCase()
    {
        var input = new[] { Snap("a1", VolumeA, 1), Snap("a1", VolumeA, 1), Snap("a2", VolumeA.ToUpperInvariant(), 2) };

        var only = Assert.Single(Decide(input, 1));

        Assert.Equal("a2", Ids(only.Kept));
        Assert.Equal("a1", Ids(only.Removed));
    }

    [Fact]
    public void TiesInCreationTimeAreBrokenByIdWhateverTheInputOrder()
    {
        var first = Decide(new[] { Snap("y", VolumeA, 1), Snap("x", VolumeA, 1) }, 1);
        var second = Decide(new[] { Snap("x", VolumeA, 1), Snap("y", VolumeA, 1) }, 1);

        Assert.Equal("x", Ids(first[0].Kept));
        Assert.Equal("x", Ids(second[0].Kept));
    }

    [Fact]
    public void NothingInNothingOut() => Assert.Empty(Decide(Array.Empty<Snapshot>(), 3));

    [Fact]
    public void ANegativeNumberToKeepIsRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Decide(Array.Empty<Snapshot>(), -1));

    [Fact]
    public void TheLogLineNamesEachSnapshotAndTheStatusOfThoseNotAvailable()
    {
        var input = new[]
        {
            Snap("a2", VolumeA, 2), Snap("a1", VolumeA, 1),
            Snap("e", VolumeA, 3, SnapshotStatus.Error), Snap("c", VolumeA, 4, SnapshotStatus.Creating),
        };

        var line = Decide(input, 1)[0].Describe();

        Assert.Equal(
            $"Volume {VolumeA}: keeping 1 (a2 'nightly-2'), removing 2 (e 'nightly-3' error, a1 'nightly-1'), leaving 1 (c 'nightly-4' creating).",
            line);
    }
}
