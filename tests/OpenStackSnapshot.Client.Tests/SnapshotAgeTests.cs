using OpenStackSnapshot.Client.Snapshots.Selection;
using Xunit;

namespace OpenStackSnapshot.Client.Tests;

/// <summary>Get-OSSnapshot -OlderThan / -NewerThan against one "now".</summary>
public class SnapshotAgeTests
{
    private static readonly DateTime Now = new(2026, 12, 6, 12, 0, 0, DateTimeKind.Utc);
    private static readonly TimeSpan TwoDays = TimeSpan.FromDays(2);

    [Theory]
    [InlineData(72, true)]
    [InlineData(48.01, true)]
    [InlineData(48, false)]
    [InlineData(1, false)]
    public void OlderThanTakesWhatWasCreatedBeforeNowLessTheSpan(double hoursAgo, bool matches) =>
        Assert.Equal(matches, SnapshotAge.Matches(Now.AddHours(-hoursAgo), TwoDays, null, Now));

    [Theory]
    [InlineData(72, false)]
    [InlineData(48, true)]
    [InlineData(1, true)]
    public void NewerThanTakesWhatWasCreatedSinceNowLessTheSpan(double hoursAgo, bool matches) =>
        Assert.Equal(matches, SnapshotAge.Matches(Now.AddHours(-hoursAgo), null, TwoDays, Now));

    [Theory]
    [InlineData(30, false)]
    [InlineData(50, true)]
    [InlineData(80, false)]
    public void BothTogetherTakeAWindow(double hoursAgo, bool matches) =>
        Assert.Equal(matches, SnapshotAge.Matches(Now.AddHours(-hoursAgo), TwoDays, TimeSpan.FromDays(3), Now));

    [Fact]
    public void WithoutEitherEverythingMatchesEvenAnUnknownAge() => Assert.True(SnapshotAge.Matches(null, null, null, Now));

    [Fact]
    public void AnUnknownAgeMatchesNeitherFilter()
    {
        Assert.False(SnapshotAge.Matches(null, TwoDays, null, Now));
        Assert.False(SnapshotAge.Matches(null, null, TwoDays, Now));
    }
}
