namespace OpenStackSnapshot.Client.Errors
{
    /// <summary>What a request acts on, so its error answers can be said plainly: the item it names, the volume a create snapshots.</summary>
    internal sealed class RequestTarget
    {
        /// <summary>A listing, or any request that names no item.</summary>
        public static readonly RequestTarget None = new RequestTarget(null, null, false, null, false);

        private RequestTarget(string? itemName, string? itemId, bool deletes, string? volumeId, bool force)
        {
            ItemName = itemName;
            ItemId = itemId;
            Deletes = deletes;
            VolumeId = volumeId;
            Force = force;
        }

        /// <summary>A show or a change of one item ("Snapshot", "Volume"): a 404 says where to look.</summary>
        public static RequestTarget Item(string itemName) => new RequestTarget(itemName, null, false, null, false);

        /// <summary>A delete of one item: a refusal of it is about the item's state.</summary>
        public static RequestTarget Deletion(string itemName, string id) => new RequestTarget(itemName, id, true, null, false);

        /// <summary>A snapshot of a volume, forced or not: a refusal of it is about the volume.</summary>
        public static RequestTarget Creation(string volumeId, bool force) => new RequestTarget(null, null, false, volumeId, force);

        public string? ItemName { get; }
        public string? ItemId { get; }
        public bool Deletes { get; }
        public string? VolumeId { get; }
        public bool Force { get; }

        public bool Creates => VolumeId != null;

        /// <summary>A delete of a snapshot, which block storage refuses unless the snapshot is available or error.</summary>
        public bool DeletesSnapshot => Deletes && ItemName == "Snapshot";

        /// <summary>A volume made from a snapshot: a refusal of it is about the snapshot or the new volume's settings.</summary>
        public static RequestTarget VolumeCreation(string snapshotId) =>
            new RequestTarget(null, null, false, null, false) { SnapshotId = snapshotId };

        /// <summary>A volume reverted in place to a snapshot (block storage's revert action): a refusal of it is about either.</summary>
        public static RequestTarget Revert(string volumeId, string snapshotId) =>
            new RequestTarget("Volume", volumeId, false, null, false) { SnapshotId = snapshotId, Reverts = true };

        /// <summary>The snapshot a volume is made from, or reverted to.</summary>
        public string? SnapshotId { get; private set; }
        public bool Reverts { get; private set; }

        /// <summary>A create of a volume from a snapshot.</summary>
        public bool CreatesVolume => SnapshotId != null && !Reverts;

        /// <summary>A delete of a volume, which block storage refuses while it is attached, has snapshots or is busy.</summary>
        public bool DeletesVolume => Deletes && ItemName == "Volume";
    }
}
