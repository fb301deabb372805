using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using OpenStackSnapshot.Client.Errors;
using OpenStackSnapshot.Client.Http;
using OpenStackSnapshot.Commands;
using OpenStackSnapshot.Errors;

namespace OpenStackSnapshot.Pipeline
{
    /// <summary>
    /// -ThrottleLimit: up to N calls of one pipeline in flight over the session (its retries, token renewal and
    /// circuit breaker are shared by them all); results and errors are written in input order, on the pipeline thread.
    /// </summary>
    internal sealed class InFlightQueue
    {
        /// <summary>
        /// The default -ThrottleLimit. On the real Nova + Cinder of the harness, 20 creates took 11.1 s one at a time,
        /// 6.8 s two at a time and 6.4 s with 4, 8 or 16 (medians of 3): 4 takes all of that gain without piling more
        /// on a cloud's API workers; clouds with more workers gain from more, asked for with -ThrottleLimit.
        /// </summary>
        internal const int DefaultThrottleLimit = 4;

        /// <summary>More in flight gains nothing on the clouds measured and only piles up work behind one API worker.</summary>
        internal const int MaxThrottleLimit = 64;

        private readonly OSCmdlet _cmdlet;
        private readonly int _throttleLimit;
        private readonly Queue<Action> _inFlight = new Queue<Action>();

        public InFlightQueue(OSCmdlet cmdlet, int throttleLimit)
        {
            _cmdlet = cmdlet;
            _throttleLimit = throttleLimit;
        }

        /// <summary>
        /// Starts a call for this pipeline item (ShouldProcess was asked already) and, while throttleLimit calls are
        /// in flight, finishes the oldest: its result goes to written, its failure is reported against target.
        /// </summary>
        public void Submit<T>(Func<CallContext, Task<T>> call, Action<T> written, object? target)
        {
            var task = _cmdlet.Start(call);
            _inFlight.Enqueue(() =>
            {
                try
                {
                    written(_cmdlet.Finish(task));
                }
                catch (OpenStackException e)
                {
                    // Nothing more can succeed: what is already in flight still ends and is written, so no result is lost.
                    if (ErrorMap.For(e.Kind).Terminating) FinishAll();
                    _cmdlet.Report(e, target);
                }
            });
            while (_inFlight.Count >= _throttleLimit) _inFlight.Dequeue()();
        }

        /// <summary>Finishes every call still in flight, oldest first (at the end of the input).</summary>
        public void FinishAll()
        {
            while (_inFlight.Count > 0) _inFlight.Dequeue()();
        }
    }
}
