namespace OpenStackSnapshot.Emulator;

/// <summary>
/// A fault for the next <see cref="Count"/> requests on one route (README "Test controls"). Status 0 with
/// <see cref="Drop"/> closes the connection unanswered; status 0 without it only delays, then answers normally.
/// </summary>
public sealed record FaultSpec
{
    /// <summary>A route key from <see cref="RouteKeys"/>.</summary>
    public required string Route { get; init; }

    public int Count { get; init; } = 1;

    public int Status { get; init; }

    /// <summary>Raw response body; null means the service's own fault body for <see cref="Status"/>.</summary>
    public string? Body { get; init; }

    /// <summary>Content-Type of <see cref="Body"/>; null means application/json.</summary>
    public string? ContentType { get; init; }

    /// <summary>Sent as the Retry-After header (and as retryAfter in a 413/429 fault body).</summary>
    public string? RetryAfter { get; init; }

    /// <summary>Wait this long before answering (or dropping): for client time-outs.</summary>
    public int DelayMs { get; init; }

    public bool Drop { get; init; }

    /// <summary>Carry the request out first, then delay, drop or answer with the fault: an answer lost after the work was done.</summary>
    public bool AfterProcessing { get; init; }

    /// <summary>Carry the request out and send its real answer with half the body (implies <see cref="AfterProcessing"/>).</summary>
    public Truncation Truncate { get; init; }

    /// <summary>Answer with a proxy's HTML error page (nginx's) instead of a service body; status 0 means 502.</summary>
    public bool ProxyPage { get; init; }

    /// <summary>Whether the request runs before the fault is served.</summary>
    internal bool CarriesOutFirst => AfterProcessing || Truncate != Truncation.None;

    /// <summary>The fault as it is served: a proxy page without a status is a 502.</summary>
    internal FaultSpec Normalized() => ProxyPage && Status == 0 ? this with { Status = 502 } : this;

    /// <summary>Why this fault cannot be served, or null when it can.</summary>
    internal string? Problem()
    {
        if (!RouteKeys.IsKnown(Route)) return $"unknown route '{Route}'; known: {string.Join(", ", RouteKeys.All)}";
        if (Count < 1) return "count must be at least 1";
        if (Status != 0 && Status is < 100 or > 599) return "status must be 0 or 100-599";
        if (DelayMs < 0) return "delayMs must not be negative";
        if (!Enum.IsDefined(Truncate)) return "truncate must be body or connection";
        if (Truncate != Truncation.None && (Status != 0 || Drop || Body is not null || ProxyPage))
            return "truncate cuts the real answer: give it no status, drop, body or proxyPage";
        if (ProxyPage && (Drop || Body is not null || ContentType is not null))
            return "proxyPage brings its own body and content type, and is an answer: no drop";
        if (Drop && Status != 0) return "a dropped request has no status: give status 0 with drop";
        if (AfterProcessing && Status == 0 && !Drop && DelayMs == 0 && Truncate == Truncation.None)
            return "afterProcessing needs a status, a drop, a delay or a truncation";
        return null;
    }
}
