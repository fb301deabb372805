using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using OpenStackSnapshot.Client.Errors;
using OpenStackSnapshot.Client.Http;

namespace OpenStackSnapshot.Client.Reconciling
{
    /// <summary>
    /// Establishes the fate of a create whose answer was lost (a timeout or a connection cut after sending, a 502/504,
    /// Nova's 500 when Cinder went away, a 2xx that cannot be read), for any resource. It is never resent blindly: the
    /// item is looked for; if absent, looked for again once the service answers and a grace period has passed; only
    /// then sent again. After a resend, a late twin of an earlier send is looked for and removed once the cloud lets
    /// it, so one input makes one item. Each step is a verbose line.
    /// </summary>
    internal static class CreateFate
    {
        public static async Task<T> CreateAsync<T>(ILostCreate<T> create, ReconcileTimes times, CallContext call) where T : class
        {
            var since = DateTime.UtcNow - times.ClockSkew;
            for (var send = 1; ; send++)
            {
                T made;
                try
                {
                    made = await create.SendAsync(call).ConfigureAwait(false);
                }
                // The sender's finding: it may have been carried out although its answer says nothing of it.
                catch (OpenStackException lost) when (lost.Exchange?.FateUnknown == true && !call.Cancellation.IsCancellationRequested)
                {
                    if (create.CannotBeFound is string why) throw Unresolved(create, lost, why);
                    var found = await SettleAsync(create, lost, since, send, times, call).ConfigureAwait(false);
                    if (found == null)
                    {
                        call.Log?.Verbose($"The {create.What} is not on the cloud after the grace period: sending it again "
                            + $"(send {send + 1} of at most {times.MostSends}).");
                        continue;
                    }
                    made = found;
                }
                if (send > 1) await Twins.RemoveAsync(create, made, since, times, call).ConfigureAwait(false);
                return made;
            }
        }

        /// <summary>The item the lost create made, or null once its absence is established and a resend is allowed.</summary>
        private static async Task<T?> SettleAsync<T>(ILostCreate<T> create, OpenStackException lost, DateTime since, int send,
            ReconcileTimes times, CallContext call) where T : class
        {
            call.Log?.Verbose($"The answer to the create of the {create.What} was lost ({lost.Kind}): looking for it on the cloud.");
            var (found, checkedWhat) = await LookAsync(create, lost, since, send, call).ConfigureAwait(false);
            if (found != null) return found;
            call.Log?.Verbose($"Not found ({checkedWhat}); the service answers, so waiting {times.Grace.TotalSeconds:0} s "
                + "for a create it accepted to show, then looking again.");
            await Task.Delay(times.Grace, call.Cancellation).ConfigureAwait(false);
            (found, checkedWhat) = await LookAsync(create, lost, since, send, call).ConfigureAwait(false);
            if (found != null) return found;
            if (send >= times.MostSends)
                throw Unresolved(create, lost, $"It was sent {send} times, each answer was lost, and none showed on the cloud "
                    + $"({checkedWhat}, the last time {times.Grace.TotalSeconds:0} s after the service answered again).");
            return null;
        }

        /// <summary>One look: the item if exactly one is found (any one of ours after several sends, the others being twins).</summary>
        private static async Task<(T? Found, string Checked)> LookAsync<T>(ILostCreate<T> create, OpenStackException lost, DateTime since,
            int send, CallContext call) where T : class
        {
            IReadOnlyList<T> found;
            int listed;
            try
            {
                (found, listed) = await create.FindAsync(since, call).ConfigureAwait(false);
            }
            catch (OpenStackException listing) when (!call.Cancellation.IsCancellationRequested)
            {
                // Say the listing's own reason: an outage that outlasted the retry budget is only one of them.
                throw Unresolved(create, lost, $"Looking for it failed too ({listing.Kind}), so the {create.What} may exist: {listing.Message}");
            }
            var checkedWhat = $"checked: {listed} {create.Items} listed, looking for the {create.What} created since {since:u}";
            if (found.Count == 1 || (found.Count > 1 && send > 1))
            {
                call.Log?.Verbose($"The {create.What} was found again as {create.IdOf(found[0])} and is written instead ({checkedWhat}).");
                return (found[0], checkedWhat);
            }
            if (found.Count > 1)
                throw Unresolved(create, lost, $"{found.Count} {create.Items} match ({string.Join(", ", found.Select(create.IdOf))}; {checkedWhat}): "
                    + "which one this request made cannot be told.");
            return (null, checkedWhat);
        }

        private static OpenStackException Unresolved<T>(ILostCreate<T> create, OpenStackException lost, string what) =>
            lost.WithMessage(Sentences.Join(lost.Message, what), create.Advice);
    }
}
