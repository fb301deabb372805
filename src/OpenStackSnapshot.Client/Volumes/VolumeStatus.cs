using System;

namespace OpenStackSnapshot.Client.Volumes
{
    /// <summary>
    /// The volume statuses the module judges volumes by (a wait's end, a revert's preconditions), so every caller judges them alike.
    /// </summary>
    public static class VolumeStatus
    {
        public const string Creating = "creating";
        public const string Available = "available";
        public const string InUse = "in-use";
        public const string Deleting = "deleting";
        public const string Reverting = "reverting";
        public const string Error = "error";
        public const string ErrorDeleting = "error_deleting";

        public static bool Is(string? status, string wanted) => string.Equals(status, wanted, StringComparison.OrdinalIgnoreCase);

        /// <summary>Whether Cinder deletes a volume in this status: available, or an error state (error, error_restoring, ...).</summary>
        internal static bool Deletable(string? status) =>
            Is(status, Available) || (status?.StartsWith(Error, StringComparison.OrdinalIgnoreCase) ?? false);
    }
}
