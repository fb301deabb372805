using System;
using System.Collections.Generic;
using System.Management.Automation;
using OpenStackSnapshot.Client.Compute;
using OpenStackSnapshot.Client.Errors;
using OpenStackSnapshot.Client.Models;

namespace OpenStackSnapshot.Commands
{
    /// <summary>Deletes snapshots: DELETE {compute}/os-snapshots/{id} (202, asynchronous).</summary>
    [Cmdlet(VerbsCommon.Remove, "OSSnapshot", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = ObjectSet)]
    [OutputType(typeof(Snapshot))]
    public sealed class RemoveOSSnapshotCommand : OSSessionCmdlet
    {
        private const string IdSet = "Id";
        private const string ObjectSet = "InputObject";
        private readonly List<string> _deleted = new List<string>();

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = IdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("SnapshotId", "snapshot_id")]
        [ValidateNotNullOrEmpty]
        public string[] Id { get; set; } = Array.Empty<string>();

        [Parameter(Mandatory = true, ParameterSetName = ObjectSet, ValueFromPipeline = true)]
        [ValidateNotNull]
        public Snapshot[] InputObject { get; set; } = Array.Empty<Snapshot>();

        /// <summary>Returns only when each snapshot is gone (show answers 404).</summary>
        [Parameter]
        public SwitchParameter Wait { get; set; }

        [Parameter]
        public TimeSpan Timeout { get; set; } = DefaultWaitTimeout;

        /// <summary>Writes each snapshot that was deleted.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            if (ParameterSetName == ObjectSet)
            {
                foreach (var snapshot in InputObject) Remove(snapshot.Id, snapshot);
            }
            else
            {
                foreach (var id in Id) Remove(id, null);
            }
        }

        protected override void EndProcessing()
        {
            if (Wait) WaitFor(_deleted, WaitGoal.Deleted, Timeout, writeSnapshots: false);
        }

        private void Remove(string id, Snapshot? known)
        {
            var label = known?.Name != null ? $"snapshot {id} ({known.Name})" : $"snapshot {id}";
            if (!ShouldProcess(label, "Remove")) return;
            try
            {
                // -PassThru writes the snapshot as it was; an id alone is looked up first (a 404 ends it here).
                var shown = PassThru && known == null ? Run(call => Connection.Snapshots.GetAsync(id, call)) : known;
                Run(call => Connection.Snapshots.DeleteAsync(id, call));
                _deleted.Add(id);
                if (PassThru) WriteObject(shown);
            }
            catch (OpenStackException e)
            {
                Report(e, id);
            }
        }
    }
}
