namespace OpenStackSnapshot.Client.Errors
{
    /// <summary>
    /// What a refusal means for what the request acts on, decided here once for every API (each API's faults say only
    /// how it words one): a create's volume is missing or in a state that refuses a snapshot, a snapshot's state refuses
    /// its deletion.
    /// </summary>
    internal static class TargetFaults
    {
        /// <summary>The verdict when the answer is such a refusal, or null.</summary>
        public static Verdict? Read(Exchange answer, RequestTarget target, ApiFaults api)
        {
            if (api.SaysVolumeMissing(answer, target)) return VolumeNotFound(target);
            if (!api.SaysStateRefused(answer, target)) return null;
            if (target.Creates) return VolumeNotAvailable(target);
            return target.DeletesSnapshot ? SnapshotNotDeletable(target) : null;
        }

        private static Verdict VolumeNotFound(RequestTarget target) =>
            new Verdict(OpenStackErrorKind.VolumeNotFound, $"Volume {target.VolumeId ?? "(unknown)"} was not found in this project.",
                "Check the volume id against the project's volumes.");

        private static Verdict VolumeNotAvailable(RequestTarget target)
        {
            var volume = target.VolumeId;
            return new Verdict(OpenStackErrorKind.VolumeNotAvailable,
                target.Force
                    ? $"Volume {volume} cannot be snapshotted in its current state (block storage refused it even though the snapshot was forced)."
                    : $"Volume {volume} cannot be snapshotted in its current state: it is attached (in use) or not available; "
                      + "a forced snapshot may be taken of an attached volume.",
                target.Force
                    ? "Check the volume's status; it must be available or in-use."
                    : "Force the snapshot of an attached volume, or detach it first.");
        }

        /// <summary>Block storage's refusal to delete a snapshot in another state (Cinder's InvalidSnapshot), however it reached us.</summary>
        private static Verdict SnapshotNotDeletable(RequestTarget target) =>
            new Verdict(OpenStackErrorKind.SnapshotNotAvailable,
                $"Snapshot {target.ItemId ?? "(unknown)"} cannot be deleted in its current state: "
                + "block storage deletes only snapshots that are available or error, and not part of a group.",
                "Wait until it is available, then delete it.");
    }
}
