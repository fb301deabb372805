using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using OpenStackSnapshot.Client.Models;
using OpenStackSnapshot.Client.Snapshots;
using OpenStackSnapshot.Client.Snapshots.Retention;
using OpenStackSnapshot.Output;
using OpenStackSnapshot.Pipeline;
using OpenStackSnapshot.Validation;
using OpenStackSnapshot.Completion;

namespace OpenStackSnapshot.Commands
{
    /// <summary>Deletes snapshots: DELETE {compute}/os-snapshots/{id} (202, asynchronous).</summary>
    [Cmdlet(VerbsCommon.Remove, "OSSnapshot", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High,
        DefaultParameterSetName = SnapshotTargets.ObjectSet, HelpUri = HelpLinks.Docs + "Remove-OSSnapshot.md")]
    [OutputType(typeof(Snapshot), typeof(RunSummary))]
    public sealed class RemoveOSSnapshotCommand : OSSessionCmdlet, IRetentionParameters
    {
        private Waiter _waiter = null!;
        private Removals<Snapshot> _removals = null!;
        private RunSummary? _summary;
        private RetentionRun? _retention;

        /// <summary>Returns only when each snapshot is gone (show answers 404); one already gone is then no error.</summary>
        [Parameter]
        public SwitchParameter Wait { get; set; }

        [Parameter]
        [RefuseNumberAsSpan]
        public TimeSpan Timeout { get; set; } = Waiter.DefaultTimeout;

        /// <summary>Writes each snapshot that was deleted.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>How many removals of this pipeline may be in flight at once; output stays in input order.</summary>
        [Parameter]
        [ValidateRange(1, InFlightQueue.MaxThrottleLimit)]
        public int ThrottleLimit { get; set; } = InFlightQueue.DefaultThrottleLimit;

        // The keep parameters make the input a retention policy, restic's forget per volume (Pipeline/RetentionRun.cs).
        // Only with snapshot objects: the rules need each one's volume, status and creation time.

        /// <summary>Keeps the newest N available snapshots of each volume (restic's --keep-last).</summary>
        [Parameter(ParameterSetName = SnapshotTargets.ObjectSet)]
        [Alias("KeepLast")]
        [ValidateRange(0, int.MaxValue)]
        public int? KeepNewest { get; set; }

        [Parameter(ParameterSetName = SnapshotTargets.ObjectSet)]
        [ValidateRange(0, int.MaxValue)]
        public int? KeepHourly { get; set; }

        [Parameter(ParameterSetName = SnapshotTargets.ObjectSet)]
        [ValidateRange(0, int.MaxValue)]
        public int? KeepDaily { get; set; }

        [Parameter(ParameterSetName = SnapshotTargets.ObjectSet)]
        [ValidateRange(0, int.MaxValue)]
        public int? KeepWeekly { get; set; }

        [Parameter(ParameterSetName = SnapshotTargets.ObjectSet)]
        [ValidateRange(0, int.MaxValue)]
        public int? KeepMonthly { get; set; }

        [Parameter(ParameterSetName = SnapshotTargets.ObjectSet)]
        [ValidateRange(0, int.MaxValue)]
        public int? KeepYearly { get; set; }

        [Parameter(ParameterSetName = SnapshotTargets.ObjectSet)]
        [RefuseNumberAsSpan]
        [ValidateRetentionSpan]
        public TimeSpan? KeepWithin { get; set; }

        [Parameter(ParameterSetName = SnapshotTargets.ObjectSet)]
        [RefuseNumberAsSpan]
        [ValidateRetentionSpan]
        public TimeSpan? KeepWithinHourly { get; set; }

        [Parameter(ParameterSetName = SnapshotTargets.ObjectSet)]
        [RefuseNumberAsSpan]
        [ValidateRetentionSpan]
        public TimeSpan? KeepWithinDaily { get; set; }

        [Parameter(ParameterSetName = SnapshotTargets.ObjectSet)]
        [RefuseNumberAsSpan]
        [ValidateRetentionSpan]
        public TimeSpan? KeepWithinWeekly { get; set; }

        [Parameter(ParameterSetName = SnapshotTargets.ObjectSet)]
        [RefuseNumberAsSpan]
        [ValidateRetentionSpan]
        public TimeSpan? KeepWithinMonthly { get; set; }

        [Parameter(ParameterSetName = SnapshotTargets.ObjectSet)]
        [RefuseNumberAsSpan]
        [ValidateRetentionSpan]
        public TimeSpan? KeepWithinYearly { get; set; }

        /// <summary>Whose hours, days, weeks, months and years the buckets are: an IANA or Windows id; the local zone by default.</summary>
        [Parameter(ParameterSetName = SnapshotTargets.ObjectSet)]
        [TimeZoneArgument]
        [ArgumentCompleter(typeof(TimeZoneCompleter))]
        public TimeZoneInfo? TimeZone { get; set; }

        /// <summary>Writes one RunSummary at the end instead of the snapshots -PassThru writes.</summary>
        [Parameter]
        public SwitchParameter Summary { get; set; }

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
            if (Summary)
            {
                _summary = new RunSummary("Remove-OSSnapshot");
                OnFailure = _summary.AddFailure;
            }
            _waiter = new Waiter(this, Wait, Timeout, ThrottleLimit);
            _removals = new Removals<Snapshot>(this, "snapshot", ThrottleLimit, _waiter, PassThru, s => s.Name,
                Connection.Snapshots.GetAsync, Connection.Snapshots.DeleteAsync);
            _retention = RetentionRun.Requested(this) ? new RetentionRun(this, WriteVerboseLine) : null;
            if (_retention == null && TimeZone != null)
                WriteWarning("-TimeZone has no effect without a keep parameter: every snapshot given is removed.");
        }

        protected override void ProcessRecord()
        {
            if (_retention != null) _retention.Add(InputObject);
            else foreach (var (id, known) in SnapshotTargets.Of(ParameterSetName, Id, InputObject)) Remove(id, known);
        }

        protected override void EndProcessing()
        {
            if (_retention != null) Retain(_retention);
            _removals.FinishAll();
            _waiter.ForSnapshots(Connection.Snapshots, WaitGoal.Deleted, reached: null);
            if (_summary != null) WriteObject(_summary);
        }

        // The decisions and their reasons are said before anything is sent; each volume's removals go oldest first.
        // Under -WhatIf, what stays is said too, with why ("Would keep snapshot ...: daily snapshot"), beside the What if lines.
        private void Retain(RetentionRun retention)
        {
            var whatIf = WhatIfMode();
            foreach (var volume in retention.Decide())
            {
                _summary?.AddKept(volume.Kept.Count);
                _summary?.AddLeft(volume.Left.Count);
                if (whatIf)
                {
                    foreach (var stays in volume.Decisions.Where(d => d.Action != RetentionAction.Remove))
                        WriteInformation(new HostInformationMessage { Message = "Would " + Lowered(stays.ToString()) }, new[] { "PSHOST" });
                }
                foreach (var snapshot in volume.Removed.Reverse()) Remove(snapshot.Id, snapshot);
            }
        }

        private static string Lowered(string text) => char.ToLowerInvariant(text[0]) + text.Substring(1);

        private bool WhatIfMode() =>
            MyInvocation.BoundParameters.TryGetValue("WhatIf", out var given)
                ? LanguagePrimitives.IsTrue(given is SwitchParameter s ? s.IsPresent : given)
                : LanguagePrimitives.IsTrue(GetVariableValue("WhatIfPreference"));

        private void Remove(string id, Snapshot? known) => _removals.Remove(id, known, (removed, shown) =>
        {
            if (_summary != null) _summary.AddRemoved(removed, shown);
            else if (PassThru && shown != null) WriteObject(shown);
        });
    }
}
