namespace OpenStackSnapshot.Emulator.State;

/// <summary>How a create ended: made, or refused by the project's snapshot quota.</summary>
internal enum CreateOutcome { Created, QuotaExceeded }

/// <summary>How a delete ended: accepted, no such snapshot in the project, or not in a deletable status.</summary>
internal enum DeleteOutcome { Accepted, NotFound, InvalidState }

/// <summary>How removing one metadata key ended: removed, present but the policy refused, no such key, no such snapshot.</summary>
internal enum KeyRemoval { Removed, Refused, NoSuchKey, NoSuchSnapshot }

/// <summary>How a volume delete ended: accepted, no such volume in the project, or refused (attached, snapshots, status).</summary>
internal enum VolumeDeleteOutcome { Accepted, NotFound, Refused }
