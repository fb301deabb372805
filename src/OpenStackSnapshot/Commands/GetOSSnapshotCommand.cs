using System;
using System.Management.Automation;
using OpenStackSnapshot.Client.Errors;
using OpenStackSnapshot.Client.Models;
using OpenStackSnapshot.Client.Selection;
using OpenStackSnapshot.Validation;

namespace OpenStackSnapshot.Commands
{
    /// <summary>
    /// Gets snapshots by id, or lists every snapshot of the project (all pages, in the server's order) and
    /// filters them here, since Nova has no server-side filters.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "OSSnapshot", DefaultParameterSetName = ListSet)]
    [OutputType(typeof(Snapshot))]
    public sealed class GetOSSnapshotCommand : OSSessionCmdlet
    {
        private const string ListSet = "List";
        private const string IdSet = "Id";

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = IdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("SnapshotId", "snapshot_id")]
        [ValidateNotNullOrEmpty]
        public string[] Id { get; set; } = Array.Empty<string>();

        /// <summary>Snapshot names; wildcards allowed.</summary>
        [Parameter(Position = 0, ParameterSetName = ListSet)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[]? Name { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ArgumentCompleter(typeof(SnapshotStatusCompleter))]
        [ValidateNotNullOrEmpty]
        public string[]? Status { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ValidateNotNullOrEmpty]
        public string[]? VolumeId { get; set; }

        /// <summary>Only snapshots created longer ago than this (by CreatedAt, against the current UTC time).</summary>
        [Parameter(ParameterSetName = ListSet)]
        [RefuseNumberAsSpan]
        [ValidateNonNegativeTimeSpan]
        public TimeSpan? OlderThan { get; set; }

        /// <summary>Only snapshots created within this span of the current UTC time.</summary>
        [Parameter(ParameterSetName = ListSet)]
        [RefuseNumberAsSpan]
        [ValidateNonNegativeTimeSpan]
        public TimeSpan? NewerThan { get; set; }

        protected override void ProcessRecord()
        {
            if (ParameterSetName == IdSet) WriteEach(Id, Connection.Snapshots.GetAsync);
        }

        protected override void EndProcessing()
        {
            if (ParameterSetName == ListSet) List();
        }

        private void List()
        {
            var now = DateTime.UtcNow; // one "now" for the whole listing, so every page is judged alike
            WriteListing(Connection.Snapshots.List(), Name, s => s.Name,
                s => AnyOf(Status, s.Status) && AnyOf(VolumeId, s.VolumeId) && SnapshotAge.Matches(s.CreatedAt, OlderThan, NewerThan, now), "snapshot");
        }
    }
}
