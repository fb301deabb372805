using System;
using System.Collections;
using System.Linq;
using System.Management.Automation;
using OpenStackSnapshot.Client.Models;
using OpenStackSnapshot.Client.Snapshots;
using OpenStackSnapshot.Client.Snapshots.Selection;
using OpenStackSnapshot.Validation;
using OpenStackSnapshot.Completion;
using OpenStackSnapshot.Pipeline;

namespace OpenStackSnapshot.Commands
{
    /// <summary>
    /// Gets snapshots by id, or lists the project's snapshots (all pages, in the server's order). A single exact
    /// name, status or volume id and the metadata go to the server as the query (the block-storage API filters
    /// there, the compute proxy here); wildcards, several values and ages are filtered here.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "OSSnapshot", DefaultParameterSetName = ListSet, HelpUri = HelpLinks.Docs + "Get-OSSnapshot.md")]
    [OutputType(typeof(Snapshot))]
    public sealed class GetOSSnapshotCommand : OSSessionCmdlet
    {
        private const string ListSet = "List";
        private const string IdSet = "Id";

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = IdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("SnapshotId", "snapshot_id")]
        [ArgumentCompleter(typeof(SnapshotIdCompleter))]
        [ValidateNotNullOrEmpty]
        public string[] Id { get; set; } = Array.Empty<string>();

        /// <summary>Snapshot names; wildcards allowed.</summary>
        [Parameter(Position = 0, ParameterSetName = ListSet)]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(SnapshotNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string[]? Name { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ArgumentCompleter(typeof(SnapshotStatusCompleter))]
        [ValidateNotNullOrEmpty]
        public string[]? Status { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ArgumentCompleter(typeof(VolumeIdCompleter))]
        [ValidateNotNullOrEmpty]
        [ValidateVolumeId("If it is the volume's name, Get-OSSnapshot -VolumeId (Get-OSVolume -Name {0}).Id lists that volume's snapshots.")]
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

        /// <summary>Only snapshots whose metadata has every one of these pairs (block-storage API).</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateMetadata]
        public Hashtable? Metadata { get; set; }

        /// <summary>The snapshots of every project (an administrator's view, block-storage API); each shows its ProjectId.</summary>
        [Parameter(ParameterSetName = ListSet)]
        public SwitchParameter AllProjects { get; set; }

        /// <summary>Type name of the view with a ProjectId column, given to snapshots listed with -AllProjects.</summary>
        internal const string AllProjectsView = "OpenStackSnapshot.Client.Models.Snapshot#AllProjects";

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            var features = Connection.Snapshots.Features;
            RequireFeature(features.Metadata, Metadata?.Count > 0, "-Metadata", "filter snapshots by metadata");
            RequireFeature(features.AllProjects, AllProjects.IsPresent, "-AllProjects", "list the snapshots of every project");
            if (AllProjects) WarnUnlessAdmin("snapshots");
        }

        protected override void ProcessRecord()
        {
            if (ParameterSetName == IdSet) IdWriter.WriteEach(this, Id, Connection.Snapshots.GetAsync);
        }

        protected override void EndProcessing()
        {
            if (ParameterSetName == ListSet) List();
        }

        private void List()
        {
            var now = DateTime.UtcNow; // one "now" for the whole listing, so every page is judged alike
            new ListingWriter(this, Name).WritePages(Connection.Snapshots.List(Query()), s => s.Name,
                s => ListingWriter.AnyOf(Status, s.Status) && ListingWriter.AnyOf(VolumeId, s.VolumeId)
                    && SnapshotAge.Matches(s.CreatedAt, OlderThan, NewerThan, now),
                "snapshot", AllProjects ? Shown : null);
        }

        // Only what the server can match exactly: one name without wildcards, one status (stored lower-case), one volume.
        private SnapshotQuery Query() => new SnapshotQuery
        {
            Name = Name?.Length == 1 && !WildcardPattern.ContainsWildcardCharacters(Name[0]) ? Name[0] : null,
            Status = Status?.Length == 1 ? Status[0].Trim().ToLowerInvariant() : null,
            VolumeId = VolumeId?.Length == 1 ? VolumeId[0].Trim().ToLowerInvariant() : null,
            Metadata = MetadataArgument.From(Metadata),
            AllProjects = AllProjects,
        };

        private static object Shown(Snapshot snapshot) => Output.Views.As(snapshot, AllProjectsView);
    }
}
