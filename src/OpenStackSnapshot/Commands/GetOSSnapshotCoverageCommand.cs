using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using OpenStackSnapshot.Client.Errors;
using OpenStackSnapshot.Client.Models;
using OpenStackSnapshot.Client.Snapshots;
using OpenStackSnapshot.Client.Snapshots.Coverage;
using OpenStackSnapshot.Client.Volumes;
using OpenStackSnapshot.Completion;
using OpenStackSnapshot.Validation;

namespace OpenStackSnapshot.Commands
{
    /// <summary>
    /// Whether each volume has a recent backup: its newest available snapshot, that snapshot's age and whether it is younger
    /// than -MaxAge. The volumes come from the pipeline (Get-OSVolume's objects, or ids), or are every volume of the
    /// session; once they are all in, one listing of the available snapshots serves them all.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "OSSnapshotCoverage", DefaultParameterSetName = AllSet, HelpUri = HelpLinks.Docs + "Get-OSSnapshotCoverage.md")]
    [OutputType(typeof(SnapshotCoverage))]
    public sealed class GetOSSnapshotCoverageCommand : OSSessionCmdlet
    {
        private const string AllSet = "All";
        private const string VolumeSet = "Volume";
        private const string IdSet = "Id";

        /// <summary>Volumes as Get-OSVolume writes them: their names, attachments and projects come along, nothing is read again.</summary>
        [Parameter(Mandatory = true, ParameterSetName = VolumeSet, ValueFromPipeline = true)]
        [ValidateNotNull]
        public Volume[] InputObject { get; set; } = Array.Empty<Volume>();

        /// <summary>Volume ids; each volume is read once. A piped snapshot or coverage binds its VolumeId.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = IdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id", "volume_id")]
        [ArgumentCompleter(typeof(VolumeIdCompleter))]
        [ValidateNotNullOrEmpty]
        [ValidateVolumeId("If it is the volume's name, Get-OSVolume -Name {0} | Get-OSSnapshotCoverage checks that volume.")]
        public string[] VolumeId { get; set; } = Array.Empty<string>();

        /// <summary>How young a volume's newest available snapshot must be for the volume to count as covered (default one day).</summary>
        [Parameter]
        [RefuseNumberAsSpan]
        [ValidatePositiveTimeSpan]
        public TimeSpan MaxAge { get; set; } = DefaultMaxAge;

        /// <summary>
        /// Every project's volumes (without input) and snapshots: an administrator's view, block-storage API. Piped volumes of
        /// another project than the session's turn it on for the snapshot listing by themselves.
        /// </summary>
        [Parameter]
        public SwitchParameter AllProjects { get; set; }

        /// <summary>A nightly policy's span: a volume whose newest snapshot is older than a day missed a night.</summary>
        internal static readonly TimeSpan DefaultMaxAge = TimeSpan.FromDays(1);

        private readonly List<Volume> _volumes = new List<Volume>();
        private readonly HashSet<string> _ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            RequireVolumeFeature(Connection.Volumes.Features.AllProjects, AllProjects.IsPresent, "-AllProjects",
                "list the volumes and snapshots of every project");
            if (AllProjects) WarnUnlessAdmin("volumes and snapshots");
        }

        protected override void ProcessRecord()
        {
            if (ParameterSetName == VolumeSet) _volumes.AddRange(InputObject);
            if (ParameterSetName != IdSet) return;
            foreach (var id in VolumeId.Select(i => i.Trim()).Where(_ids.Add))
            {
                try
                {
                    _volumes.Add(Run(call => Connection.Volumes.GetAsync(id, call)));
                }
                catch (OpenStackException e)
                {
                    Report(e, id);
                }
            }
        }

        protected override void EndProcessing()
        {
            // An empty pipeline (no volume opted in) is no volume, never "every volume of the session".
            if (ParameterSetName == AllSet && !MyInvocation.ExpectingInput && !TryListVolumes()) return;
            if (_volumes.Count == 0) return;
            var everyProject = SnapshotsOfEveryProject();
            IReadOnlyList<Snapshot> snapshots;
            try
            {
                snapshots = Run(Connection.Snapshots.List(new SnapshotQuery
                {
                    Status = SnapshotStatus.Available,
                    VolumeId = _volumes.Count == 1 ? _volumes[0].Id : null,
                    AllProjects = everyProject,
                }).ReadAllAsync);
            }
            catch (OpenStackException e)
            {
                Report(e, null); // without the listing no volume's coverage is known: none is written
                return;
            }
            var coverage = CoverageCheck.Check(_volumes, snapshots, DateTime.UtcNow, MaxAge);
            WriteVerboseLine($"Coverage of {coverage.Count} volume(s) from one listing of {snapshots.Count} available snapshot(s)"
                + $"{(everyProject ? " of every project" : string.Empty)}: {coverage.Count(c => c.Covered)} covered within {MaxAge}.");
            foreach (var item in coverage) WriteObject(item);
        }

        private bool TryListVolumes()
        {
            try
            {
                _volumes.AddRange(Run(Connection.Volumes.List(AllProjects ? new VolumeQuery { AllProjects = true } : null).ReadAllAsync));
                return true;
            }
            catch (OpenStackException e)
            {
                Report(e, null);
                return false;
            }
        }

        /// <summary>
        /// -AllProjects, or a volume of another project (an administrator's listing piped in): the session's own project's
        /// snapshots would leave that volume looking uncovered. Where the API cannot list every project, the user is told.
        /// </summary>
        private bool SnapshotsOfEveryProject()
        {
            if (AllProjects) return true;
            var foreign = _volumes.FirstOrDefault(v => v.ProjectId != null
                && !string.Equals(v.ProjectId, Connection.ProjectId, StringComparison.OrdinalIgnoreCase));
            if (foreign == null) return false;
            if (!Connection.Snapshots.Features.AllProjects)
            {
                WriteWarning($"Volume {foreign.Id} belongs to project {foreign.ProjectId}, but this session lists only its own project's "
                    + "snapshots: volumes of other projects show as not covered.");
                return false;
            }
            WriteVerboseLine($"Volume {foreign.Id} belongs to project {foreign.ProjectId}: the snapshots of every project are listed.");
            WarnUnlessAdmin("snapshots");
            return true;
        }
    }
}
