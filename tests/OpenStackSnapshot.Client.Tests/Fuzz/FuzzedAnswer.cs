using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using CsCheck;
using OpenStackSnapshot.Client.Models;

namespace OpenStackSnapshot.Client.Tests.Fuzz;

/// <summary>One answer a broken cloud or proxy might give: any status, odd headers, a body valid, mutated or garbage.</summary>
internal sealed record FuzzedAnswer(int Status, string? ContentType, (string Name, string Value)[] Headers, byte[] Body)
{
    public HttpResponseMessage ToResponse()
    {
        var response = new HttpResponseMessage((HttpStatusCode)Status) { Content = new ByteArrayContent(Body) };
        if (ContentType != null) response.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
        foreach (var (name, value) in Headers) response.Headers.TryAddWithoutValidation(name, value);
        return response;
    }

    // What CsCheck prints for the smallest failing case.
    public override string ToString() =>
        $"{Status} [{ContentType}] {string.Join("; ", Headers.Select(h => $"{h.Name}: {h.Value}"))} body={Encoding.UTF8.GetString(Body)}";
}

/// <summary>Generators of answers: mostly a real body of the route, mutated; some pure noise.</summary>
internal static class FuzzedAnswers
{
    private const string Volume = "521752a6-acf6-4b2d-bc7a-119f9148cd8c";

    private static readonly string[] ValidBodies =
    {
        FakeTransport.SnapshotBody(),
        FakeTransport.SnapshotBody(status: "error"),
        $$"""{"snapshots": [{"id": "0b8e1c52-37e4-4b6e-9f1a-6c2d3e4f5a6b", "volumeId": "{{Volume}}", "status": "creating", "size": 10,"""
            + $$""" "createdAt": "{{DateTime.UtcNow:yyyy-MM-ddTHH:mm:ss.ffffff}}", "displayName": "n", "displayDescription": null}]}""",
        """{"snapshots": []}""",
        """{"volume": {"id": "521752a6-acf6-4b2d-bc7a-119f9148cd8c", "status": "available", "size": 1, "displayName": "v","""
            + """ "attachments": [{}], "createdAt": "2025-06-12T14:56:30.000000"}}""",
        """{"volumes": [{"id": "521752a6-acf6-4b2d-bc7a-119f9148cd8c", "status": "in-use", "size": 1,"""
            + """ "attachments": [{"serverId": "s-1", "device": "/dev/vdb"}]}]}""",
        """{"badRequest": {"code": 400, "message": "Invalid input for field/attribute snapshot."}}""",
        """{"overLimit": {"code": 413, "message": "Quota exceeded", "retryAfter": "7"}}""",
        """{"itemNotFound": {"code": 404, "message": "Snapshot could not be found."}}""",
        """{"error": {"code": 401, "title": "Unauthorized", "message": "The request you have made requires authentication."}}""",
        """{"computeFault": {"code": 500, "message": "Unexpected API Error."}}""",
        FakeTransport.TokenBody(DateTime.UtcNow.AddHours(1), FakeTransport.Catalog()),
        "",
    };

    private static readonly string[] OddValues =
    {
        "NaN", "Infinity", "-Infinity", "1e400", "-1e400", "-1", "0", "1.5e-9", "0x10", "2147483648", "99999999999999999999",
        "Fri, 31 Dec 9999 23:59:59 GMT", "Mon, 01 Jan 0001 00:00:00 GMT", "Thu, 01 Jan 1970 00:00:00 GMT", "", " ", "é", "\u0000",
    };

    private static readonly string[] HeaderNames =
    {
        "Retry-After", "x-openstack-request-id", "x-compute-request-id", "OpenStack-API-Version", "X-OpenStack-Nova-API-Version",
        "Location", "Server",
    };

    private static readonly string?[] ContentTypes =
    {
        "application/json", "application/json; charset=utf-8", "application/json; charset=\"UTF-8\"", "application/json; charset=bogus-9",
        "application/json; charset=utf-16", "text/html", "text/plain; charset=iso-8859-1", "application/octet-stream", ";;;", null,
    };

    private static readonly JsonNode?[] OddJson =
    {
        null, JsonValue.Create(-1), JsonValue.Create(1e300), JsonValue.Create(long.MaxValue), JsonValue.Create(""), JsonValue.Create("x"),
        JsonValue.Create(true), JsonValue.Create("9999-99-99T99:99:99"), JsonValue.Create("\ud800"), new JsonArray(), new JsonObject(),
    };

    private static readonly Gen<int> Status = Gen.Frequency(
        (4, Gen.OneOf(200, 201, 202, 204)),
        (4, Gen.OneOf(300, 304, 400, 401, 403, 404, 405, 406, 409, 413, 415, 429, 500, 501, 502, 503, 504)),
        (1, Gen.Int[100, 599]));

    private static readonly Gen<string> HeaderValue = Gen.Frequency(
        (3, Gen.OneOf(OddValues)),
        (1, Gen.String[Gen.Char[' ', '~'], 0, 30]));

    private static readonly Gen<(string, string)[]> Headers = Gen.Select(Gen.OneOf(HeaderNames), HeaderValue).Array[0, 4];

    /// <summary>Replaces one node of a valid body with an odd value (a wrong type, a huge number, a lone surrogate).</summary>
    private static readonly Gen<string> Retyped = Gen.Select(
        Gen.OneOf(ValidBodies.Where(b => b.Length > 0).ToArray()), Gen.Int[0, 1000], Gen.Int[0, OddJson.Length - 1],
        (body, pick, odd) =>
        {
            var root = JsonNode.Parse(body)!;
            var nodes = new List<(JsonNode Parent, object Key)>();
            void Walk(JsonNode node)
            {
                if (node is JsonObject o) foreach (var p in o.ToList()) { nodes.Add((o, p.Key)); if (p.Value != null) Walk(p.Value); }
                if (node is JsonArray a) for (var i = 0; i < a.Count; i++) { nodes.Add((a, i)); if (a[i] != null) Walk(a[i]!); }
            }
            Walk(root);
            if (nodes.Count == 0) return body;
            var (parent, key) = nodes[pick % nodes.Count];
            var value = OddJson[odd]?.DeepClone();
            if (key is string name) parent.AsObject()[name] = value; else parent.AsArray()[(int)key] = value;
            return root.ToJsonString();
        });

    private static readonly Gen<byte[]> Mutated = Gen.Select(Gen.OneOf(ValidBodies), Gen.Int[0, 3], Gen.Int[0, 1000], Gen.Byte, (body, how, at, b) =>
    {
        var bytes = Encoding.UTF8.GetBytes(body).ToList();
        var i = bytes.Count == 0 ? 0 : at % bytes.Count;
        switch (how)
        {
            case 0: return bytes.Take(i).ToArray();                          // cut
            case 1: if (bytes.Count > 0) bytes[i] = b; return bytes.ToArray(); // one byte changed
            case 2: bytes.Insert(i, b); return bytes.ToArray();               // one byte inserted
            default: return bytes.Concat(bytes).ToArray();                    // two bodies in one
        }
    });

    private static readonly Gen<byte[]> Body = Gen.Frequency(
        (3, Gen.OneOf(ValidBodies).Select(b => Encoding.UTF8.GetBytes(b))),
        (4, Mutated),
        (3, Retyped.Select(b => Encoding.UTF8.GetBytes(b))),
        (1, Gen.Byte.Array[0, 64]),
        (1, Gen.Int[1, 3000].Select(depth => Encoding.UTF8.GetBytes(new string('[', depth) + new string(']', depth)))),
        (1, Gen.OneOf("OK", "<html><body>502 Bad Gateway</body></html>", "null", "[]", "\"text\"", "{\"snapshot\": null}", "{\"snapshots\": {}}")
            .Select(b => Encoding.UTF8.GetBytes(b))));

    public static readonly Gen<FuzzedAnswer> Answer = Gen.Select(Status, Gen.OneOf(ContentTypes), Headers, Body,
        (status, type, headers, body) => new FuzzedAnswer(status, type, headers, body));

    /// <summary>
    /// Retry-After values that must not make a retry wait (so a fuzz with retries stays fast): odd, negative, past or past any
    /// budget.
    /// </summary>
    public static readonly Gen<FuzzedAnswer> AnswerWithNoWait = Gen.Select(
        Answer,
        Gen.OneOf(
            "NaN", "Infinity", "1e400", "-1", "-1e400", "0", "Mon, 01 Jan 0001 00:00:00 GMT", "Fri, 31 Dec 9999 23:59:59 GMT",
            "99999999999999999999"),
        (answer, after) => answer with
        {
            Headers = answer.Headers.Where(h => h.Name != "Retry-After").Append(("Retry-After", after)).ToArray(),
        });
}
