using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading.Tasks;
using OpenStackSnapshot.Client.Errors;
using OpenStackSnapshot.Client.Lifecycle;
using OpenStackSnapshot.Client.Models;
using OpenStackSnapshot.Client.Snapshots;
using OpenStackSnapshot.Commands;

namespace OpenStackSnapshot.Pipeline
{
    /// <summary>
    /// The one wait loop behind Wait-OSSnapshot, New-OSSnapshot -Wait and Remove-OSSnapshot -Wait, and behind the volume
    /// cmdlets' -Wait (New-OSVolume, Remove-OSVolume, Restore-OSSnapshot): any resource's <see cref="StatusWait{T}"/>.
    /// </summary>
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
        public void WaitFor(IEnumerable<string> ids, WaitGoal goal, TimeSpan timeout, int throttleLimit, Action<Snapshot>? reached) =>
            Run(_cmdlet, new SnapshotWait(_snapshots, goal, ids, throttleLimit),
                goal == WaitGoal.Available ? "Waiting for snapshots to become available" : "Waiting for snapshots to be deleted", timeout, reached);

        /// <summary>
        /// Polls <paramref name="wait"/> until every item reached its goal, failed, or the timeout passed; each one that ends
        /// goes to reached (null: none is written) or its error is reported, at once, with a progress bar counting them.
        /// </summary>
        public static void Run<T>(OSCmdlet cmdlet, StatusWait<T> wait, string activity, TimeSpan timeout, Action<T>? reached) where T : class
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
