using System;
using System.Collections.Generic;

namespace OpenStackSnapshot.Client.Snapshots
{
    /// <summary>What a caller asks for when creating a snapshot; unset fields are not sent.</summary>
    public sealed record NewSnapshot
    {
        private readonly IReadOnlyDictionary<string, string> _metadata = MetadataMap.Empty;

        public NewSnapshot(string volumeId, string? name = null, string? description = null, bool force = false,
            IReadOnlyDictionary<string, string>? metadata = null)
        {
            Metadata = metadata!;
            VolumeId = volumeId;
            Name = name;
            Description = description;
            Force = force;
        }

        public string VolumeId { get; init; }
        public string? Name { get; init; }
        public string? Description { get; init; }
        /// <summary>"force": snapshot a volume that is attached (both APIs pass it to block storage).</summary>
        public bool Force { get; init; }
        /// <summary>Key/value tags to give the snapshot (block storage only); a caller's dictionary changed later changes nothing.</summary>
        public IReadOnlyDictionary<string, string> Metadata { get => _metadata; init => _metadata = MetadataMap.Of(value); }
    }

    /// <summary>
    /// Checks made before anything is sent: block storage refuses these, but Nova reports its refusal as an
    /// opaque 500, so catching them here is the only way the user gets a clear message.
    /// Each returns null when the value is fine, otherwise the reason.
    /// </summary>
    public static class SnapshotInput
    {
        /// <summary>Block storage's limit for display_name and display_description.</summary>
        public const int MaxTextLength = 255;

        public static string? VolumeIdProblem(string? volumeId)
        {
            if (string.IsNullOrWhiteSpace(volumeId)) return "The volume id is empty.";
            if (!Guid.TryParseExact(volumeId, "D", out _) && !Guid.TryParseExact(volumeId, "N", out _))
                return $"'{volumeId}' is not a volume id: volume ids are UUIDs such as 521752a6-acf6-4b2d-bc7a-119f9148cd8c.";
            return null;
        }

        /// <summary>The hyphenated lower-case form block storage stores ids in (a 32-hex id is accepted too).</summary>
        public static string CanonicalVolumeId(string volumeId) => Guid.Parse(volumeId.Trim()).ToString("D");

        public static string? TextProblem(string? text, string what)
        {
            if (text == null) return null;
            if (LengthProblem(text, what) is { } tooLong) return tooLong;
            for (var i = 0; i < text.Length; i++)
            {
                if (char.IsControl(text[i]))
                    return $"The {what} contains a control character (U+{(int)text[i]:X4}) at position {i + 1}; use printable characters only.";
            }
            return null;
        }

        /// <summary>Checks a create before it is sent; returns the volume id in canonical form.</summary>
        internal static string Checked(NewSnapshot snapshot)
        {
            var problem = VolumeIdProblem(snapshot.VolumeId)
                ?? TextProblem(snapshot.Name, "name")
                ?? TextProblem(snapshot.Description, "description")
                ?? MetadataProblem(snapshot.Metadata);
            if (problem != null) throw new Errors.OpenStackException(Errors.OpenStackErrorKind.InvalidArgument, problem);
            return CanonicalVolumeId(snapshot.VolumeId);
        }

        /// <summary>Cinder's schema for metadata keys (the real Cinder answers 400 for any other).</summary>
        private static readonly System.Text.RegularExpressions.Regex MetadataKey =
            new System.Text.RegularExpressions.Regex("^[a-zA-Z0-9-_:. /]{1,255}$");

        /// <summary>
        /// Block storage's rules for metadata: keys of 1 to 255 letters, digits and - _ : . / or space; values of at most 255 characters.
        /// </summary>
        public static string? MetadataProblem(System.Collections.Generic.IReadOnlyDictionary<string, string>? metadata)
        {
            if (metadata == null) return null;
            foreach (var pair in metadata)
            {
                if (string.IsNullOrEmpty(pair.Key)) return "A metadata key is empty.";
                if (pair.Key.Length > MaxTextLength)
                    return $"The metadata key '{pair.Key.Substring(0, 20)}…' is {pair.Key.Length} characters long; "
                        + $"block storage allows at most {MaxTextLength}.";
                if (!MetadataKey.IsMatch(pair.Key))
                    return $"The metadata key '{pair.Key}' has a character block storage refuses in keys: "
                        + "use ASCII letters, digits, space and - _ : . / only.";
                if (pair.Value == null) return $"The metadata key '{pair.Key}' has no value.";
                if (LengthProblem(pair.Value, $"value of metadata key '{pair.Key}'") is { } tooLong) return tooLong;
            }
            return null;
        }

        private static string? LengthProblem(string text, string what)
        {
            var length = CodePoints(text);
            return length > MaxTextLength ? $"The {what} is {length} characters long; block storage allows at most {MaxTextLength}." : null;
        }

        /// <summary>Characters as Nova and Cinder count them (Python's len): a pair of UTF-16 surrogates is one.</summary>
        internal static int CodePoints(string text)
        {
            var count = text.Length;
            for (var i = 0; i + 1 < text.Length; i++)
                if (char.IsSurrogatePair(text[i], text[i + 1])) { count--; i++; }
            return count;
        }
    }
}
