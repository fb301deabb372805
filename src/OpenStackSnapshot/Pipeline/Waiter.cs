using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading.Tasks;
using OpenStackSnapshot.Client.Errors;
using OpenStackSnapshot.Client.Lifecycle;
using OpenStackSnapshot.Client.Models;
using OpenStackSnapshot.Client.Snapshots;
using OpenStackSnapshot.Client.Volumes;
using OpenStackSnapshot.Commands;

namespace OpenStackSnapshot.Pipeline
{
    /// <summary>
    /// The one wait loop behind Wait-OSSnapshot, New-OSSnapshot -Wait and Remove-OSSnapshot -Wait, and behind the volume
    /// cmdlets' -Wait (New-OSVolume, Remove-OSVolume, Restore-OSSnapshot): any resource's <see cref="StatusWait{T}"/>.
    /// A cmdlet creates one per pipeline from its -Wait, -Timeout and -ThrottleLimit, hands it each item to wait on as its
    /// call ends (<see cref="Add"/>), and at the end makes one call, <see cref="ForSnapshots"/> or <see cref="ForVolumes"/>,
    /// which waits for them all together, or does nothing without -Wait.
    /// </summary>
    internal sealed class Waiter
    {
        /// <summary>How long a wait lasts by default: long enough for large volumes, short enough for runbooks.</summary>
        internal static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(30);

        private const int ProgressId = 0x05_5A_17;

        private readonly OSCmdlet _cmdlet;
        private readonly TimeSpan _timeout;
        private readonly int _throttleLimit;
        private readonly List<string> _ids = new List<string>();

        /// <param name="cmdlet">The cmdlet that writes and reports.</param>
        /// <param name="wait">-Wait: without it the ending calls do nothing.</param>
        /// <param name="timeout">-Timeout: those still pending then get an OSTimeout error each.</param>
        /// <param name="throttleLimit">-ThrottleLimit: up to this many pending are shown at once instead of listed.</param>
        public Waiter(OSCmdlet cmdlet, bool wait, TimeSpan timeout, int throttleLimit = 1)
        {
            _cmdlet = cmdlet;
            Waits = wait;
            _timeout = timeout;
            _throttleLimit = throttleLimit;
        }

        /// <summary>-Wait was given: the items are written (or not) when the wait ends, not when their calls end.</summary>
        public bool Waits { get; }

        /// <summary>An item to wait on at the end (ignored without -Wait).</summary>
        public void Add(string id)
        {
            if (Waits) _ids.Add(id);
        }

        /// <summary>
        /// With -Wait, polls until every snapshot added reached the goal, failed, or the timeout passed. Each one that ends
        /// goes to reached (null: none is written) or its error is reported, at once; a progress bar counts them.
        /// </summary>
        public void ForSnapshots(ISnapshotService snapshots, WaitGoal goal, Action<Snapshot>? reached)
        {
            if (Waits) Run(_cmdlet, new SnapshotWait(snapshots, goal, _ids, _throttleLimit), Activity("snapshots", goal), _timeout, reached);
        }

        /// <summary>
        /// With -Wait, polls until every volume added reached the goal, failed, or the timeout passed, as
        /// <see cref="ForSnapshots"/> does; <paramref name="what"/> names them on the progress bar.
        /// </summary>
        public void ForVolumes(IVolumeService volumes, WaitGoal goal, Action<Volume>? reached, string what = "volumes",
            string? failureAdvice = null)
        {
            if (Waits)
                Run(_cmdlet, new VolumeWait(volumes, goal, _ids, _throttleLimit, failureAdvice), Activity(what, goal), _timeout, reached);
        }

        private static string Activity(string what, WaitGoal goal) =>
            goal == WaitGoal.Available ? $"Waiting for {what} to become available" : $"Waiting for {what} to be deleted";

        /// <summary>
        /// Polls <paramref name="wait"/> until every item reached its goal, failed, or the timeout passed; each one that ends
        /// goes to reached (null: none is written) or its error is reported, at once, with a progress bar counting them.
        /// </summary>
        private static void Run<T>(OSCmdlet cmdlet, StatusWait<T> wait, string activity, TimeSpan timeout, Action<T>? reached) where T : class
        {
            if (wait.Total == 0) return;
            var started = DateTime.UtcNow;
            var deadline = started + timeout;
            var progress = new ProgressRecord(ProgressId, activity, $"0 of {wait.Total} done");
            try
            {
                while (wait.Pending > 0)
                {
                    IReadOnlyList<WaitOutcome<T>> ended;
                    try
                    {
                        ended = cmdlet.Run(wait.PollAsync);
                    }
                    catch (OpenStackException e)
                    {
                        cmdlet.Report(e, null); // the listing itself failed: nothing more can be learnt by this wait
                        return;
                    }
                    Emit(cmdlet, ended, reached);
                    var done = wait.Total - wait.Pending;
                    progress.StatusDescription = $"{done} of {wait.Total} done";
                    progress.PercentComplete = done * 100 / wait.Total;
                    cmdlet.WriteProgress(progress);
                    if (wait.Pending == 0) break;

                    var left = deadline - DateTime.UtcNow;
                    if (left <= TimeSpan.Zero)
                    {
                        Emit(cmdlet, wait.Expire(DateTime.UtcNow - started), reached);
                        break;
                    }
                    var pause = wait.NextDelay();
                    cmdlet.Run(call => Task.Delay(pause < left ? pause : left, call.Cancellation));
                }
            }
            finally
            {
                progress.RecordType = ProgressRecordType.Completed;
                cmdlet.WriteProgress(progress);
            }
        }

        private static void Emit<T>(OSCmdlet cmdlet, IEnumerable<WaitOutcome<T>> outcomes, Action<T>? reached) where T : class
        {
            foreach (var outcome in outcomes)
            {
                if (outcome.Error != null) cmdlet.Report(outcome.Error, outcome.Id);
                else if (reached != null && outcome.Item != null) reached(outcome.Item);
            }
        }
    }
}
