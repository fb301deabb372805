using OpenStackSnapshot.Emulator.Control;
using OpenStackSnapshot.Emulator.Keystone;
using OpenStackSnapshot.Emulator.Nova;
using OpenStackSnapshot.Emulator.State;

namespace OpenStackSnapshot.Emulator.Http;

/// <summary>
/// The one request handler: picks the service by the first path segment, stamps request ids, counts the
/// route, serves an injected fault if one is pending, and otherwise lets the service answer.
/// </summary>
internal sealed class Dispatcher(EmulatorState state)
{
    private const int MaxBodyBytes = 1 << 20;

    private readonly TokenEndpoints _identity = new(state);
    private readonly ComputePipeline _compute = new(state);
    private readonly ControlEndpoints _control = new(state);

    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var segments = request.Path.Value!.TrimStart('/').Split('/');
        var area = segments[0];
        var rest = segments.Skip(1).ToList();

        // Request ids go on every answer, errors included; x-compute-request-id is Nova's own copy.
        var requestId = "req-" + Guid.NewGuid().ToString("D");
        context.Response.Headers["x-openstack-request-id"] = requestId;
        if (area != "identity") context.Response.Headers["x-compute-request-id"] = requestId;

        Reply reply;
        try
        {
            var body = await ReadBodyAsync(request, context.RequestAborted);
            if (body is null)
            {
                // oslo.middleware's sizelimit answers before any service sees the request.
                reply = Faults.Fault(413, "Request is too large.");
            }
            else if (area == "_emulator")
            {
                reply = _control.Handle(request.Method, rest, body);
            }
            else if (area == "identity")
            {
                var (routeKey, handle) = _identity.Route(request.Method, rest, request, body);
                reply = await ServeAsync(context, routeKey, identity: true, handle);
            }
            else if (Catalog.IsComputePrefix(area) && ComputeRoutes.Match(request.Method, rest) is { } route)
            {
                reply = await ServeAsync(context, route.RouteKey, identity: false, () => _compute.Handle(route, request, body));
            }
            else
            {
                reply = FrameworkNotFound.For(request);
            }
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            return;
        }
        catch (Exception e)
        {
            // A bug in the emulator: answer like Nova's last-resort handler and say why on stderr.
            await Console.Error.WriteLineAsync($"emulator: {request.Method} {request.Path}: {e}");
            reply = Faults.Fault(500, Faults.DefaultMessage(500));
        }

        if (reply == Dropped) return;
        await reply.WriteAsync(context);
    }

    // Marks "the connection was closed on purpose": nothing more to write.
    private static readonly Reply Dropped = Reply.Empty(0);

    private async Task<Reply> ServeAsync(HttpContext context, string? routeKey, bool identity, Func<Reply> handle)
    {
        if (routeKey is null) return handle();
        state.Counters.Increment(routeKey);

        var fault = state.Faults.TryTake(routeKey);
        if (fault is null) return handle();
        var carriedOut = fault.AfterProcessing ? handle() : null; // the work is done; then its answer is lost
        if (fault.DelayMs > 0) await Task.Delay(fault.DelayMs, context.RequestAborted);
        if (fault.Drop)
        {
            context.Abort();
            return Dropped;
        }

        // Status 0 without drop is a pure delay: the request then runs as usual (or was run already).
        return fault.Status == 0 ? carriedOut ?? handle() : FaultReplies.For(fault, identity, state.BaseUri);
    }

    // The whole body, or null when it is larger than the 1 MiB the emulator accepts.
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancel)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancel)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes) return null;
            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
