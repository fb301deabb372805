using System;

namespace OpenStackSnapshot.Client.Validation
{
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
            if (text.Length > MaxTextLength) return $"The {what} is {text.Length} characters long; block storage allows at most {MaxTextLength}.";
            for (var i = 0; i < text.Length; i++)
            {
                if (char.IsControl(text[i]))
                    return $"The {what} contains a control character (U+{(int)text[i]:X4}) at position {i + 1}; use printable characters only.";
            }
            return null;
        }

        public static string? IdProblem(string? id, string what)
        {
            if (string.IsNullOrWhiteSpace(id)) return $"The {what} is empty.";
            return null;
        }
    }
}
