using OpenStackSnapshot.Emulator.Http;

namespace OpenStackSnapshot.Emulator.Control;

/// <summary>The HTML error pages a proxy in front of OpenStack sends, byte for byte as nginx and HAProxy do.</summary>
internal static class ProxyPages
{
    /// <summary>nginx's page for <paramref name="status"/> (ngx_http_special_response.c), with its Server header.</summary>
    public static Reply Nginx(int status)
    {
        var title = $"{status} {NginxPhrase(status)}";
        var page = $"<html>\r\n<head><title>{title}</title></head>\r\n<body>\r\n<center><h1>{title}</h1></center>\r\n" +
                   "<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";
        return Reply.Text(status, page, "text/html").WithHeader("Server", "nginx").AsProxyAnswer();
    }

    /// <summary>HAProxy's 503 when no backend is up: no-cache, and it closes the connection.</summary>
    public static Reply HaproxyUnavailable(string? retryAfter)
    {
        const string page = "<html><body><h1>503 Service Unavailable</h1>\nNo server is available to handle this request.\n</body></html>\n";
        var reply = Reply.Text(503, page, "text/html").WithHeader("Cache-Control", "no-cache").WithHeader("Connection", "close");
        if (retryAfter is not null) reply.WithHeader("Retry-After", retryAfter);
        return reply.AsProxyAnswer();
    }

    // nginx words a few statuses its own way.
    private static string NginxPhrase(int status) => status switch
    {
        503 => "Service Temporarily Unavailable",
        504 => "Gateway Time-out",
        _ => Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status),
    };
}
