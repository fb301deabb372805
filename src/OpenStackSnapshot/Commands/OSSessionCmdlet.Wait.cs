using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading.Tasks;
using OpenStackSnapshot.Client.Errors;
using OpenStackSnapshot.Client.Models;
using OpenStackSnapshot.Client.Snapshots;

namespace OpenStackSnapshot.Commands
{
    /// <summary>The one wait loop behind Wait-OSSnapshot, New-OSSnapshot -Wait and Remove-OSSnapshot -Wait.</summary>
    public abstract partial class OSSessionCmdlet
    {
        /// <summary>How long a wait lasts by default: long enough for large volumes, short enough for runbooks.</summary>
        protected static readonly TimeSpan DefaultWaitTimeout = TimeSpan.FromMinutes(30);

        private const int WaitProgressId = 0x05_5A_17;

        /// <summary>
        /// Polls until every snapshot reached the goal, failed, or the timeout passed. Each one that ends is
        /// written (or its error) at once; a progress bar counts them. Up to throttleLimit shows are in flight at once.
        /// </summary>
        protected void WaitFor(IEnumerable<string> ids, WaitGoal goal, TimeSpan timeout, bool writeSnapshots, int throttleLimit)
        {
            var wait = new SnapshotWait(Connection.Snapshots, goal, ids, throttleLimit);
            if (wait.Total == 0) return;
            var started = DateTime.UtcNow;
            var deadline = started + timeout;
            var activity = goal == WaitGoal.Available ? "Waiting for snapshots to become available" : "Waiting for snapshots to be deleted";
            var progress = new ProgressRecord(WaitProgressId, activity, $"0 of {wait.Total} done");
            try
            {
                while (wait.Pending > 0)
                {
                    IReadOnlyList<WaitOutcome> ended;
                    try
                    {
                        ended = Run(wait.PollAsync);
                    }
                    catch (OpenStackException e)
                    {
                        Report(e, null); // the listing itself failed: nothing more can be learnt by this wait
                        return;
                    }
                    Emit(ended, writeSnapshots);
                    var done = wait.Total - wait.Pending;
                    progress.StatusDescription = $"{done} of {wait.Total} done";
                    progress.PercentComplete = done * 100 / wait.Total;
                    WriteProgress(progress);
                    if (wait.Pending == 0) break;

                    var left = deadline - DateTime.UtcNow;
                    if (left <= TimeSpan.Zero)
                    {
                        Emit(wait.Expire(DateTime.UtcNow - started), writeSnapshots);
                        break;
                    }
                    var pause = wait.NextDelay();
                    Run(call => Task.Delay(pause < left ? pause : left, call.Cancellation));
                }
            }
            finally
            {
                progress.RecordType = ProgressRecordType.Completed;
                WriteProgress(progress);
            }
        }

        private void Emit(IEnumerable<WaitOutcome> outcomes, bool writeSnapshots)
        {
            foreach (var outcome in outcomes)
            {
                if (outcome.Error != null) Report(outcome.Error, outcome.Id);
                else if (writeSnapshots && outcome.Snapshot != null) WriteWaited(outcome.Snapshot);
            }
        }

        /// <summary>A snapshot that reached the goal; a cmdlet that counts what it writes overrides this.</summary>
        protected virtual void WriteWaited(Snapshot snapshot) => WriteObject(snapshot);
    }
}
