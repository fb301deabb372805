using System;
using System.Collections.Generic;
using System.Management.Automation;
using OpenStackSnapshot.Client.Compute;
using OpenStackSnapshot.Client.Models;
using OpenStackSnapshot.Validation;

namespace OpenStackSnapshot.Commands
{
    /// <summary>Creates a snapshot of each volume given: POST {compute}/os-snapshots.</summary>
    [Cmdlet(VerbsCommon.New, "OSSnapshot", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Snapshot))]
    public sealed class NewOSSnapshotCommand : OSSessionCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("volume_id", "Id")]
        [ValidateVolumeId]
        public string VolumeId { get; set; } = null!;

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("display_name")]
        [ValidateSnapshotText]
        public string? Name { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("display_description")]
        [ValidateSnapshotText]
        public string? Description { get; set; }

        /// <summary>Nova's "force": snapshot the volume even while it is attached.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Writes each snapshot once it is available instead of as soon as it was requested.</summary>
        [Parameter]
        public SwitchParameter Wait { get; set; }

        /// <summary>With -Wait: how long to wait before giving up with OSTimeout.</summary>
        [Parameter]
        public TimeSpan Timeout { get; set; } = DefaultWaitTimeout;

        /// <summary>How many creates of this pipeline may be in flight at once; output stays in input order.</summary>
        [Parameter]
        [ValidateRange(1, MaxThrottleLimit)]
        public int ThrottleLimit { get; set; } = DefaultThrottleLimit;

        private readonly List<string> _created = new List<string>();

        protected override void ProcessRecord()
        {
            var what = Name != null ? $"Create snapshot '{Name}'" : "Create snapshot";
            if (!ShouldProcess($"volume {VolumeId}", what)) return;
            var request = new NewSnapshot(VolumeId.Trim(), Name, Description, Force.IsPresent);
            Submit(ThrottleLimit, call => Connection.Snapshots.CreateAsync(request, call), snapshot =>
            {
                if (Wait) _created.Add(snapshot.Id);
                else WriteObject(snapshot);
            }, VolumeId);
        }

        // The snapshots of the whole pipeline are waited on together: one listing per poll, not one per snapshot.
        protected override void EndProcessing()
        {
            FinishInFlight();
            if (Wait) WaitFor(_created, WaitGoal.Available, Timeout, writeSnapshots: true, ThrottleLimit);
        }
    }
}
