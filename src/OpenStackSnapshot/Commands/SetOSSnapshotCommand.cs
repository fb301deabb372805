using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using OpenStackSnapshot.Client.Http;
using OpenStackSnapshot.Client.Models;
using OpenStackSnapshot.Client.Snapshots;
using OpenStackSnapshot.Validation;
using OpenStackSnapshot.Completion;
using OpenStackSnapshot.Pipeline;

namespace OpenStackSnapshot.Commands
{
    /// <summary>Renames, re-describes and re-tags snapshots: metadata is merged, and -RemoveMetadataKey removes keys.</summary>
    [Cmdlet(VerbsCommon.Set, "OSSnapshot", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium,
        HelpUri = HelpLinks.Docs + "Set-OSSnapshot.md")]
    [OutputType(typeof(Snapshot))]
    public sealed class SetOSSnapshotCommand : OSSessionCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("SnapshotId", "snapshot_id")]
        [ArgumentCompleter(typeof(SnapshotIdCompleter))]
        [ValidateNotNullOrEmpty]
        public string[] Id { get; set; } = Array.Empty<string>();

        // Not bound by property name: a piped snapshot would otherwise rename itself to its own name.
        [Parameter]
        [ValidateSnapshotText]
        public string? Name { get; set; }

        [Parameter]
        [ValidateSnapshotText]
        public string? Description { get; set; }

        /// <summary>Pairs added to the snapshot's metadata; a key it already has takes the new value, other keys stay.</summary>
        [Parameter]
        [ValidateMetadata]
        public Hashtable? Metadata { get; set; }

        /// <summary>Metadata keys to remove (before -Metadata is merged); a key the snapshot lacks is no error.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? RemoveMetadataKey { get; set; }

        /// <summary>Writes each snapshot as it is after the change.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        private SnapshotChange _change = null!;
        private string _whatIf = null!;

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            var features = Connection.Snapshots.Features;
            RequireFeature(features.Update, Name != null, "-Name", "rename a snapshot");
            RequireFeature(features.Update, Description != null, "-Description", "change a snapshot's description");
            RequireFeature(features.Metadata, Metadata?.Count > 0, "-Metadata", "change a snapshot's metadata");
            RequireFeature(features.Metadata, RemoveMetadataKey != null, "-RemoveMetadataKey", "change a snapshot's metadata");
            var edit = new MetadataChange(Metadata, RemoveMetadataKey,
                Name != null ? $"name '{Name}'" : null, Description != null ? $"description '{Description}'" : null);
            _change = new SnapshotChange { Name = Name, Description = Description, Metadata = edit.Metadata, RemoveMetadataKeys = edit.RemoveKeys };
            _whatIf = edit.WhatIf;
        }

        // Lazy: each id is confirmed just before it is sent.
        protected override void ProcessRecord() =>
            IdWriter.WriteEach(this, Id.Where(id => ShouldProcess($"snapshot {id}", _whatIf)), (id, call) => UpdateAsync(id.Trim(), call));

        // The read after the change (-PassThru): Cinder's update answer leaves out the project and metadata.
        private Task<Snapshot?> UpdateAsync(string id, CallContext call) => MetadataChange.ApplyAsync(PassThru, _change.IsEmpty,
            () => Connection.Snapshots.UpdateAsync(id, _change, call), () => Connection.Snapshots.GetAsync(id, call));
    }
}
