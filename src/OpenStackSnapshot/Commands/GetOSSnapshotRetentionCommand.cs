using System;
using System.Management.Automation;
using OpenStackSnapshot.Client.Models;
using OpenStackSnapshot.Client.Snapshots.Retention;
using OpenStackSnapshot.Completion;
using OpenStackSnapshot.Pipeline;
using OpenStackSnapshot.Validation;

namespace OpenStackSnapshot.Commands
{
    /// <summary>
    /// What Remove-OSSnapshot would do with the same keep parameters, as objects, and why: restic's forget --dry-run.
    /// Nothing is sent; it needs no session, only the snapshot objects.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "OSSnapshotRetention", HelpUri = HelpLinks.Docs + "Get-OSSnapshotRetention.md")]
    [OutputType(typeof(RetentionDecision))]
    public sealed class GetOSSnapshotRetentionCommand : OSCmdlet, IRetentionParameters
    {
        private RetentionRun _retention = null!;

        [Parameter(Mandatory = true, ValueFromPipeline = true)]
        [ValidateNotNull]
        public Snapshot[] InputObject { get; set; } = Array.Empty<Snapshot>();

        [Parameter]
        [Alias("KeepLast")]
        [ValidateRange(0, int.MaxValue)]
        public int? KeepNewest { get; set; }

        [Parameter]
        [ValidateRange(0, int.MaxValue)]
        public int? KeepHourly { get; set; }

        [Parameter]
        [ValidateRange(0, int.MaxValue)]
        public int? KeepDaily { get; set; }

        [Parameter]
        [ValidateRange(0, int.MaxValue)]
        public int? KeepWeekly { get; set; }

        [Parameter]
        [ValidateRange(0, int.MaxValue)]
        public int? KeepMonthly { get; set; }

        [Parameter]
        [ValidateRange(0, int.MaxValue)]
        public int? KeepYearly { get; set; }

        [Parameter]
        [RefuseNumberAsSpan]
        [ValidateRetentionSpan]
        public TimeSpan? KeepWithin { get; set; }

        [Parameter]
        [RefuseNumberAsSpan]
        [ValidateRetentionSpan]
        public TimeSpan? KeepWithinHourly { get; set; }

        [Parameter]
        [RefuseNumberAsSpan]
        [ValidateRetentionSpan]
        public TimeSpan? KeepWithinDaily { get; set; }

        [Parameter]
        [RefuseNumberAsSpan]
        [ValidateRetentionSpan]
        public TimeSpan? KeepWithinWeekly { get; set; }

        [Parameter]
        [RefuseNumberAsSpan]
        [ValidateRetentionSpan]
        public TimeSpan? KeepWithinMonthly { get; set; }

        [Parameter]
        [RefuseNumberAsSpan]
        [ValidateRetentionSpan]
        public TimeSpan? KeepWithinYearly { get; set; }

        [Parameter]
        [TimeZoneArgument]
        [ArgumentCompleter(typeof(TimeZoneCompleter))]
        public TimeZoneInfo? TimeZone { get; set; }

        // With no keep parameter every available snapshot is shown as removed, as Remove-OSSnapshot -KeepNewest 0 would.
        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            _retention = new RetentionRun(this, WriteVerboseLine);
        }

        protected override void ProcessRecord() => _retention.Add(InputObject);

        protected override void EndProcessing()
        {
            foreach (var volume in _retention.Decide()) WriteObject(volume.Decisions, enumerateCollection: true);
        }
    }
}
