using System.Net;
using OpenStackSnapshot.Client.Http;
using Polly;
using Xunit;

namespace OpenStackSnapshot.Client.Tests;

/// <summary>The retry budget's end: a wait it cuts short makes that retry the last, never a burst of immediate ones.</summary>
public class RetryBudgetTests
{
    private static readonly Outcome<HttpResponseMessage> Busy = Outcome.FromResult(new HttpResponseMessage(HttpStatusCode.ServiceUnavailable));

    private static ConnectionOptions Options(TimeSpan budget) =>
        new(new Uri(FakeTransport.AuthUrl), TestCloud.PasswordByName())
        {
            StatusCodeRetries = 100,
            RetryInterval = TimeSpan.FromSeconds(1),
            RetryBudget = budget,
        };

    [Fact]
    public void AWaitThatFits_LeavesMoreRetries()
    {
        var options = Options(TimeSpan.FromMinutes(5));
        using var request = new HttpRequestMessage(HttpMethod.Get, FakeTransport.ComputeUrl + "/os-snapshots/x");

        var wait = RetryPolicy.Delay(Busy, 0, request, options);

        Assert.InRange(wait.TotalSeconds, 0.75, 1.25);
        Assert.Equal(RetryPolicy.Cause.Status, RetryPolicy.Allowed(Busy, request, options));
    }

    [Fact]
    public void AWaitCutToTheBudget_MakesThatRetryTheLast_ThoughTimeIsLeft()
    {
        var options = Options(TimeSpan.FromSeconds(10));
        using var request = new HttpRequestMessage(HttpMethod.Get, FakeTransport.ComputeUrl + "/os-snapshots/x");
        Assert.Equal(RetryPolicy.Cause.Status, RetryPolicy.Allowed(Busy, request, options));

        var wait = RetryPolicy.Delay(Busy, 20, request, options); // the backoff (30 s) is longer than the 10 s left

        Assert.InRange(wait.TotalSeconds, 5, 10); // what is left of the 10 s (less this test's own time), not the 30-s backoff
        Assert.Equal(RetryPolicy.Cause.None, RetryPolicy.Allowed(Busy, request, options)); // about 10 s are still left
    }
}
