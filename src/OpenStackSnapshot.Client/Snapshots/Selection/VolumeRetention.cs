using System.Collections.Generic;
using System.Linq;
using OpenStackSnapshot.Client.Models;

namespace OpenStackSnapshot.Client.Snapshots.Selection
{
    /// <summary>What retention decided for one volume's snapshots; each list is newest first.</summary>
    public sealed class VolumeRetention
    {
        internal VolumeRetention(string volumeId, IReadOnlyList<Snapshot> kept, IReadOnlyList<Snapshot> removed, IReadOnlyList<Snapshot> left)
        {
            VolumeId = volumeId;
            Kept = kept;
            Removed = removed;
            Left = left;
        }

        public string VolumeId { get; }
        /// <summary>The newest available snapshots, at most the number asked to keep.</summary>
        public IReadOnlyList<Snapshot> Kept { get; }
        /// <summary>Older available snapshots and failed (error) ones: what is to be deleted.</summary>
        public IReadOnlyList<Snapshot> Removed { get; }
        /// <summary>Never deleted nor counted as kept: in transition (creating, deleting, ...), or of unknown age.</summary>
        public IReadOnlyList<Snapshot> Left { get; }

        /// <summary>One line for a log: how many of each, and which.</summary>
        public string Describe()
        {
            var parts = new List<string> { $"keeping {Kept.Count}{List(Kept, false)}", $"removing {Removed.Count}{List(Removed, true)}" };
            if (Left.Count > 0) parts.Add($"leaving {Left.Count}{List(Left, true)}");
            return $"Volume {VolumeId}: {string.Join(", ", parts)}.";
        }

        private static string List(IReadOnlyList<Snapshot> snapshots, bool withStatus) =>
            snapshots.Count == 0 ? string.Empty
                : " (" + string.Join(", ", snapshots.Select(s =>
                    Label(s) + (withStatus && s.Status != SnapshotStatus.Available ? $" {s.Status}" : string.Empty))) + ")";

        private static string Label(Snapshot s) => s.Name != null ? $"{s.Id} '{s.Name}'" : s.Id;
    }
}
