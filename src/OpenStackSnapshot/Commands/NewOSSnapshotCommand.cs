using System.Management.Automation;
using OpenStackSnapshot.Client.Errors;
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

        protected override void ProcessRecord()
        {
            var what = Name != null ? $"Create snapshot '{Name}'" : "Create snapshot";
            if (!ShouldProcess($"volume {VolumeId}", what)) return;
            var request = new NewSnapshot(VolumeId.Trim(), Name, Description, Force.IsPresent);
            try
            {
                WriteObject(Run(call => Connection.Snapshots.CreateAsync(request, call)));
            }
            catch (OpenStackException e)
            {
                Report(e, VolumeId);
            }
        }
    }
}
