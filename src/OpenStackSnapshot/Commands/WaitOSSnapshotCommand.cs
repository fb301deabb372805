using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using OpenStackSnapshot.Client.Models;
using OpenStackSnapshot.Client.Snapshots;
using OpenStackSnapshot.Pipeline;
using OpenStackSnapshot.Validation;
using OpenStackSnapshot.Completion;

namespace OpenStackSnapshot.Commands
{
    /// <summary>Waits until snapshots are available (or, with -Deleted, gone), all of them together.</summary>
    [Cmdlet(VerbsLifecycle.Wait, "OSSnapshot", DefaultParameterSetName = SnapshotTargets.ObjectSet, HelpUri = HelpLinks.Docs + "Wait-OSSnapshot.md")]
    [OutputType(typeof(Snapshot))]
    public sealed class WaitOSSnapshotCommand : OSSessionCmdlet
    {
        private Waiter _waiter = null!;

        /// <summary>Wait until the snapshots are gone instead of available.</summary>
        [Parameter]
        public SwitchParameter Deleted { get; set; }

        /// <summary>How long to wait; those still pending then get an OSTimeout error each.</summary>
        [Parameter]
        [RefuseNumberAsSpan]
        public TimeSpan Timeout { get; set; } = Waiter.DefaultTimeout;

        /// <summary>How many shows of this wait may be in flight at once: up to this many pending are shown, not listed.</summary>
        [Parameter]
        [ValidateRange(1, InFlightQueue.MaxThrottleLimit)]
        public int ThrottleLimit { get; set; } = InFlightQueue.DefaultThrottleLimit;

        // -Id and -InputObject come last, where PowerShell listed them when a base class declared them.
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = SnapshotTargets.IdSet,
            ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("SnapshotId", "snapshot_id")]
        [ArgumentCompleter(typeof(SnapshotIdCompleter))]
        [ValidateNotNullOrEmpty]
        public string[] Id { get; set; } = Array.Empty<string>();

        [Parameter(Mandatory = true, ParameterSetName = SnapshotTargets.ObjectSet, ValueFromPipeline = true)]
        [ValidateNotNull]
        public Snapshot[] InputObject { get; set; } = Array.Empty<Snapshot>();

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            _waiter = new Waiter(this, wait: true, Timeout, ThrottleLimit);
        }

        protected override void ProcessRecord()
        {
            foreach (var (id, _) in SnapshotTargets.Of(ParameterSetName, Id, InputObject)) _waiter.Add(id);
        }

        // Snapshots that are gone have nothing to write.
        protected override void EndProcessing() =>
            _waiter.ForSnapshots(Connection.Snapshots, Deleted ? WaitGoal.Deleted : WaitGoal.Available, Deleted ? null : WriteObject);
    }
}
