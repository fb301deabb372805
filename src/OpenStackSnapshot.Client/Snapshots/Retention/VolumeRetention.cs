using System.Collections.Generic;
using System.Linq;
using OpenStackSnapshot.Client.Models;

namespace OpenStackSnapshot.Client.Snapshots.Retention
{
    /// <summary>What retention decided for one volume's snapshots; each list is newest first.</summary>
    public sealed class VolumeRetention
    {
        internal VolumeRetention(string volumeId, IReadOnlyList<RetentionDecision> decisions)
        {
            VolumeId = volumeId;
            Decisions = decisions;
        }

        public string VolumeId { get; }
        /// <summary>Every snapshot of the volume with its decision and reasons, newest first (those of unknown age last).</summary>
        public IReadOnlyList<RetentionDecision> Decisions { get; }
        /// <summary>The available snapshots a rule keeps.</summary>
        public IReadOnlyList<Snapshot> Kept => Of(RetentionAction.Keep);
        /// <summary>Available snapshots no rule keeps and failed (error) ones: what is to be deleted.</summary>
        public IReadOnlyList<Snapshot> Removed => Of(RetentionAction.Remove);
        /// <summary>Never deleted nor counted as kept: in transition (creating, deleting, ...), or of unknown age.</summary>
        public IReadOnlyList<Snapshot> Left => Of(RetentionAction.Leave);

        /// <summary>One line for a log: how many of each, and which.</summary>
        public string Describe()
        {
            var parts = new List<string> { $"keeping {Kept.Count}{List(Kept, false)}", $"removing {Removed.Count}{List(Removed, true)}" };
            if (Left.Count > 0) parts.Add($"leaving {Left.Count}{List(Left, true)}");
            return $"Volume {VolumeId}: {string.Join(", ", parts)}.";
        }

        private IReadOnlyList<Snapshot> Of(RetentionAction action) =>
            Decisions.Where(d => d.Action == action).Select(d => d.Snapshot).ToList();

        private static string List(IReadOnlyList<Snapshot> snapshots, bool withStatus) =>
            snapshots.Count == 0 ? string.Empty
                : " (" + string.Join(", ", snapshots.Select(s =>
                    Label(s) + (withStatus && !SnapshotStatus.Is(s.Status, SnapshotStatus.Available) ? $" {s.Status}" : string.Empty))) + ")";

        private static string Label(Snapshot s) => s.Name != null ? $"{s.Id} '{s.Name}'" : s.Id;
    }
}
