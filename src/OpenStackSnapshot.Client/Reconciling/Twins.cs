using System;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using OpenStackSnapshot.Client.Errors;
using OpenStackSnapshot.Client.Http;

namespace OpenStackSnapshot.Client.Reconciling
{
    /// <summary>
    /// After a resend, an earlier send that the cloud carried out late would leave a second item for one input. The one
    /// written to the pipeline stays; any other is removed once the cloud lets it (Cinder deletes only available or
    /// error items, so a twin still creating is waited for). What cannot be removed is said as a warning, with its id.
    /// </summary>
    internal static class Twins
    {
        public static async Task RemoveAsync<T>(ILostCreate<T> create, T kept, DateTime since, ReconcileTimes times, CallContext call)
        {
            var keptId = create.IdOf(kept);
            try
            {
                var (found, _) = await create.FindAsync(since, call).ConfigureAwait(false);
                var twins = found.Select(create.IdOf).Where(id => !string.Equals(id, keptId, StringComparison.OrdinalIgnoreCase)).ToList();
                if (twins.Count == 0)
                {
                    call.Log?.Verbose($"The resent {create.What} is {keptId}; no twin from an earlier send is on the cloud.");
                    return;
                }
                foreach (var twin in twins) await RemoveOneAsync(create, twin, keptId, times, call).ConfigureAwait(false);
            }
            catch (OpenStackException e) when (!call.Cancellation.IsCancellationRequested)
            {
                call.Log?.Warning($"The {create.What} was resent and is {keptId}, but looking for a twin from an earlier send failed: "
                    + $"{e.Message} List the volume's items and remove any twin yourself.");
            }
        }

        private static async Task RemoveOneAsync<T>(ILostCreate<T> create, string twin, string keptId, ReconcileTimes times, CallContext call)
        {
            call.Log?.Verbose($"A twin {twin} of the resent {create.What} ({keptId}) was made by an earlier send: removing it.");
            var clock = Stopwatch.StartNew();
            while (true)
            {
                string status;
                try
                {
                    status = create.StatusOf(await create.GetAsync(twin, call).ConfigureAwait(false));
                }
                catch (OpenStackException e) when (e.Kind == OpenStackErrorKind.NotFound)
                {
                    return; // already gone
                }
                if (create.Removable(status)) break;
                if (clock.Elapsed >= times.TwinWait)
                {
                    call.Log?.Warning($"The twin {twin} of the {create.What} is still {status} after {times.TwinWait.TotalMinutes:0} minutes, "
                        + "so it was not removed: remove it once it is available.");
                    return;
                }
                await Task.Delay(times.TwinPoll, call.Cancellation).ConfigureAwait(false);
            }
            await create.DeleteAsync(twin, call).ConfigureAwait(false);
            call.Log?.Verbose($"The twin {twin} of the {create.What} is being removed.");
        }
    }
}
