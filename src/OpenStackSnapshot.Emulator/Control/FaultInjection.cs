using OpenStackSnapshot.Emulator.Http;
using OpenStackSnapshot.Emulator.Keystone;
using OpenStackSnapshot.Emulator.Nova;

namespace OpenStackSnapshot.Emulator.Control;

/// <summary>Pending faults per route, served first in, first out; thread-safe.</summary>
internal sealed class FaultQueue
{
    private sealed class Pending(FaultSpec spec)
    {
        public FaultSpec Spec { get; } = spec;
        public int Remaining { get; set; } = spec.Count;
    }

    private readonly object _gate = new();
    private readonly Dictionary<string, Queue<Pending>> _byRoute = new(StringComparer.Ordinal);

    /// <summary>Queues the fault as it will be served (normalized) and returns that.</summary>
    public FaultSpec Add(FaultSpec spec)
    {
        spec = spec.Normalized();
        var problem = spec.Problem();
        if (problem is not null) throw new ArgumentException(problem, nameof(spec));
        lock (_gate)
        {
            if (!_byRoute.TryGetValue(spec.Route, out var queue)) _byRoute[spec.Route] = queue = new Queue<Pending>();
            queue.Enqueue(new Pending(spec));
        }
        return spec;
    }

    /// <summary>Takes one use of the oldest fault for the route, if any.</summary>
    public FaultSpec? TryTake(string routeKey)
    {
        lock (_gate)
        {
            if (!_byRoute.TryGetValue(routeKey, out var queue) || queue.Count == 0) return null;
            var head = queue.Peek();
            if (--head.Remaining == 0) queue.Dequeue();
            return head.Spec;
        }
    }

    /// <summary>What is still pending, with the uses left, for GET /_emulator/faults.</summary>
    public IReadOnlyList<FaultSpec> PendingFaults()
    {
        lock (_gate)
        {
            return _byRoute.Values.SelectMany(q => q).Select(p => p.Spec with { Count = p.Remaining }).ToList();
        }
    }

    public void Clear()
    {
        lock (_gate) _byRoute.Clear();
    }
}

/// <summary>The answer an injected fault gives: a proxy page, its own body, or the service's fault body for the status.</summary>
internal static class FaultReplies
{
    public static Reply For(FaultSpec fault, bool identity, Uri baseUri)
    {
        // Nova's fault sets Retry-After (and the 413/429 body's retryAfter) itself.
        if (!fault.ProxyPage && fault.Body is null && !identity && fault.Status != 401)
            return Faults.Fault(fault.Status, Faults.DefaultMessage(fault.Status), fault.RetryAfter);

        var reply = fault.ProxyPage ? ProxyPages.Nginx(fault.Status)
            : fault.Body is not null ? Reply.Text(fault.Status, fault.Body, fault.ContentType ?? "application/json")
            // Keystone's own error shape; for a 401 the message every Keystone 401 has.
            : identity ? KeystoneErrors.Error(
                fault.Status, fault.Status == 401 ? KeystoneErrors.AuthenticationRequired : Faults.DefaultMessage(fault.Status))
            : Faults.Unauthorized(baseUri); // a compute 401 comes from the auth middleware, in Keystone's shape
        if (fault.RetryAfter is not null) reply.WithHeader("Retry-After", fault.RetryAfter);
        if (identity && fault.Status == 401) reply.WithHeader("WWW-Authenticate", $"Keystone uri=\"{new Uri(baseUri, "identity")}\"");
        return reply;
    }
}
