using System;
using System.Globalization;
using System.Net.Http;
using OpenStackSnapshot.Client.Errors;

namespace OpenStackSnapshot.Client.Http
{
    /// <summary>
    /// Says, once per request and without -Verbose's help, that it is waiting on retries: a wait of more than a
    /// couple of seconds was otherwise silent, and a mistyped URL looked like a hang.
    /// </summary>
    internal static class WaitNotice
    {
        /// <summary>How long a request may wait on its retries before the user is told.</summary>
        internal static readonly TimeSpan After = TimeSpan.FromSeconds(2);

        /// <summary>Warns when this retry's wait takes the request past <see cref="After"/>, and it has not warned yet.</summary>
        public static void Consider(HttpRequestMessage request, RetryState state, TimeSpan delay, TimeSpan tryingFor, string reason)
        {
            if (state.Elapsed + delay <= After || !state.TryMarkNoticed()) return;
            var seconds = Math.Ceiling(Math.Max(1, tryingFor.TotalSeconds));
            RequestTags.GetLog(request)?.Warning(Sentences.Join(
                $"Waiting for {request.Method} {request.RequestUri?.AbsoluteUri}: {reason}",
                string.Format(CultureInfo.InvariantCulture, "Retrying for up to {0:0} s more", seconds)));
        }
    }
}
