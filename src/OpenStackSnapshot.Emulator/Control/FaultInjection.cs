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

    public void Add(FaultSpec spec)
    {
        spec = spec.Normalized();
        var problem = spec.Problem();
        if (problem is not null) throw new ArgumentException(problem, nameof(spec));
        lock (_gate)
        {
            if (!_byRoute.TryGetValue(spec.Route, out var queue)) _byRoute[spec.Route] = queue = new Queue<Pending>();
            queue.Enqueue(new Pending(spec));
        }
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
        Reply reply;
        if (fault.ProxyPage)
        {
            reply = ProxyPages.Nginx(fault.Status);
            if (fault.RetryAfter is not null) reply.WithHeader("Retry-After", fault.RetryAfter);
        }
        else if (fault.Body is not null)
        {
            reply = Reply.Text(fault.Status, fault.Body, fault.ContentType ?? "application/json");
            if (fault.RetryAfter is not null) reply.WithHeader("Retry-After", fault.RetryAfter);
        }
        else if (identity)
        {
            // Keystone's own error shape; for a 401 the message every Keystone 401 has.
            var message = fault.Status == 401 ? KeystoneErrors.AuthenticationRequired : Faults.DefaultMessage(fault.Status);
            reply = KeystoneErrors.Error(fault.Status, message);
            if (fault.RetryAfter is not null) reply.WithHeader("Retry-After", fault.RetryAfter);
        }
        else if (fault.Status == 401)
        {
            // A compute 401 comes from the auth middleware, in Keystone's shape.
            reply = Faults.Unauthorized(baseUri);
            if (fault.RetryAfter is not null) reply.WithHeader("Retry-After", fault.RetryAfter);
        }
        else
        {
            reply = Faults.Fault(fault.Status, Faults.DefaultMessage(fault.Status), fault.RetryAfter);
        }

        if (identity && fault.Status == 401) reply.WithHeader("WWW-Authenticate", $"Keystone uri=\"{new Uri(baseUri, "identity")}\"");
        return reply;
    }
}
