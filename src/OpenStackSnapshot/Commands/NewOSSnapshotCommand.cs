using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading.Tasks;
using OpenStackSnapshot.Client.Errors;
using OpenStackSnapshot.Client.Models;
using OpenStackSnapshot.Client.Snapshots;
using OpenStackSnapshot.Client.Snapshots.Selection;
using OpenStackSnapshot.Output;
using OpenStackSnapshot.Pipeline;
using OpenStackSnapshot.Validation;
using OpenStackSnapshot.Completion;

namespace OpenStackSnapshot.Commands
{
    /// <summary>Creates a snapshot of each volume given, through the session's API.</summary>
    [Cmdlet(VerbsCommon.New, "OSSnapshot", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium,
        HelpUri = HelpLinks.Docs + "New-OSSnapshot.md")]
    [OutputType(typeof(Snapshot), typeof(RunSummary))]
    public sealed class NewOSSnapshotCommand : OSSessionCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("volume_id", "Id")]
        [ArgumentCompleter(typeof(VolumeIdCompleter))]
        [ValidateVolumeId("If it is the volume's name, Get-OSVolume -Name {0} | New-OSSnapshot snapshots that volume.")]
        public string VolumeId { get; set; } = null!;

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("display_name")]
        [ValidateSnapshotText]
        public string? Name { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("display_description")]
        [ValidateSnapshotText]
        public string? Description { get; set; }

        /// <summary>Key/value tags to give each snapshot (block-storage API).</summary>
        [Parameter]
        [ValidateMetadata]
        public Hashtable? Metadata { get; set; }

        /// <summary>Nova's "force": snapshot the volume even while it is attached.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Writes each snapshot once it is available instead of as soon as it was requested.</summary>
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

        /// <summary>A snapshot of the volume with this name made within the span (not failed or going) is written instead of a new one.</summary>
        [Parameter]
        [RefuseNumberAsSpan]
        [ValidateNonNegativeTimeSpan]
        public TimeSpan? ReuseNewerThan { get; set; }

        /// <summary>Writes one RunSummary at the end instead of the snapshots.</summary>
        [Parameter]
        public SwitchParameter Summary { get; set; }

        private InFlightQueue _inFlight = null!;
        private Waiter _waiter = null!;
        private RunSummary? _summary;
        // Whether an item was created or reused is known when it is submitted; with -Wait it is written later, by id.
        private readonly HashSet<string> _createdIds = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        private readonly HashSet<string> _submitted = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        private SnapshotReuse? _reuse;
        // -Metadata does not bind from the pipeline: converted once, for every volume piped in.
        private IReadOnlyDictionary<string, string>? _metadata;

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            RequireFeature(Connection.Snapshots.Features.Metadata, Metadata?.Count > 0, "-Metadata", "give a snapshot metadata");
            _inFlight = new InFlightQueue(this, ThrottleLimit);
            _waiter = new Waiter(this, Wait, Timeout, ThrottleLimit);
            if (Summary)
            {
                _summary = new RunSummary("New-OSSnapshot");
                OnFailure = _summary.AddFailure;
            }
            _metadata = MetadataArgument.From(Metadata);
        }

        protected override void ProcessRecord()
        {
            if (ReuseNewerThan != null && TryReuse()) return;
            var what = Name != null ? $"Create snapshot '{Name}'" : "Create snapshot";
            if (!ShouldProcess($"volume {VolumeId}", what)) return;
            var request = new NewSnapshot(VolumeId.Trim(), Name, Description, Force.IsPresent, _metadata);
            _submitted.Add(ReuseKey());
            _inFlight.Submit(call => Connection.Snapshots.CreateAsync(request, call), snapshot =>
            {
                _reuse?.Add(snapshot);
                Done(snapshot, reused: false);
            }, VolumeId);
        }

        // The snapshots of the whole pipeline are waited on together: one listing per poll, not one per snapshot.
        protected override void EndProcessing()
        {
            _inFlight.FinishAll();
            _waiter.ForSnapshots(Connection.Snapshots, WaitGoal.Available, WriteWaited);
            if (_summary != null) WriteObject(_summary);
        }

        private void WriteWaited(Snapshot snapshot) => Write(snapshot, reused: !_createdIds.Contains(snapshot.Id));

        /// <summary>True when this item is settled without a create: reused, or refused (no name, or the listing failed).</summary>
        private bool TryReuse()
        {
            if (Name == null)
            {
                Report(new OpenStackException(OpenStackErrorKind.InvalidArgument,
                    $"Volume {VolumeId} has no snapshot name to look for: -ReuseNewerThan reuses a snapshot by its volume and name.",
                    "Give -Name (or pipe objects with a Name property) with -ReuseNewerThan."), VolumeId);
                return true;
            }
            // The same volume and name given again while its create is in flight: let it finish, so it is found.
            if (_submitted.Contains(ReuseKey())) _inFlight.FinishAll();
            Snapshot? existing;
            try
            {
                _reuse ??= new SnapshotReuse(Run(Connection.Snapshots.List().ReadAllAsync), ReuseNewerThan!.Value, DateTime.UtcNow, _metadata);
                existing = _reuse.Find(VolumeId, Name);
            }
            catch (OpenStackException e)
            {
                // Without the listing a second snapshot might be made, which is what -ReuseNewerThan is there to prevent.
                Report(e, VolumeId);
                return true;
            }
            if (existing == null) return false;
            WriteVerboseLine($"Volume {VolumeId.Trim()} already has snapshot {existing.Id} '{Name}' "
                + $"({existing.Status}, created {existing.CreatedAt:u}), "
                + $"within -ReuseNewerThan {ReuseNewerThan}: it is written instead of creating another.");
            // Queued, so output keeps input order.
            _inFlight.Submit(_ => Task.FromResult(existing), snapshot => Done(snapshot, reused: true), VolumeId);
            return true;
        }

        private string ReuseKey() => $"{VolumeId.Trim()}\n{Name}";

        private void Done(Snapshot snapshot, bool reused)
        {
            if (!_waiter.Waits)
            {
                Write(snapshot, reused);
                return;
            }
            _waiter.Add(snapshot.Id);
            if (!reused) _createdIds.Add(snapshot.Id);
        }

        private void Write(Snapshot snapshot, bool reused)
        {
            if (_summary == null) WriteObject(snapshot);
            else if (reused) _summary.AddReused(snapshot);
            else _summary.AddCreated(snapshot);
        }
    }
}
