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

    /// <summary>Marks "the connection was closed on purpose": nothing more to write.</summary>
    public static Reply Dropped { get; } = Empty(0);

    /// <summary>How much of the body goes out (a truncation fault); <see cref="Truncation.None"/>: all of it.</summary>
    public Truncation Cut { get; private set; }

    /// <summary>A proxy's own answer, not the service's: it carries no OpenStack request ids.</summary>
    public bool FromProxy { get; private set; }

    public Reply WithHeader(string name, string value)
    {
        Headers.Add(new(name, value));
        return this;
    }

    public Reply AsProxyAnswer()
    {
        FromProxy = true;
        return this;
    }

    /// <summary>Sends half the body, as <paramref name="cut"/> says; a body-less answer has nothing to cut and goes out whole.</summary>
    public Reply CutAs(Truncation cut)
    {
        if (Body is { Length: > 0 }) Cut = cut;
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

        var body = Body ?? [];
        var sent = Cut == Truncation.None ? body.Length : body.Length / 2;
        if (ContentType is not null) response.ContentType = ContentType;
        response.ContentLength = Cut == Truncation.Connection ? body.Length : sent;
        if (sent > 0) await response.Body.WriteAsync(body.AsMemory(0, sent), context.RequestAborted);
        if (Cut == Truncation.Connection) await AbortMidBodyAsync(context);
    }

    // Hands what was written to the socket before cutting the connection, so the client sees the body end early. The
    // cut resets the connection, and a reset drops what the client has not read yet: it gets a second to read the
    // headers and the half body (50 ms was too little for a client on a busy machine, which then saw no answer at all).
    private static async Task AbortMidBodyAsync(HttpContext context)
    {
        await context.Response.Body.FlushAsync(context.RequestAborted);
        await Task.Delay(1000, context.RequestAborted);
        context.Abort();
    }
}
