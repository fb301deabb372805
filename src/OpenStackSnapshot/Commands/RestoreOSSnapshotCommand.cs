using System;
using System.Collections.Generic;
using System.Management.Automation;
using OpenStackSnapshot.Client.Errors;
using OpenStackSnapshot.Client.Models;
using OpenStackSnapshot.Client.Snapshots;
using OpenStackSnapshot.Client.Volumes;
using OpenStackSnapshot.Completion;
using OpenStackSnapshot.Errors;
using OpenStackSnapshot.Pipeline;
using OpenStackSnapshot.Validation;

namespace OpenStackSnapshot.Commands
{
    /// <summary>
    /// Reverts each snapshot's volume in place to it (block storage's revert action, microversion 3.40 on that request), after
    /// checking block storage's rules: the volume's newest snapshot, available, a detached volume of the snapshot's size.
    /// </summary>
    [Cmdlet(VerbsData.Restore, "OSSnapshot", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High,
        DefaultParameterSetName = SnapshotTargets.ObjectSet, HelpUri = HelpLinks.Docs + "Restore-OSSnapshot.md")]
    [OutputType(typeof(Volume))]
    public sealed class RestoreOSSnapshotCommand : OSSessionCmdlet
    {
        private Waiter _waiter = null!;

        /// <summary>Returns only once each reverted volume is available again.</summary>
        [Parameter]
        public SwitchParameter Wait { get; set; }

        [Parameter]
        [RefuseNumberAsSpan]
        public TimeSpan Timeout { get; set; } = Waiter.DefaultTimeout;

        /// <summary>Writes each reverted volume: as it was when the revert was asked, or with -Wait once it is available again.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>The snapshots by id; from the pipeline, strings and objects that name a snapshot, but never a volume.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = SnapshotTargets.IdSet, ValueFromPipeline = true)]
        [Alias("SnapshotId", "snapshot_id")]
        [SnapshotArgument]
        [ArgumentCompleter(typeof(SnapshotIdCompleter))]
        [ValidateNotNullOrEmpty]
        public string[] Id { get; set; } = Array.Empty<string>();

        [Parameter(Mandatory = true, ParameterSetName = SnapshotTargets.ObjectSet, ValueFromPipeline = true)]
        [ValidateNotNull]
        public Snapshot[] InputObject { get; set; } = Array.Empty<Snapshot>();

        // Refused before anything is sent, and for the whole pipeline: Nova's proxy has no revert.
        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            if (!Connection.Volumes.Features.Revert)
                ThrowTerminatingError(ErrorMap.ToRecord(Connection.Volumes.Features.Refusal("revert a volume to a snapshot"), null));
            _waiter = new Waiter(this, Wait, Timeout);
        }

        protected override void ProcessRecord()
        {
            foreach (var (id, known) in SnapshotTargets.Of(ParameterSetName, Id, InputObject)) Restore(id.Trim(), known);
        }

        protected override void EndProcessing() =>
            _waiter.ForVolumes(Connection.Volumes, WaitGoal.Available, volume =>
            {
                if (PassThru) WriteObject(volume);
            }, "reverted volumes", RevertFailed);

        private const string RevertFailed = "The snapshot is left as it was: make a new volume from it instead, and ask the cloud's operator "
            + "to look at the volume (block storage's logs say why the revert failed).";

        // Checked (reads only) before ShouldProcess, so -WhatIf and the prompt say what would happen, or why it would be refused.
        private void Restore(string id, Snapshot? known)
        {
            Volume volume;
            try
            {
                volume = Run(call => RevertCheck.CheckAsync(Connection.Snapshots, Connection.Volumes, id, known, call));
            }
            catch (OpenStackException e)
            {
                Report(e, id);
                return;
            }
            var snapshot = known?.Name != null ? $"snapshot {id} ({known.Name})" : $"snapshot {id}";
            var target = volume.Name != null ? $"volume {volume.Id} ({volume.Name})" : $"volume {volume.Id}";
            if (!ShouldProcess(target, $"Revert to {snapshot}: the data written since is lost")) return;
            try
            {
                Run(call => Connection.Volumes.RevertAsync(volume.Id, id, call));
            }
            catch (OpenStackException e)
            {
                Report(e, id);
                return;
            }
            _waiter.Add(volume.Id);
            if (PassThru && !_waiter.Waits) WriteObject(volume);
        }
    }
}
