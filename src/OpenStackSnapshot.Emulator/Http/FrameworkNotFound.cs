namespace OpenStackSnapshot.Emulator.Http;

/// <summary>
/// The 404 that Nova's web framework (webob) gives for an unknown path or a method a path does not have: not a
/// Nova fault, and its body follows the Accept header (HTML by default, JSON or plain text on request).
/// </summary>
internal static class FrameworkNotFound
{
    private const string Status = "404 Not Found";
    private const string Explanation = "The resource could not be found.";

    public static Reply For(HttpRequest request)
    {
        switch (PreferredOffer(request.Headers.Accept.ToString(), request.Headers.ContainsKey("Accept")))
        {
            case "application/json":
                var json = new System.Text.Json.Nodes.JsonObject
                {
                    ["message"] = Explanation + "<br /><br />\n\n\n",
                    ["code"] = Status,
                    ["title"] = "Not Found",
                };
                return Reply.Json(404, json);
            case "text/html":
                var html = "<html>\n <head>\n  <title>" + Status + "</title>\n </head>\n <body>\n  <h1>" + Status +
                           "</h1>\n  " + Explanation + "<br /><br />\n\n\n\n </body>\n</html>";
                return Reply.Text(404, html, "text/html; charset=UTF-8");
            default:
                return Reply.Text(404, Status + "\n\n" + Explanation + "\n\n   ", "text/plain; charset=UTF-8");
        }
    }

    /// <summary>
    /// webob's choice between text/html and application/json: highest q wins, ties go to HTML, no header
    /// accepts both (so HTML); null when the header accepts neither.
    /// </summary>
    internal static string? PreferredOffer(string accept, bool present)
    {
        if (!present) return "text/html";
        var html = Quality(accept, "text", "html");
        var json = Quality(accept, "application", "json");
        if (html <= 0 && json <= 0) return null;
        return json > html ? "application/json" : "text/html";
    }

    // The q of the most specific media range that matches type/subtype; 0 when none does.
    private static double Quality(string accept, string type, string subtype)
    {
        var best = -1;
        var quality = 0.0;
        foreach (var part in accept.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pieces = part.Split(';', StringSplitOptions.TrimEntries);
            var range = pieces[0].Split('/');
            if (range.Length != 2) continue;
            var specificity = range[0] == "*" ? 0 : range[1] == "*" ? 1 : 2;
            var matches = (range[0] == "*" || range[0].Equals(type, StringComparison.OrdinalIgnoreCase)) &&
                          (range[1] == "*" || range[1].Equals(subtype, StringComparison.OrdinalIgnoreCase));
            if (!matches || specificity <= best) continue;
            best = specificity;
            quality = 1.0;
            foreach (var param in pieces.Skip(1))
            {
                if (param.StartsWith("q=", StringComparison.OrdinalIgnoreCase) &&
                    double.TryParse(param[2..], System.Globalization.CultureInfo.InvariantCulture, out var q))
                {
                    quality = q;
                }
            }
        }

        return quality;
    }
}
