using System;
using System.Collections.Generic;
using System.Management.Automation;
using OpenStackSnapshot.Client.Compute;
using OpenStackSnapshot.Client.Models;

namespace OpenStackSnapshot.Commands
{
    /// <summary>Waits until snapshots are available (or, with -Deleted, gone), all of them together.</summary>
    [Cmdlet(VerbsLifecycle.Wait, "OSSnapshot", DefaultParameterSetName = ObjectSet)]
    [OutputType(typeof(Snapshot))]
    public sealed class WaitOSSnapshotCommand : OSSessionCmdlet
    {
        private const string IdSet = "Id";
        private const string ObjectSet = "InputObject";
        private readonly List<string> _ids = new List<string>();

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = IdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("SnapshotId", "snapshot_id")]
        [ValidateNotNullOrEmpty]
        public string[] Id { get; set; } = Array.Empty<string>();

        [Parameter(Mandatory = true, ParameterSetName = ObjectSet, ValueFromPipeline = true)]
        [ValidateNotNull]
        public Snapshot[] InputObject { get; set; } = Array.Empty<Snapshot>();

        /// <summary>Wait until the snapshots are gone instead of available.</summary>
        [Parameter]
        public SwitchParameter Deleted { get; set; }

        /// <summary>How long to wait; those still pending then get an OSTimeout error each.</summary>
        [Parameter]
        public TimeSpan Timeout { get; set; } = DefaultWaitTimeout;

        protected override void ProcessRecord()
        {
            if (ParameterSetName == ObjectSet)
            {
                foreach (var snapshot in InputObject) _ids.Add(snapshot.Id);
            }
            else
            {
                _ids.AddRange(Id);
            }
        }

        protected override void EndProcessing() =>
            WaitFor(_ids, Deleted ? WaitGoal.Deleted : WaitGoal.Available, Timeout, writeSnapshots: !Deleted);
    }
}
