using System.Text.Json.Nodes;
using OpenStackSnapshot.Emulator.Http;
using OpenStackSnapshot.Emulator.Nova;

namespace OpenStackSnapshot.Emulator.Cinder;

/// <summary>
/// Cinder's messages API (from 3.3; below it the route does not exist: a bare 404): the user messages block storage keeps
/// about the project's resources, newest first, filtered by resource_uuid (the only filter emulated; others are ignored).
/// </summary>
internal sealed class MessageController(State.EmulatorState state)
{
    public Reply List(CinderRequest request)
    {
        if (!request.AtLeast(3, 3)) return Faults.NotFound();
        if (request.Deny(Seed.ReaderRole, "message:get_all") is { } denied) return denied;
        var resource = request.Query.TryGetValue("resource_uuid", out var values) ? values[^1] : null;
        var messages = state.Volumes.Messages(request.ProjectId!)
            .Where(m => resource is null || m.ResourceId == resource)
            .OrderByDescending(m => m.CreatedAt, StringComparer.Ordinal)
            .Select(m => (JsonNode)CinderViews.Message(request, m));
        return Reply.Json(200, new JsonObject { ["messages"] = new JsonArray(messages.ToArray()) });
    }
}
