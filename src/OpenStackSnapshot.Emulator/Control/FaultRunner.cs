using OpenStackSnapshot.Emulator.Http;

namespace OpenStackSnapshot.Emulator.Control;

/// <summary>
/// Serves one fault to one request, whoever chose it (a queued fault or chaos mode): runs the request first when
/// the fault says so, then delays, drops, cuts the real answer or replaces it with the fault's own.
/// </summary>
internal static class FaultRunner
{
    public static async Task<Reply> RunAsync(HttpContext context, FaultSpec fault, bool identity, Uri baseUri, Func<Reply> handle)
    {
        var carriedOut = fault.CarriesOutFirst ? handle() : null; // the work is done; then its answer is lost
        if (fault.DelayMs > 0) await Task.Delay(fault.DelayMs, context.RequestAborted);
        if (fault.Drop)
        {
            context.Abort();
            return Reply.Dropped;
        }

        if (fault.Truncate != Truncation.None) return carriedOut!.CutAs(fault.Truncate);

        // Status 0 without drop is a pure delay: the request then runs as usual (or was run already).
        return fault.Status == 0 ? carriedOut ?? handle() : FaultReplies.For(fault, identity, baseUri);
    }
}
