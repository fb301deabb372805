using System;
using System.Globalization;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Threading;
using OpenStackSnapshot.Client.Errors;

namespace OpenStackSnapshot.Client.Http
{
    /// <summary>
    /// Says, without -Verbose's help, that a request is waiting on retries: a wait of more than a couple of seconds was
    /// otherwise silent, and a mistyped URL looked like a hang. Once per request, and at most once a minute per log (one
    /// command), so a long pipeline that a cloud keeps rate-limiting is told, not flooded.
    /// </summary>
    internal static class WaitNotice
    {
        /// <summary>How long a request may wait on its retries before the user is told.</summary>
        internal static readonly TimeSpan After = TimeSpan.FromSeconds(2);

        /// <summary>How long one command's log stays quiet after a wait was told.</summary>
        internal static readonly TimeSpan Quiet = TimeSpan.FromMinutes(1);

        // When each log was last told (UTC ticks); an entry goes when its command lets the log go.
        private static readonly ConditionalWeakTable<IRequestLog, StrongBox<long>> LastTold = new();

        /// <summary>Warns when this retry's wait takes the request past <see cref="After"/>, unless it or its log was told lately.</summary>
        public static void Consider(HttpRequestMessage request, RetryState state, TimeSpan delay, TimeSpan tryingFor, string reason)
        {
            if (state.Elapsed + delay <= After || RequestTags.Find(request)?.Log is not { } log || !state.TryMarkNoticed() || !Claim(log)) return;
            var seconds = Math.Ceiling(Math.Max(1, tryingFor.TotalSeconds));
            log.Warning(Sentences.Join(
                $"Waiting for {request.Method} {request.RequestUri?.AbsoluteUri}: {reason}",
                string.Format(CultureInfo.InvariantCulture, "Retrying for up to {0:0} s more", seconds)));
        }

        /// <summary>True when the log was not told within <see cref="Quiet"/>; it is then marked as told now.</summary>
        private static bool Claim(IRequestLog log)
        {
            var last = LastTold.GetValue(log, _ => new StrongBox<long>(long.MinValue));
            var now = DateTime.UtcNow.Ticks;
            var seen = Interlocked.Read(ref last.Value);
            return (seen == long.MinValue || now - seen >= Quiet.Ticks) && Interlocked.CompareExchange(ref last.Value, now, seen) == seen;
        }
    }
}
