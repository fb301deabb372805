using System.Globalization;
using OpenStackSnapshot.Client.Errors;

// In the root namespace, not the folder's: it is public (ConnectionOptions.ComputeApiVersion), named before the regrouping.
namespace OpenStackSnapshot.Client
{
    /// <summary>A compute microversion for os-snapshots: Nova serves the proxy from 2.1 to 2.35 and answers 404 from 2.36 on.</summary>
    public sealed class ComputeMicroversion
    {
        public const int LastWithSnapshots = 35;

        private ComputeMicroversion(int minor) => Minor = minor;

        /// <summary>2.1: served by every Nova with the v2.1 API, and the os-snapshots routes do not change before 2.36.</summary>
        public static ComputeMicroversion Default { get; } = new ComputeMicroversion(1);

        public int Minor { get; }

        public override string ToString() => "2." + Minor.ToString(CultureInfo.InvariantCulture);

        /// <summary>"2.N" with N from 1 to 35; anything else is refused before a request is sent.</summary>
        public static ComputeMicroversion Parse(string text, string source)
        {
            var value = text.Trim();
            var parts = value.Split('.');
            if (parts.Length != 2 || parts[0] != "2"
                || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var minor) || minor < 1)
                throw Refused($"The compute API version '{value}' (from {source}) is not a microversion of the form 2.N.",
                    "Use a version from 2.1 to 2.35, such as 2.1 (the default).");
            if (minor > LastWithSnapshots)
                throw Refused($"The compute API version {value} (from {source}) cannot be used for snapshots: "
                    + "Nova serves os-snapshots only up to microversion 2.35 and answers 404 from 2.36 on, where the proxy API was removed.",
                    "Use a version from 2.1 to 2.35 for snapshots (2.1 is the default); "
                    + "a higher compute_api_version kept for other tools can be overridden for this module alone.");
            return minor == 1 ? Default : new ComputeMicroversion(minor);
        }

        private static OpenStackException Refused(string message, string action) =>
            new OpenStackException(OpenStackErrorKind.InvalidArgument, message, action);
    }
}
