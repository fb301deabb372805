using System;

namespace OpenStackSnapshot.Client.Snapshots
{
    /// <summary>The status values the module judges snapshots by (a wait's end, reuse, retention), so every caller judges them alike.</summary>
    public static class SnapshotStatus
    {
        public const string Creating = "creating";
        public const string Available = "available";
        public const string Deleting = "deleting";
        public const string Deleted = "deleted";
        public const string Error = "error";
        public const string ErrorDeleting = "error_deleting";

        public static bool IsFailure(string? status) =>
            string.Equals(status, Error, StringComparison.OrdinalIgnoreCase) ||
            string.Equals(status, ErrorDeleting, StringComparison.OrdinalIgnoreCase);
    }
}
