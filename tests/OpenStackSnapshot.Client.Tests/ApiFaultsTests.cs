using OpenStackSnapshot.Client.Auth;
using OpenStackSnapshot.Client.BlockStorage;
using OpenStackSnapshot.Client.Compute;
using OpenStackSnapshot.Client.Errors;
using OpenStackSnapshot.Client.Wire;
using OpenStackSnapshot.Client.Http;
using Xunit;

namespace OpenStackSnapshot.Client.Tests;

/// <summary>Which API's answer means what: each API's own faults, and the ones any service's answer shares.</summary>
public class ApiFaultsTests
{
    private static ApiFaults Faults(string api) => api switch
    {
        "compute" => new ComputeFaults(blockStorageOffered: false),
        "block-storage" => BlockStorageFaults.Instance,
        _ => new IdentityFaults(new Uri(FakeTransport.TokensUrl), TestCloud.PasswordByName()),
    };

    /// <summary>The error a request of that API gets for the answer.</summary>
    private static OpenStackException Refused(string api, Exchange answer, RequestTarget? target = null) =>
        new ApiRequest(new HttpMethod(answer.Method), new Uri(answer.Url!), Faults(api), target).Refused(answer);

    [Theory]
    // Shared: Nova's quota refusal is a 403; a rate limiter's 413/429 is OverLimit, a quota's 413 QuotaExceeded.
    [InlineData("compute", 403, "forbidden", "Quota exceeded for snapshots: Requested 1, but already used 10 of 10 snapshots",
        OpenStackErrorKind.QuotaExceeded)]
    [InlineData("block-storage", 403, "forbidden", "Quota exceeded for snapshots", OpenStackErrorKind.QuotaExceeded)]
    [InlineData("compute", 413, "overLimit", "This request was rate-limited.", OpenStackErrorKind.OverLimit)]
    [InlineData("compute", 413, "overLimit", "Maximum number of snapshots allowed (10) exceeded", OpenStackErrorKind.QuotaExceeded)]
    [InlineData("block-storage", 400, "badRequest", "Invalid volume: Volume status must be available", OpenStackErrorKind.VolumeNotAvailable)]
    [InlineData("identity", 403, "error", "You are not authorized to perform the requested action.", OpenStackErrorKind.Forbidden)]
    // Nova's own: Cinder's exceptions wrapped in a 500. Cinder never wraps, so its 500 stays a server error.
    [InlineData("compute", 500, "computeFault", "Unexpected API Error. <class 'nova.exception.VolumeNotFound'>", OpenStackErrorKind.VolumeNotFound)]
    [InlineData("block-storage", 500, "computeFault", "Unexpected API Error. <class 'nova.exception.VolumeNotFound'>",
        OpenStackErrorKind.ServerError)]
    // Cinder's own: a route its microversion lacks, and its other 413 limits. Only Cinder says "not supported on this method".
    [InlineData("block-storage", 404, "itemNotFound", "API version 3.99 is not supported on this method.", OpenStackErrorKind.ApiNotAvailable)]
    [InlineData("compute", 404, "itemNotFound", "API version 3.99 is not supported on this method.", OpenStackErrorKind.NotFound)]
    [InlineData("block-storage", 413, "overLimit", "Request is too large.", OpenStackErrorKind.OverLimit)]
    public void AnAnswer_IsReadByTheApiThatSentIt(string api, int status, string faultName, string message, OpenStackErrorKind expected)
    {
        var body = $$$"""{"{{{faultName}}}": {"code": {{{status}}}, "message": "{{{message}}}"}}""";
        var target = RequestTarget.Creation(TestCloud.VolumeId, force: false);

        var fault = FaultBody.Parse(body);
        var answer = new Exchange("POST", "http://cloud.test/x").Answered(status, "req-1", fault.Name, fault.Message, fault.RetryAfterSeconds);
        var e = Refused(api, answer, target);

        Assert.Equal(expected, e.Kind);
        Assert.Equal(message, e.ServerMessage);
    }

    [Theory]
    [InlineData("compute", "check the compute URL")]
    [InlineData("block-storage", "check the block-storage URL")]
    [InlineData("identity", "check the identity URL")]
    public void AdviceNamesTheApiThatAnswered(string api, string advice)
    {
        var e = Refused(api, new Exchange("GET", "http://cloud.test/x").Answered(405, null));
        Assert.Contains(advice, e.RecommendedAction);
    }
}
