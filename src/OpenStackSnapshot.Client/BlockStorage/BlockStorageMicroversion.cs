namespace OpenStackSnapshot.Client.BlockStorage
{
    /// <summary>
    /// The block-storage microversion every request pins (OpenStack-API-Version: volume 3.N), chosen from Cinder's
    /// history: 3.22 brought the metadata filter on snapshot lists; from 3.31 a filter the cloud does not allow is
    /// refused with 400 instead of silently dropped (a dropped metadata filter would widen a retention delete to every
    /// snapshot); from 3.66 "force" is ignored and an attached volume is snapshotted without it, which would make
    /// New-OSSnapshot without -Force mean something else here than through Nova's proxy. 3.31 is the lowest with all
    /// that, so every Cinder since Pike (2017) serves it.
    /// </summary>
    internal static class BlockStorageMicroversion
    {
        public const string Pinned = "3.31";

        /// <summary>
        /// The revert action (Restore-OSSnapshot) came with 3.40 and is asked for at 3.40 on that one request. The pin is not
        /// raised for it: every other request keeps the version whose answers the emulator, the conformance suite and the
        /// tests hold Cinder to (3.34, for one, reads list filters differently), and a cloud whose block storage stops short
        /// of 3.40 still serves everything else, refusing only the revert (406).
        /// </summary>
        public const string Revert = "3.40";
    }
}
