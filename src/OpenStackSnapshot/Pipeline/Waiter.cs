using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading.Tasks;
using OpenStackSnapshot.Client.Errors;
using OpenStackSnapshot.Client.Models;
using OpenStackSnapshot.Client.Snapshots;
using OpenStackSnapshot.Commands;

namespace OpenStackSnapshot.Pipeline
{
    /// <summary>The one wait loop behind Wait-OSSnapshot, New-OSSnapshot -Wait and Remove-OSSnapshot -Wait.</summary>
    internal sealed class Waiter
    {
        /// <summary>How long a wait lasts by default: long enough for large volumes, short enough for runbooks.</summary>
        internal static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(30);

        private const int ProgressId = 0x05_5A_17;

        private readonly OSCmdlet _cmdlet;
        private readonly ISnapshotService _snapshots;

        public Waiter(OSCmdlet cmdlet, ISnapshotService snapshots)
        {
            _cmdlet = cmdlet;
            _snapshots = snapshots;
        }

        /// <summary>
        /// Polls until every snapshot reached the goal, failed, or the timeout passed. Each one that ends goes to reached
        /// (null: none is written) or its error is reported, at once; a progress bar counts them. Up to throttleLimit
        /// shows are in flight at once.
        /// </summary>
        public void WaitFor(IEnumerable<string> ids, WaitGoal goal, TimeSpan timeout, int throttleLimit, Action<Snapshot>? reached)
        {
            var wait = new SnapshotWait(_snapshots, goal, ids, throttleLimit);
            if (wait.Total == 0) return;
            var started = DateTime.UtcNow;
            var deadline = started + timeout;
            var activity = goal == WaitGoal.Available ? "Waiting for snapshots to become available" : "Waiting for snapshots to be deleted";
            var progress = new ProgressRecord(ProgressId, activity, $"0 of {wait.Total} done");
            try
            {
                while (wait.Pending > 0)
                {
                    IReadOnlyList<WaitOutcome> ended;
                    try
                    {
                        ended = _cmdlet.Run(wait.PollAsync);
                    }
                    catch (OpenStackException e)
                    {
                        _cmdlet.Report(e, null); // the listing itself failed: nothing more can be learnt by this wait
                        return;
                    }
                    Emit(ended, reached);
                    var done = wait.Total - wait.Pending;
                    progress.StatusDescription = $"{done} of {wait.Total} done";
                    progress.PercentComplete = done * 100 / wait.Total;
                    _cmdlet.WriteProgress(progress);
                    if (wait.Pending == 0) break;

                    var left = deadline - DateTime.UtcNow;
                    if (left <= TimeSpan.Zero)
                    {
                        Emit(wait.Expire(DateTime.UtcNow - started), reached);
                        break;
                    }
                    var pause = wait.NextDelay();
                    _cmdlet.Run(call => Task.Delay(pause < left ? pause : left, call.Cancellation));
                }
            }
            finally
            {
                progress.RecordType = ProgressRecordType.Completed;
                _cmdlet.WriteProgress(progress);
            }
        }

        private void Emit(IEnumerable<WaitOutcome> outcomes, Action<Snapshot>? reached)
        {
            foreach (var outcome in outcomes)
            {
                if (outcome.Error != null) _cmdlet.Report(outcome.Error, outcome.Id);
                else if (reached != null && outcome.Snapshot != null) reached(outcome.Snapshot);
            }
        }
    }
}
