using System.Text.Json.Nodes;
using OpenStackSnapshot.Emulator.Http;

namespace OpenStackSnapshot.Emulator.Keystone;

/// <summary>Keystone's error body: <c>{"error": {"code": N, "title": "...", "message": "..."}}</c>.</summary>
internal static class KeystoneErrors
{
    /// <summary>What every authentication failure says: Keystone hides the reason unless insecure_debug is on.</summary>
    public const string AuthenticationRequired = "The request you have made requires authentication.";

    private const string ValidationTail =
        " The server could not comply with the request since it is either malformed or otherwise incorrect." +
        " The client is assumed to be in error.";

    public static Reply Error(int status, string message, JsonObject? identity = null)
    {
        var error = new JsonObject
        {
            ["code"] = status,
            ["title"] = Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status),
            ["message"] = message,
        };
        // Auth plugin failures also say which methods exist (AuthPluginException.authentication).
        if (identity is not null) error["identity"] = identity;
        return Reply.Json(status, new JsonObject { ["error"] = error });
    }

    public static Reply Unauthorized(string message = AuthenticationRequired, JsonObject? identity = null) =>
        Error(401, message, identity);

    /// <summary>Keystone's ValidationError: "Expecting to find X in Y. The server could not comply ...".</summary>
    public static Reply Expecting(string attribute, string target) =>
        Error(400, $"Expecting to find {attribute} in {target}." + ValidationTail);

    /// <summary>A JSON-schema failure (SchemaValidationError): the message only, without jsonschema's schema dump.</summary>
    public static Reply Schema(string message) => Error(400, message);
}
