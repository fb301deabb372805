using System;
using System.Collections.Generic;
using System.Management.Automation;
using OpenStackSnapshot.Client.Models;

namespace OpenStackSnapshot.Output
{
    /// <summary>
    /// What one New-OSSnapshot or Remove-OSSnapshot run did, written at its end with -Summary: the counts a runbook
    /// logs, the snapshots it would otherwise have written, and each failure with its ErrorId.
    /// </summary>
    public sealed class RunSummary
    {
        private readonly List<Snapshot> _snapshots = new List<Snapshot>();
        private readonly List<string> _removedIds = new List<string>();
        private readonly List<ErrorRecord> _errors = new List<ErrorRecord>();
        private readonly List<string> _errorIds = new List<string>();

        internal RunSummary(string command) => Command = command;

        public string Command { get; }
        /// <summary>Snapshots created (with -Wait: created and available).</summary>
        public int Created { get; private set; }
        /// <summary>Existing snapshots written instead of creating one (-ReuseNewerThan).</summary>
        public int Reused { get; private set; }
        /// <summary>Snapshots retention kept (Remove-OSSnapshot's keep parameters): available ones a rule keeps.</summary>
        public int Kept { get; private set; }
        /// <summary>
        /// Snapshots retention neither removed nor kept: in a state block storage will not delete (creating, deleting, ...)
        /// or of unknown age.
        /// </summary>
        public int Left { get; private set; }
        /// <summary>Deletions the cloud accepted (with -Wait: that ended with the snapshot gone).</summary>
        public int Removed => _removedIds.Count;
        public int Failed => _errors.Count;
        /// <summary>The ErrorId of each failure, in the order they happened (OSNotFound, OSSnapshotFailed, ...).</summary>
        public string[] FailedErrorIds => _errorIds.ToArray();
        /// <summary>The failures themselves; they were written to the error stream as well.</summary>
        public ErrorRecord[] Errors => _errors.ToArray();
        /// <summary>What the command writes without -Summary: the created and reused snapshots, or the removed ones.</summary>
        public Snapshot[] Snapshots => _snapshots.ToArray();

        internal void AddCreated(Snapshot snapshot)
        {
            Created++;
            _snapshots.Add(snapshot);
        }

        internal void AddReused(Snapshot snapshot)
        {
            Reused++;
            _snapshots.Add(snapshot);
        }

        internal void AddKept(int count) => Kept += count;

        internal void AddLeft(int count) => Left += count;

        internal void AddRemoved(string id, Snapshot? known)
        {
            _removedIds.Add(id);
            if (known != null) _snapshots.Add(known);
        }

        /// <summary>A failure; a removal that then failed (during -Wait) is a failure, no longer a removal.</summary>
        internal void AddFailure(string errorId, ErrorRecord record)
        {
            _errors.Add(record);
            _errorIds.Add(errorId);
            if (!(record.TargetObject is string id) || !_removedIds.Remove(id)) return;
            _snapshots.RemoveAll(s => string.Equals(s.Id, id, StringComparison.OrdinalIgnoreCase));
        }

        /// <summary>One line for a log: "New-OSSnapshot: 3 created, 1 reused, 0 kept, 0 left, 0 removed, 1 failed (OSVolumeNotFound)".</summary>
        public override string ToString()
        {
            var line = $"{Command}: {Created} created, {Reused} reused, {Kept} kept, {Left} left, {Removed} removed, {Failed} failed";
            return Failed == 0 ? line : $"{line} ({Display.Counted(_errorIds)})";
        }
    }
}
