using System;
using System.Collections.Generic;
using System.Management.Automation;
using OpenStackSnapshot.Client.Compute;
using OpenStackSnapshot.Client.Models;

namespace OpenStackSnapshot.Commands
{
    /// <summary>Deletes snapshots: DELETE {compute}/os-snapshots/{id} (202, asynchronous).</summary>
    [Cmdlet(VerbsCommon.Remove, "OSSnapshot", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = ObjectSet)]
    [OutputType(typeof(Snapshot))]
    public sealed class RemoveOSSnapshotCommand : SnapshotTargetCmdlet
    {
        private readonly List<string> _deleted = new List<string>();

        /// <summary>Returns only when each snapshot is gone (show answers 404).</summary>
        [Parameter]
        public SwitchParameter Wait { get; set; }

        [Parameter]
        public TimeSpan Timeout { get; set; } = DefaultWaitTimeout;

        /// <summary>Writes each snapshot that was deleted.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>How many removals of this pipeline may be in flight at once; output stays in input order.</summary>
        [Parameter]
        [ValidateRange(1, MaxThrottleLimit)]
        public int ThrottleLimit { get; set; } = DefaultThrottleLimit;

        protected override void ProcessRecord()
        {
            foreach (var (id, known) in Targets()) Remove(id, known);
        }

        protected override void EndProcessing()
        {
            FinishInFlight();
            if (Wait) WaitFor(_deleted, WaitGoal.Deleted, Timeout, writeSnapshots: false, ThrottleLimit);
        }

        private void Remove(string id, Snapshot? known)
        {
            var label = known?.Name != null ? $"snapshot {id} ({known.Name})" : $"snapshot {id}";
            if (!ShouldProcess(label, "Remove")) return;
            var lookUp = PassThru && known == null;
            Submit(ThrottleLimit, async call =>
            {
                // -PassThru writes the snapshot as it was; an id alone is looked up first (a 404 ends it here).
                var shown = lookUp ? await Connection.Snapshots.GetAsync(id, call).ConfigureAwait(false) : known;
                await Connection.Snapshots.DeleteAsync(id, call).ConfigureAwait(false);
                return shown;
            }, shown =>
            {
                _deleted.Add(id);
                if (PassThru) WriteObject(shown);
            }, id);
        }
    }
}
