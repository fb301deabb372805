using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using OpenStackSnapshot.Client.Models;
using OpenStackSnapshot.Client.Snapshots;
using OpenStackSnapshot.Client.Volumes;
using OpenStackSnapshot.Completion;
using OpenStackSnapshot.Pipeline;
using OpenStackSnapshot.Validation;

namespace OpenStackSnapshot.Commands
{
    /// <summary>Makes a volume from each snapshot given, through the session's API: the way back from a snapshot.</summary>
    [Cmdlet(VerbsCommon.New, "OSVolume", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium,
        DefaultParameterSetName = SnapshotTargets.ObjectSet, HelpUri = HelpLinks.Docs + "New-OSVolume.md")]
    [OutputType(typeof(Volume))]
    public sealed class NewOSVolumeCommand : OSSessionCmdlet
    {
        /// <summary>The snapshot by id; from the pipeline, strings and objects that name a snapshot, but never a volume.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = SnapshotTargets.IdSet, ValueFromPipeline = true)]
        [Alias("snapshot_id")]
        [SnapshotArgument]
        [ArgumentCompleter(typeof(SnapshotIdCompleter))]
        [ValidateNotNullOrEmpty]
        public string SnapshotId { get; set; } = null!;

        /// <summary>A snapshot object (Get-OSSnapshot): its size is known, so it is not read again.</summary>
        [Parameter(Mandatory = true, ParameterSetName = SnapshotTargets.ObjectSet, ValueFromPipeline = true)]
        [ValidateNotNull]
        public Snapshot InputObject { get; set; } = null!;

        [Parameter]
        [Alias("display_name")]
        [ValidateSnapshotText]
        public string? Name { get; set; }

        [Parameter]
        [Alias("display_description")]
        [ValidateSnapshotText]
        public string? Description { get; set; }

        /// <summary>Size in GiB: the snapshot's when omitted; never smaller than the snapshot's.</summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int? Size { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        [ValidateSnapshotText]
        public string? AvailabilityZone { get; set; }

        /// <summary>The volume type's name or id (block-storage API).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ValidateSnapshotText]
        public string? VolumeType { get; set; }

        /// <summary>Key/value tags to give each volume (block-storage API).</summary>
        [Parameter]
        [ValidateMetadata]
        public Hashtable? Metadata { get; set; }

        /// <summary>Writes each volume once it is available instead of as soon as it was requested.</summary>
        [Parameter]
        public SwitchParameter Wait { get; set; }

        /// <summary>With -Wait: how long to wait before giving up with OSTimeout.</summary>
        [Parameter]
        [RefuseNumberAsSpan]
        public TimeSpan Timeout { get; set; } = Waiter.DefaultTimeout;

        /// <summary>How many creates of this pipeline may be in flight at once; output stays in input order.</summary>
        [Parameter]
        [ValidateRange(1, InFlightQueue.MaxThrottleLimit)]
        public int ThrottleLimit { get; set; } = InFlightQueue.DefaultThrottleLimit;

        private InFlightQueue _inFlight = null!;
        private Waiter _waiter = null!;
        private IReadOnlyDictionary<string, string>? _metadata;

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            var features = Connection.Volumes.Features;
            RequireVolumeFeature(features.ChangeMetadata, Metadata?.Count > 0, "-Metadata", "give a volume metadata");
            RequireVolumeFeature(features.VolumeType, VolumeType != null, "-VolumeType", "choose a volume type");
            _metadata = MetadataArgument.From(Metadata);
            _inFlight = new InFlightQueue(this, ThrottleLimit);
            _waiter = new Waiter(this, Wait, Timeout, ThrottleLimit);
        }

        protected override void ProcessRecord()
        {
            var known = ParameterSetName == SnapshotTargets.ObjectSet ? InputObject : null;
            var snapshotId = known?.Id ?? SnapshotId.Trim();
            var label = known?.Name != null ? $"snapshot {snapshotId} ({known.Name})" : $"snapshot {snapshotId}";
            var what = Name != null ? $"Create volume '{Name}'" : "Create volume";
            if (!ShouldProcess(label, what)) return;
            var request = new NewVolume(snapshotId, Size, Name, Description)
            {
                AvailabilityZone = AvailabilityZone,
                VolumeType = VolumeType,
                Metadata = _metadata!,
            };
            _inFlight.Submit(call => VolumeFromSnapshot.CreateAsync(Connection.Snapshots, Connection.Volumes, request, known, call), volume =>
            {
                if (_waiter.Waits) _waiter.Add(volume.Id);
                else WriteObject(volume);
            }, snapshotId);
        }

        // The volumes of the whole pipeline are waited on together: one listing per poll once more are pending than in flight.
        protected override void EndProcessing()
        {
            _inFlight.FinishAll();
            _waiter.ForVolumes(Connection.Volumes, WaitGoal.Available, WriteObject);
        }
    }
}
