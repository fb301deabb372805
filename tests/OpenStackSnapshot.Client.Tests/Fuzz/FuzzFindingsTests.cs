using OpenStackSnapshot.Client.Errors;
using OpenStackSnapshot.Client.Models;
using Xunit;

namespace OpenStackSnapshot.Client.Tests.Fuzz;

/// <summary>What the response fuzz found, kept as named cases: each threw a raw .NET exception before its fix.</summary>
public class FuzzFindingsTests
{
    private static async Task<OpenStackException> Answer(int status, string body, string mediaType, string? retryAfter = null, int retries = 0)
    {
        var fake = new FakeTransport().ThenToken();
        for (var i = 0; i <= retries; i++)
            fake.ThenBody(status, body, "application/json", more: r =>
            {
                r.Content.Headers.Remove("Content-Type");
                r.Content.Headers.TryAddWithoutValidation("Content-Type", mediaType); // as sent, not as StringContent would check it
                if (retryAfter != null) r.Headers.TryAddWithoutValidation("Retry-After", retryAfter);
            });
        using var session = await TestCloud.ConnectAsync(fake, o => { o.Retries(retries); o.RetryBudget = TimeSpan.FromSeconds(1); });
        return await Assert.ThrowsAsync<OpenStackException>(() => session.Snapshots.GetAsync("snap-1", TestCloud.Call()));
    }

    [Theory]
    [InlineData("NaN", null)]          // TimeSpan.FromSeconds(NaN): ArgumentException
    [InlineData("1e400", 86400)]       // parses as infinity: OverflowException
    [InlineData("-Infinity", 0)]
    [InlineData("Fri, 31 Dec 9999 23:59:59 GMT", 86400)] // 8,000 years of seconds overflowed the int an error reports
    public async Task AnOddRetryAfter_IsReadWithinADay_OrIgnored(string retryAfter, int? seconds)
    {
        var error = await Answer(503, """{"serviceUnavailable": {"code": 503, "message": "busy"}}""", "application/json", retryAfter, retries: 1);
        Assert.Equal(OpenStackErrorKind.ServiceUnavailable, error.Kind);
        Assert.Equal(seconds, error.RetryAfterSeconds);
    }

    [Fact]
    public async Task AnUnknownCharset_IsReadAsUtf8()
    {
        // HttpContent.ReadAsStringAsync threw InvalidOperationException for it.
        var error = await Answer(404,
            """{"itemNotFound": {"code": 404, "message": "Snapshot snap-1 could not be found."}}""", "application/json; charset=bogus-9");
        Assert.Equal(OpenStackErrorKind.NotFound, error.Kind);
        Assert.Contains("could not be found", error.Message);
    }

    [Fact]
    public async Task ALoneSurrogateInASnapshot_IsAnInvalidResponse()
    {
        // JsonElement.GetString threw InvalidOperationException for "\ud800"; the cmdlet fuzz found it.
        var body = """{"snapshot": {"id": "snap-1", "volumeId": "v", "status": "available", "size": 1, "displayName": "\ud800"}}""";
        var error = await Answer(200, body, "application/json");
        Assert.Equal(OpenStackErrorKind.InvalidResponse, error.Kind);
        Assert.Contains("displayName", error.Message);
    }

    [Fact]
    public async Task ALoneSurrogateInAFault_StillGivesTheFaultsKind()
    {
        var error = await Answer(404, """{"itemNotFound": {"code": 404, "message": "gone \udc00"}}""", "application/json");
        Assert.Equal(OpenStackErrorKind.NotFound, error.Kind);
    }
}
