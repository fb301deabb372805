using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using OpenStackSnapshot.Client.Models;
using OpenStackSnapshot.Completion;

namespace OpenStackSnapshot.Commands
{
    /// <summary>
    /// Cmdlets that act on given snapshots (Remove-, Wait-OSSnapshot): snapshot objects bind to -InputObject,
    /// ids (strings, or objects with an Id/SnapshotId property) to -Id.
    /// </summary>
    public abstract class SnapshotTargetCmdlet : OSSessionCmdlet
    {
        protected const string IdSet = "Id";
        protected const string ObjectSet = "InputObject";

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = IdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("SnapshotId", "snapshot_id")]
        [ArgumentCompleter(typeof(SnapshotIdCompleter))]
        [ValidateNotNullOrEmpty]
        public string[] Id { get; set; } = Array.Empty<string>();

        [Parameter(Mandatory = true, ParameterSetName = ObjectSet, ValueFromPipeline = true)]
        [ValidateNotNull]
        public Snapshot[] InputObject { get; set; } = Array.Empty<Snapshot>();

        /// <summary>This pipeline item's snapshots: each id, with its object when one was given.</summary>
        protected IEnumerable<(string Id, Snapshot? Known)> Targets() =>
            ParameterSetName == ObjectSet
                ? InputObject.Select(snapshot => (snapshot.Id, (Snapshot?)snapshot))
                : Id.Select(id => (id, (Snapshot?)null));
    }
}
