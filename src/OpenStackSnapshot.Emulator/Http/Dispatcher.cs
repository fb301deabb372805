using OpenStackSnapshot.Emulator.Cinder;
using OpenStackSnapshot.Emulator.Control;
using OpenStackSnapshot.Emulator.Keystone;
using OpenStackSnapshot.Emulator.Nova;
using OpenStackSnapshot.Emulator.State;

namespace OpenStackSnapshot.Emulator.Http;

/// <summary>
/// The one request handler: answers for the proxy during an outage, picks the service by the first path segment,
/// counts the route, serves a queued fault or else a chaos fault, otherwise lets the service answer; stamps request ids.
/// </summary>
internal sealed class Dispatcher(EmulatorState state)
{
    private const int MaxBodyBytes = 1 << 20;

    private readonly TokenEndpoints _identity = new(state);
    private readonly ComputePipeline _compute = new(state);
    private readonly BlockStoragePipeline _blockStorage = new(state);
    private readonly ControlEndpoints _control = new(state);

    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var segments = request.Path.Value!.TrimStart('/').Split('/');
        var area = segments[0];
        var rest = segments.Skip(1).ToList();

        Reply reply;
        try
        {
            var body = await ReadBodyAsync(request, context.RequestAborted);
            var outage = area == "_emulator" ? null : state.Outage.Current; // the controls stay reachable
            if (outage is { Mode: OutageMode.Refuse })
            {
                // The port is closing or closed: a connection still open dies with it, unanswered.
                context.Abort();
                reply = Reply.Dropped;
            }
            else if (outage is not null)
            {
                // The balancer in front has no backend: it answers, the services never see the request.
                state.Counters.Increment(RouteKeys.Outage);
                reply = ProxyPages.HaproxyUnavailable(outage.RetryAfter);
            }
            else if (body is null)
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
            else if (Catalog.IsBlockStoragePrefix(area) && BlockStorageRoutes.Match(request.Method, rest) is { } volumeRoute)
            {
                reply = await ServeAsync(context, volumeRoute.RouteKey, identity: false, () => _blockStorage.Handle(volumeRoute, request, body));
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

        if (reply == Reply.Dropped) return;
        if (!reply.FromProxy) StampRequestIds(context.Response, area, reply);
        await reply.WriteAsync(context);
    }

    // Request ids go on every service answer, errors included; x-compute-request-id is Nova's and Cinder's own copy,
    // which Cinder leaves off its auth middleware's 401 and the bodiless answers it returns as they are (202 delete).
    private static void StampRequestIds(HttpResponse response, string area, Reply reply)
    {
        var requestId = "req-" + Guid.NewGuid().ToString("D");
        response.Headers["x-openstack-request-id"] = requestId;
        var cinderWithout = Catalog.IsBlockStoragePrefix(area) && (reply.Body is null || reply.Status == 401);
        if (area != "identity" && !cinderWithout) response.Headers["x-compute-request-id"] = requestId;
    }

    // Queued faults come first; chaos only draws for requests none of them took.
    private async Task<Reply> ServeAsync(HttpContext context, string? routeKey, bool identity, Func<Reply> handle)
    {
        if (routeKey is null) return handle();
        state.Counters.Increment(routeKey);

        if (state.Faults.TryTake(routeKey) is { } queued) return await FaultRunner.RunAsync(context, queued, identity, state.BaseUri, handle);
        if (state.Chaos.Draw(routeKey) is not { } chaos) return handle();
        return await FaultRunner.RunAsync(context, chaos.Fault, identity, state.BaseUri, () => state.Chaos.CarryOut(chaos, handle));
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
