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

        /// <summary>Whether a status is this one: clouds write them in lower case, but one that did not would still be judged alike.</summary>
        public static bool Is(string? status, string wanted) => string.Equals(status, wanted, StringComparison.OrdinalIgnoreCase);

        public static bool IsFailure(string? status) => Is(status, Error) || Is(status, ErrorDeleting);

        /// <summary>Whether block storage deletes a snapshot in this status: only available or error.</summary>
        internal static bool Deletable(string? status) => Is(status, Available) || Is(status, Error);
    }
}
