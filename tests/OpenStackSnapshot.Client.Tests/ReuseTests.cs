using OpenStackSnapshot.Client.Models;
using OpenStackSnapshot.Client.Snapshots.Selection;
using Xunit;
using OpenStackSnapshot.Client.Snapshots;

namespace OpenStackSnapshot.Client.Tests;

/// <summary>Reuse (New-OSSnapshot -ReuseNewerThan): which existing snapshot a re-run writes instead of creating one.</summary>
public class ReuseTests
{
    private const string Volume = "521752a6-acf6-4b2d-bc7a-119f9148cd8c";
    private const string Other = "6f0f9a2e-3c4d-4e5f-8a6b-7c8d9e0f1a2b";
    private static readonly DateTime Now = new(2026, 12, 6, 23, 0, 0, DateTimeKind.Utc);
    private static readonly TimeSpan Span = TimeSpan.FromHours(20);

    private static Snapshot Snap(
        string id, double hoursAgo, string status = SnapshotStatus.Available, string volume = Volume, string? name = "nightly") =>
        new(id, volume, name, null, status, 1, Now.AddHours(-hoursAgo));

    private static Snapshot? Find(params Snapshot[] listed) => new SnapshotReuse(listed, Span, Now).Find(Volume, "nightly");

    [Fact]
    public void ASnapshotOfThatVolumeAndNameWithinTheSpanIsReused() => Assert.Equal("s", Find(Snap("s", 2))?.Id);

    [Fact]
    public void TheNewestOfSeveralIsReused() => Assert.Equal("newer", Find(Snap("older", 5), Snap("newer", 1), Snap("oldest", 10))?.Id);

    [Fact]
    public void OneOlderThanTheSpanIsNot() => Assert.Null(Find(Snap("old", 20.01)));

    [Fact]
    public void OneExactlyAtTheSpanIs() => Assert.Equal("edge", Find(Snap("edge", 20))?.Id);

    [Fact]
    public void AnotherVolumeOrAnotherNameIsNot()
    {
        Assert.Null(Find(Snap("other-volume", 1, volume: Other)));
        Assert.Null(Find(Snap("other-name", 1, name: "nightly-2")));
        Assert.Null(Find(Snap("case", 1, name: "Nightly")));
        Assert.Null(Find(Snap("unnamed", 1, name: null)));
    }

    [Theory]
    [InlineData(SnapshotStatus.Error, false)]
    [InlineData(SnapshotStatus.ErrorDeleting, false)]
    [InlineData(SnapshotStatus.Deleting, false)]
    [InlineData("deleted", false)]
    [InlineData(SnapshotStatus.Creating, true)]
    [InlineData(SnapshotStatus.Available, true)]
    [InlineData("backing-up", true)]
    public void FailedOrVanishingSnapshotsAreNotReused(string status, bool reused) =>
        Assert.Equal(reused, Find(Snap("s", 1, status)) != null);

    [Fact]
    public void AFailedNewerOneGivesWayToAnOlderGoodOne() => Assert.Equal("good", Find(Snap("failed", 1, SnapshotStatus.Error), Snap("good", 3))?.Id);

    [Fact]
    public void VolumeIdsMatchWhateverTheirCaseAndSpaces()
    {
        var reuse = new SnapshotReuse(new[] { Snap("s", 1) }, Span, Now);
        Assert.Equal("s", reuse.Find($" {Volume.ToUpperInvariant()} ", "nightly")?.Id);
    }

    [Fact]
    public void ASnapshotMadeDuringTheRunIsReusedByTheRestOfItEvenWithoutATime()
    {
        var reuse = new SnapshotReuse(Array.Empty<Snapshot>(), Span, Now);
        Assert.Null(reuse.Find(Volume, "nightly"));

        reuse.Add(new Snapshot("made", Volume, "nightly", null, SnapshotStatus.Creating, 1, null));

        Assert.Equal("made", reuse.Find(Volume, "nightly")?.Id);
    }

    [Fact]
    public void ATaggedRunReusesOnlyASnapshotCarryingAllItsPairs()
    {
        var tags = new Dictionary<string, string> { ["policy"] = "nightly", ["tier"] = "gold" };
        var listed = new[]
        {
            Snap("untagged", 1),
            new Snapshot("partly", Volume, "nightly", null, SnapshotStatus.Available, 1, Now.AddHours(-1),
                new Dictionary<string, string> { ["policy"] = "nightly" }),
            new Snapshot("other-value", Volume, "nightly", null, SnapshotStatus.Available, 1, Now.AddHours(-1),
                new Dictionary<string, string> { ["policy"] = "nightly", ["tier"] = "silver" }),
            new Snapshot("tagged", Volume, "nightly", null, SnapshotStatus.Available, 1, Now.AddHours(-3),
                new Dictionary<string, string> { ["policy"] = "nightly", ["tier"] = "gold", ["extra"] = "x" }),
        };

        Assert.Equal("tagged", new SnapshotReuse(listed, Span, Now, tags).Find(Volume, "nightly")?.Id);
        Assert.Null(new SnapshotReuse(listed.Take(3), Span, Now, tags).Find(Volume, "nightly"));
        Assert.Equal("untagged", new SnapshotReuse(listed.Take(1), Span, Now).Find(Volume, "nightly")?.Id);
    }

    [Fact]
    public void ATaggedSnapshotMadeDuringTheRunWithoutATimeKeepsItsTagsForReuse()
    {
        var tags = new Dictionary<string, string> { ["policy"] = "nightly" };
        var reuse = new SnapshotReuse(Array.Empty<Snapshot>(), Span, Now, tags);

        reuse.Add(new Snapshot("made", Volume, "nightly", null, SnapshotStatus.Creating, 1, null, tags));

        Assert.Equal("made", reuse.Find(Volume, "nightly")?.Id);
    }

    [Fact]
    public void AnUndatedListedSnapshotIsNotReused() =>
        Assert.Null(Find(new Snapshot("undated", Volume, "nightly", null, SnapshotStatus.Available, 1, null)));

    [Fact]
    public void ANegativeSpanIsRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new SnapshotReuse(Array.Empty<Snapshot>(), TimeSpan.FromSeconds(-1), Now));
}
