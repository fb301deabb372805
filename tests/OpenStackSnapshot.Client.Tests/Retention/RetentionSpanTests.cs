using OpenStackSnapshot.Client.Snapshots.Retention;
using Xunit;

namespace OpenStackSnapshot.Client.Tests.Retention;

/// <summary>The keep-within spans a TimeSpan gives (days and hours, as restic's 7d12h) and the time zones by either name.</summary>
public class RetentionSpanTests
{
    [Theory]
    [InlineData("7.00:00:00", "7d")]
    [InlineData("12:00:00", "12h")]
    [InlineData("1.02:00:00", "1d2h")]
    [InlineData("90.00:00:00", "90d")]
    public void ATimeSpanIsDaysAndHours(string text, string restic)
    {
        var span = RetentionSpan.FromTimeSpan(TimeSpan.Parse(text, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(restic, span.ToString());
        Assert.Equal(0, span.Months);
    }

    [Theory]
    [InlineData("00:00:00", "keeps nothing")]
    [InlineData("-1.00:00:00", "keeps nothing")]
    [InlineData("1.00:30:00", "has minutes or seconds")]
    [InlineData("00:00:01", "has minutes or seconds")]
    [InlineData("02:00:00.5", "has minutes or seconds")]
    public void ASpanThatIsNotPositiveWholeHoursIsRefused(string text, string problem)
    {
        var span = TimeSpan.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Contains(problem, RetentionSpan.Problem(span));
        Assert.Throws<ArgumentOutOfRangeException>(() => RetentionSpan.FromTimeSpan(span));
    }

    [Fact]
    public void AMinutesProblemSuggestsTheWholeHours() =>
        Assert.Contains("(such as 1.02:00:00)", RetentionSpan.Problem(new TimeSpan(1, 2, 30, 0)));

    [Fact]
    public void ASpanUnderAnHourSuggestsOneHour_NotAZeroThatIsRefusedToo() =>
        Assert.Contains("(such as 01:00:00)", RetentionSpan.Problem(TimeSpan.FromMinutes(30)));

    [Fact]
    public void ASpanHasNoNegativePart() => Assert.Throws<ArgumentOutOfRangeException>(() => new RetentionSpan(0, 0, -1, 0));

    [Theory]
    [InlineData("Europe/Berlin")]
    [InlineData("W. Europe Standard Time")]
    [InlineData(" Europe/Berlin ")]
    public void AZoneIsFoundByItsIanaOrWindowsId(string id)
    {
        var zone = TimeZones.Find(id);

        Assert.NotNull(zone);
        Assert.Equal(TimeSpan.FromHours(2), zone!.GetUtcOffset(new DateTime(2026, 7, 1, 0, 0, 0, DateTimeKind.Utc)));
        Assert.Null(TimeZones.Problem(id));
    }

    [Theory]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData(null)]
    public void AnUnknownZoneIsNotFoundAndSaysHowToName(string? id)
    {
        Assert.Null(TimeZones.Find(id));
        Assert.Contains("IANA id such as Europe/Berlin", TimeZones.Problem(id));
    }
}
