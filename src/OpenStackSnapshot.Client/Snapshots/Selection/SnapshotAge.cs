using System;

namespace OpenStackSnapshot.Client.Snapshots.Selection
{
    /// <summary>Get-OSSnapshot's age filters: by creation time against one "now"; an unknown age matches neither.</summary>
    public static class SnapshotAge
    {
        public static bool Matches(DateTime? createdAt, TimeSpan? olderThan, TimeSpan? newerThan, DateTime nowUtc)
        {
            if (olderThan == null && newerThan == null) return true;
            if (!(createdAt is DateTime created)) return false;
            return (olderThan == null || created < nowUtc - olderThan.Value)
                && (newerThan == null || created >= nowUtc - newerThan.Value);
        }
    }
}
