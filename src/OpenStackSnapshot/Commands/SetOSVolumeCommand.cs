using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using OpenStackSnapshot.Client.Errors;
using OpenStackSnapshot.Client.Http;
using OpenStackSnapshot.Client.Models;
using OpenStackSnapshot.Client.Volumes;
using OpenStackSnapshot.Completion;
using OpenStackSnapshot.Pipeline;
using OpenStackSnapshot.Validation;

namespace OpenStackSnapshot.Commands
{
    /// <summary>
    /// Sets and removes volumes' metadata (block-storage API), so a runbook or a volume's owner opts it in or out of a
    /// backup policy without the CLI: -Metadata is merged, -RemoveMetadataKey removes keys. Nova's os-volumes proxy cannot
    /// change a volume, so a Compute session refuses either before sending.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "OSVolume", DefaultParameterSetName = IdSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium,
        HelpUri = HelpLinks.Docs + "Set-OSVolume.md")]
    [OutputType(typeof(Volume))]
    public sealed class SetOSVolumeCommand : OSSessionCmdlet
    {
        private const string IdSet = "Id";
        private const string NameSet = "Name";

        /// <summary>Named VolumeId (alias Id) so a piped volume binds its Id, and a piped snapshot or coverage its VolumeId.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = IdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id", "volume_id")]
        [ArgumentCompleter(typeof(VolumeIdCompleter))]
        [ValidateNotNullOrEmpty]
        [ValidateVolumeId("If it is the volume's name, Set-OSVolume -Name {0} changes that volume.")]
        public string[] VolumeId { get; set; } = Array.Empty<string>();

        /// <summary>The volumes by name (wildcards allowed), found in one listing; not bound from the pipeline.</summary>
        [Parameter(Mandatory = true, ParameterSetName = NameSet)]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(VolumeNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string[] Name { get; set; } = Array.Empty<string>();

        /// <summary>Pairs added to the volume's metadata; a key it already has takes the new value, other keys stay.</summary>
        [Parameter]
        [ValidateMetadata]
        public Hashtable? Metadata { get; set; }

        /// <summary>Metadata keys to remove (before -Metadata is merged); a key the volume lacks is no error.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? RemoveMetadataKey { get; set; }

        /// <summary>Writes each volume as it is after the change.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        private VolumeChange _change = null!;
        private string _whatIf = null!;

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            var features = Connection.Volumes.Features;
            RequireVolumeFeature(features.ChangeMetadata, Metadata?.Count > 0, "-Metadata", "change a volume's metadata");
            RequireVolumeFeature(features.ChangeMetadata, RemoveMetadataKey != null, "-RemoveMetadataKey", "change a volume's metadata");
            var edit = new MetadataChange(Metadata, RemoveMetadataKey);
            _change = new VolumeChange { Metadata = edit.Metadata, RemoveMetadataKeys = edit.RemoveKeys };
            _whatIf = edit.WhatIf;
        }

        // Lazy: each id is confirmed just before it is sent.
        protected override void ProcessRecord()
        {
            if (ParameterSetName == IdSet)
                IdWriter.WriteEach(this, VolumeId.Where(id => ShouldProcess($"volume {id}", _whatIf)), (id, call) => UpdateAsync(id.Trim(), call));
        }

        protected override void EndProcessing()
        {
            if (ParameterSetName != NameSet) return;
            var named = new List<Volume>();
            if (!new ListingWriter(this, Name).EachSelected(Connection.Volumes.List(), v => v.Name, _ => true, "volume", named.Add)) return;
            IdWriter.WriteEach(this, named.Where(v => ShouldProcess($"volume {v.Id} ({v.Name})", _whatIf)).Select(v => v.Id), UpdateAsync);
        }

        private Task<Volume?> UpdateAsync(string id, CallContext call) => MetadataChange.ApplyAsync(PassThru, _change.IsEmpty,
            () => Connection.Volumes.UpdateAsync(id, _change, call), () => Connection.Volumes.GetAsync(id, call));
    }
}
