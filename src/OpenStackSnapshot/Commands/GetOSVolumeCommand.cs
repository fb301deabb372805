using System;
using System.Collections;
using System.Management.Automation;
using OpenStackSnapshot.Client.Models;
using OpenStackSnapshot.Client.Volumes;
using OpenStackSnapshot.Completion;
using OpenStackSnapshot.Pipeline;
using OpenStackSnapshot.Validation;

namespace OpenStackSnapshot.Commands
{
    /// <summary>
    /// Gets volumes through the session's API (Nova's os-volumes proxy or Cinder's volumes), so they pipe into New-OSSnapshot,
    /// Set-OSVolume and Get-OSSnapshotCoverage; -Metadata finds the volumes that opted in to a backup policy.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "OSVolume", DefaultParameterSetName = ListSet, HelpUri = HelpLinks.Docs + "Get-OSVolume.md")]
    [OutputType(typeof(Volume))]
    public sealed class GetOSVolumeCommand : OSSessionCmdlet
    {
        private const string ListSet = "List";
        private const string IdSet = "Id";

        /// <summary>Named VolumeId (alias Id) so a piped snapshot binds its VolumeId, and a piped volume its Id.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = IdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id", "volume_id")]
        [ArgumentCompleter(typeof(VolumeIdCompleter))]
        [ValidateNotNullOrEmpty]
        public string[] VolumeId { get; set; } = Array.Empty<string>();

        /// <summary>Volume names; wildcards allowed.</summary>
        [Parameter(Position = 0, ParameterSetName = ListSet)]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(VolumeNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string[]? Name { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ValidateNotNullOrEmpty]
        public string[]? Status { get; set; }

        /// <summary>Only the volumes attached to one of these servers (the volumes' attachments name them); an unknown server matches none.</summary>
        [Parameter(ParameterSetName = ListSet)]
        [Alias("server_id")]
        [ValidateNotNullOrEmpty]
        public string[]? ServerId { get; set; }

        /// <summary>
        /// Only the volumes whose metadata has every one of these pairs: block storage filters on the server, the compute
        /// proxy's listing is filtered here (it reports each volume's metadata).
        /// </summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateMetadata]
        public Hashtable? Metadata { get; set; }

        /// <summary>The volumes of every project (an administrator's view, block-storage API); each shows its ProjectId.</summary>
        [Parameter(ParameterSetName = ListSet)]
        public SwitchParameter AllProjects { get; set; }

        /// <summary>Type name of the view with a Project column, given to volumes listed with -AllProjects.</summary>
        internal const string AllProjectsView = "OpenStackSnapshot.Client.Models.Volume#AllProjects";

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            RequireVolumeFeature(Connection.Volumes.Features.AllProjects, AllProjects.IsPresent, "-AllProjects", "list the volumes of every project");
            if (AllProjects) WarnUnlessAdmin("volumes");
        }

        protected override void ProcessRecord()
        {
            if (ParameterSetName == IdSet) IdWriter.WriteEach(this, VolumeId, Connection.Volumes.GetAsync);
        }

        protected override void EndProcessing()
        {
            if (ParameterSetName != ListSet) return;
            var query = new VolumeQuery { ServerIds = ServerId, Metadata = MetadataArgument.From(Metadata), AllProjects = AllProjects };
            new ListingWriter(this, Name).WritePages(Connection.Volumes.List(query), v => v.Name, v => ListingWriter.AnyOf(Status, v.Status),
                "volume", AllProjects ? v => Output.Views.As(v, AllProjectsView) : (Func<Volume, object>?)null);
        }
    }
}
