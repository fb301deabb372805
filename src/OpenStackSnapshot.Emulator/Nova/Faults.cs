using System.Text.Json.Nodes;
using OpenStackSnapshot.Emulator.Http;

namespace OpenStackSnapshot.Emulator.Nova;

/// <summary>Nova's error bodies: <c>{"&lt;faultName&gt;": {"code": N, "message": "..."}}</c> (wsgi.Fault).</summary>
internal static class Faults
{
    /// <summary>Nova's text for an exception the controller did not expect (wsgi.expected_errors).</summary>
    public const string UnexpectedPrefix =
        "Unexpected API Error. Please report this at http://bugs.launchpad.net/nova/ and attach the Nova API log if possible.\n";

    public static string FaultName(int status) => status switch
    {
        400 => "badRequest",
        401 => "unauthorized",
        403 => "forbidden",
        404 => "itemNotFound",
        405 => "badMethod",
        409 => "conflictingRequest",
        413 or 429 => "overLimit",
        415 => "badMediaType",
        501 => "notImplemented",
        503 => "serviceUnavailable",
        _ => "computeFault",
    };

    public static Reply Fault(int status, string message, string? retryAfter = null)
    {
        var detail = new JsonObject { ["code"] = status, ["message"] = message };
        // Only the over-limit faults carry retryAfter in the body (wsgi.Fault).
        if (retryAfter is not null && status is 413 or 429) detail["retryAfter"] = retryAfter;
        var reply = Reply.Json(status, new JsonObject { [FaultName(status)] = detail });
        return retryAfter is null ? reply : reply.WithHeader("Retry-After", retryAfter);
    }

    public static Reply BadRequest(string message) => Fault(400, message);

    public static Reply NotFound(string message = "The resource could not be found.") => Fault(404, message);

    /// <summary>The 403 of a policy rule the token's roles do not satisfy.</summary>
    public static Reply PolicyDenied(string rule) => Fault(403, $"Policy doesn't allow {rule} to be performed.");

    /// <summary>A 500 that wraps a Nova exception class, as real Nova shows a block-storage failure.</summary>
    public static Reply Unexpected(string novaExceptionClass) =>
        Fault(500, UnexpectedPrefix + $"<class 'nova.exception.{novaExceptionClass}'>");

    /// <summary>
    /// The auth middleware's 401 (keystonemiddleware, in Keystone's shape): it answers before Nova sees the
    /// request, so it has no version headers.
    /// </summary>
    public static Reply Unauthorized(Uri baseUri) =>
        Keystone.KeystoneErrors.Unauthorized()
            .WithHeader("WWW-Authenticate", $"Keystone uri=\"{new Uri(baseUri, "identity")}\"");

    /// <summary>webob's default explanation per status, for injected faults that give no body.</summary>
    public static string DefaultMessage(int status) => status switch
    {
        400 => "The server could not comply with the request since it is either malformed or otherwise incorrect.",
        403 => "Access was denied to this resource.",
        404 => "The resource could not be found.",
        405 => "The method is not allowed for this resource.",
        409 => "There was a conflict when trying to complete your request.",
        413 => "The body of your request was too large for this server.",
        415 => "The request media type is not supported by this server.",
        429 => "The client has sent too many requests in a given amount of time.",
        500 => "The server has either erred or is incapable of performing the requested operation.",
        501 => "The server has not implemented the requested operation.",
        502 => "Bad gateway.",
        503 => "The server is currently unavailable. Please try again at a later time.",
        504 => "The gateway has timed out.",
        _ => Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status),
    };
}
