using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OpenStackSnapshot.Emulator.Http;

/// <summary>
/// A finished answer (status, headers, body) built by an endpoint and written in one place, so endpoints stay
/// free of HttpContext plumbing and the dispatcher can add the headers every response needs.
/// </summary>
internal sealed class Reply
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        // Keep "<br />" and the like readable; clients parse the JSON anyway.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private Reply(int status, byte[]? body, string? contentType)
    {
        Status = status;
        Body = body;
        ContentType = contentType;
    }

    public int Status { get; }

    public byte[]? Body { get; }

    public string? ContentType { get; }

    public List<KeyValuePair<string, string>> Headers { get; } = [];

    public static Reply Json(int status, JsonNode body) =>
        new(status, Encoding.UTF8.GetBytes(body.ToJsonString(JsonOptions)), "application/json");

    public static Reply Text(int status, string body, string contentType) =>
        new(status, Encoding.UTF8.GetBytes(body), contentType);

    public static Reply Empty(int status) => new(status, null, null);

    public Reply WithHeader(string name, string value)
    {
        Headers.Add(new(name, value));
        return this;
    }

    public async Task WriteAsync(HttpContext context)
    {
        var response = context.Response;
        response.StatusCode = Status;
        foreach (var (name, value) in Headers)
        {
            // Append, not set: Vary is sent as two header lines, as Nova does.
            response.Headers.Append(name, value);
        }

        if (Body is null)
        {
            response.ContentLength = 0;
            return;
        }

        if (ContentType is not null) response.ContentType = ContentType;
        response.ContentLength = Body.Length;
        await response.Body.WriteAsync(Body, context.RequestAborted);
    }
}
