using System;
using System.Collections.Generic;
using OpenStackSnapshot.Client.Errors;
using OpenStackSnapshot.Client.Snapshots;

namespace OpenStackSnapshot.Client.Volumes
{
    /// <summary>What a caller asks for when making a volume from a snapshot; unset fields are not sent.</summary>
    public sealed record NewVolume
    {
        private readonly IReadOnlyDictionary<string, string> _metadata = MetadataMap.Empty;

        public NewVolume(string snapshotId, int? size = null, string? name = null, string? description = null)
        {
            SnapshotId = snapshotId;
            Size = size;
            Name = name;
            Description = description;
        }

        /// <summary>The snapshot the volume is made from.</summary>
        public string SnapshotId { get; init; }
        /// <summary>
        /// Size in GiB: at least the snapshot's; null for the snapshot's own (Nova's proxy needs it given, see VolumeFromSnapshot).
        /// </summary>
        public int? Size { get; init; }
        public string? Name { get; init; }
        public string? Description { get; init; }
        /// <summary>Where to make it; null lets the cloud choose (block storage: the snapshot's volume's zone).</summary>
        public string? AvailabilityZone { get; init; }
        /// <summary>The volume type's name or id (block storage only); null for the cloud's default.</summary>
        public string? VolumeType { get; init; }
        /// <summary>Key/value tags to give the volume (block storage only); a caller's dictionary changed later changes nothing.</summary>
        public IReadOnlyDictionary<string, string> Metadata { get => _metadata; init => _metadata = MetadataMap.Of(value); }
    }

    /// <summary>
    /// Checks of a new volume made before anything is sent, by block storage's rules (Nova's proxy passes them on and
    /// reports block storage's refusal less clearly). Each returns null when the value is fine, otherwise the reason.
    /// </summary>
    public static class VolumeInput
    {
        public static string? SnapshotIdProblem(string? snapshotId)
        {
            if (string.IsNullOrWhiteSpace(snapshotId)) return "The snapshot id is empty.";
            if (!Guid.TryParseExact(snapshotId!.Trim(), "D", out _) && !Guid.TryParseExact(snapshotId.Trim(), "N", out _))
                return $"'{snapshotId}' is not a snapshot id: snapshot ids are UUIDs such as fe06e9f2-e6b0-47d1-a63e-c0a15ad51994.";
            return null;
        }

        /// <summary>The hyphenated lower-case form block storage stores ids in (a 32-hex id is accepted too).</summary>
        public static string CanonicalId(string id) => Guid.Parse(id.Trim()).ToString("D");

        /// <summary>Block storage's rule for a zone or a type's name: 1 to 255 printable characters.</summary>
        public static string? NameProblem(string? text, string what)
        {
            if (text == null) return null;
            if (text.Trim().Length == 0) return $"The {what} is empty.";
            return SnapshotInput.TextProblem(text, what);
        }

        /// <summary>Checks a create before it is sent; returns the snapshot id in canonical form.</summary>
        internal static string Checked(NewVolume volume)
        {
            var problem = SnapshotIdProblem(volume.SnapshotId)
                ?? (volume.Size is int size && size < 1 ? $"The size must be at least 1 GiB; {size} was asked for." : null)
                ?? SnapshotInput.TextProblem(volume.Name, "name")
                ?? SnapshotInput.TextProblem(volume.Description, "description")
                ?? NameProblem(volume.AvailabilityZone, "availability zone")
                ?? NameProblem(volume.VolumeType, "volume type")
                ?? SnapshotInput.MetadataProblem(volume.Metadata);
            if (problem != null) throw new OpenStackException(OpenStackErrorKind.InvalidArgument, problem);
            return CanonicalId(volume.SnapshotId);
        }
    }
}
