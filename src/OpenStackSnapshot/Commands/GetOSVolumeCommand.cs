using System;
using System.Management.Automation;
using OpenStackSnapshot.Client.Models;
using OpenStackSnapshot.Client.Volumes;
using OpenStackSnapshot.Completion;
using OpenStackSnapshot.Pipeline;

namespace OpenStackSnapshot.Commands
{
    /// <summary>Gets volumes through the session's API (Nova's os-volumes proxy or Cinder's volumes), so they pipe into New-OSSnapshot.</summary>
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

        protected override void ProcessRecord()
        {
            if (ParameterSetName == IdSet) IdWriter.WriteEach(this, VolumeId, Connection.Volumes.GetAsync);
        }

        protected override void EndProcessing()
        {
            if (ParameterSetName == ListSet)
                new ListingWriter(this, Name).WritePages(Connection.Volumes.List(new VolumeQuery { ServerIds = ServerId }), v => v.Name,
                    v => ListingWriter.AnyOf(Status, v.Status), "volume");
        }
    }
}
