using System;

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
            if (target.Reverts) return RevertRefused(answer, target, api);
            if (target.CreatesVolume) return VolumeCreationRefused(answer);
            if (api.SaysVolumeMissing(answer, target)) return VolumeNotFound(target);
            if (!api.SaysStateRefused(answer, target)) return null;
            if (target.Creates) return VolumeNotAvailable(target);
            if (target.DeletesVolume) return VolumeNotDeletable(target);
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

        /// <summary>
        /// Cinder's own refusals of a revert (its API checks the newest snapshot and the sizes, 400, then the volume's and the
        /// snapshot's status, 409), and a cloud whose block storage is older than the revert action (microversion 3.40).
        /// </summary>
        private static Verdict? RevertRefused(Exchange answer, RequestTarget target, ApiFaults api)
        {
            var what = $"volume {target.ItemId} to snapshot {target.SnapshotId}";
            if (answer.Status == 400 || answer.Status == 409)
                return new Verdict(OpenStackErrorKind.RevertRefused, $"Block storage refused to revert {what}: {answer.Server}",
                    "A volume can be reverted only to its newest snapshot, which must be available, while the volume is available, "
                    + "detached and of the snapshot's size; otherwise make a new volume from the snapshot.");
            var routeMissing = answer.Status == 404
                && (answer.FaultName != "itemNotFound"
                    || answer.Server.StartsWith("The resource could not be found", StringComparison.OrdinalIgnoreCase));
            if (answer.Status == 406 || routeMissing)
                return new Verdict(OpenStackErrorKind.ApiNotAvailable,
                    $"The {api.Service} endpoint does not serve the revert of {what}: it needs microversion 3.40 (Cinder's Pike release, "
                    + $"2017) on that call. {answer.Server}",
                    "Make a new volume from the snapshot instead; ask the cloud's operator which block-storage version the cloud runs.");
            return null;
        }

        /// <summary>
        /// A volume made from a snapshot: block storage looks its volume type up by name, so a type that does not exist is its
        /// 404, though it is a wrong value in the request. Everything else (a snapshot that is not available, a zone that does
        /// not exist: 400) is said as the service said it.
        /// </summary>
        private static Verdict? VolumeCreationRefused(Exchange answer) =>
            answer.Status == 404 && answer.Server.StartsWith("Volume type", StringComparison.OrdinalIgnoreCase)
                ? new Verdict(OpenStackErrorKind.BadRequest, answer.Server,
                    "Check the volume type's name against the cloud's volume types (openstack volume type list).")
                : null;

        /// <summary>
        /// Block storage's refusal to delete a volume, which says only what it checks for (attached, snapshots, status); the
        /// session's volume service reads the volume to say which it was.
        /// </summary>
        private static Verdict VolumeNotDeletable(RequestTarget target) =>
            new Verdict(OpenStackErrorKind.VolumeBusy,
                $"Volume {target.ItemId ?? "(unknown)"} cannot be deleted now: block storage deletes a volume only while it is detached, "
                + "has no snapshots and is available or in error.",
                "Detach it, delete its snapshots, or wait until it is available: its status and attachments say which.");
    }
}
