using System.Globalization;
using System.Text.Json;
using OpenStackSnapshot.Client.Models;
using OpenStackSnapshot.Client.Snapshots.Retention;
using Xunit;
using OpenStackSnapshot.Client.Snapshots;

namespace OpenStackSnapshot.Client.Tests.Retention;

/// <summary>
/// Retention held to restic itself: histories and policies in zones with whole-, half- and 45-minute offsets and
/// daylight saving, with what restic's forget policy keeps and why (restic-cases.json; README.md says how it was made).
/// OSS_RESTIC_CASES may name more files of the same form, such as restic's own golden cases converted locally.
/// </summary>
public class ResticCasesTests
{
    private const string Volume = "521752a6-acf6-4b2d-bc7a-119f9148cd8c";

    public static IEnumerable<object[]> Cases() =>
        Files().SelectMany(file => Read(file).Select(c => new object[] { Path.GetFileName(file), c.GetProperty("name").GetString()! }));

    [Theory]
    [MemberData(nameof(Cases))]
    public void KeepsWhatResticKeepsForTheSameReasons(string file, string name)
    {
        var path = Files().Single(f => Path.GetFileName(f) == file);
        var test = Read(path).Single(c => c.GetProperty("name").GetString() == name);
        var times = test.GetProperty("times").EnumerateArray()
            .Select(t => DateTime.Parse(t.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal)).ToList();
        var snapshots = times.Select((t, i) => new Snapshot($"s{i:d3}", Volume, null, null, SnapshotStatus.Available, 1, t)).ToList();
        var zone = TimeZones.Find(test.GetProperty("zone").GetString()) ?? throw new InvalidOperationException("unknown zone");

        var decided = Assert.Single(SnapshotRetention.Decide(snapshots, Policy(test.GetProperty("policy")), zone, DateTime.UtcNow));

        var expected = test.GetProperty("keep").EnumerateObject()
            .ToDictionary(p => $"s{int.Parse(p.Name, CultureInfo.InvariantCulture):d3}", p => string.Join(", ", p.Value.EnumerateArray()));
        var actual = decided.Decisions.Where(d => d.Action == RetentionAction.Keep)
            .ToDictionary(d => d.Snapshot.Id, d => string.Join(", ", d.Reasons));
        Assert.Equal(expected.OrderBy(p => p.Key), actual.OrderBy(p => p.Key));
        Assert.All(decided.Decisions.Where(d => d.Action != RetentionAction.Keep), d => Assert.Equal(RetentionAction.Remove, d.Action));
    }

    [Fact]
    public void TheCommittedCasesAreThere() => Assert.True(Read(Files().First()).Count() >= 200);

    private static IEnumerable<string> Files()
    {
        yield return Path.Combine(AppContext.BaseDirectory, "Retention", "restic-cases.json");
        var more = Environment.GetEnvironmentVariable("OSS_RESTIC_CASES");
        if (string.IsNullOrEmpty(more)) yield break;
        foreach (var file in more.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)) yield return file;
    }

    private static IEnumerable<JsonElement> Read(string file) =>
        JsonDocument.Parse(File.ReadAllText(file)).RootElement.GetProperty("cases").EnumerateArray().ToList();

    private static RetentionPolicy Policy(JsonElement json)
    {
        int Count(string rule) => json.TryGetProperty(rule, out var n) ? n.GetInt32() : 0;
        RetentionSpan? Span(string rule) => json.TryGetProperty(rule, out var s)
            ? new RetentionSpan(s.GetProperty("Years").GetInt32(), s.GetProperty("Months").GetInt32(), s.GetProperty("Days").GetInt32(),
                s.GetProperty("Hours").GetInt32())
            : null;
        return new RetentionPolicy
        {
            Last = Count("Last"), Hourly = Count("Hourly"), Daily = Count("Daily"), Weekly = Count("Weekly"),
            Monthly = Count("Monthly"), Yearly = Count("Yearly"),
            Within = Span("Within"), WithinHourly = Span("WithinHourly"), WithinDaily = Span("WithinDaily"),
            WithinWeekly = Span("WithinWeekly"), WithinMonthly = Span("WithinMonthly"), WithinYearly = Span("WithinYearly"),
        };
    }
}
