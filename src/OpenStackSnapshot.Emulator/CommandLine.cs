using System.Globalization;

namespace OpenStackSnapshot.Emulator;

/// <summary>The parsed command line: start-up options plus whether to exit when standard input closes.</summary>
internal sealed record CommandLine(EmulatorOptions Options, bool ExitOnStdinClose, bool ShowHelp)
{
    public const string Usage =
        "usage: OpenStackSnapshot.Emulator [--port 0] [--page-limit 1000] [--snapshot-delay-ms 0]\n" +
        "                                  [--token-ttl-seconds 3600] [--compute-url-with-project false]\n" +
        "                                  [--cinder-new-policy-defaults false]\n" +
        "                                  [--tls-cert cert.pem --tls-key key.pem] [--exit-on-stdin-close]";

    /// <summary>Accepts "--name value" and "--name=value"; throws FormatException with a readable message.</summary>
    public static CommandLine Parse(IReadOnlyList<string> args)
    {
        var options = new EmulatorOptions();
        var exitOnStdinClose = false;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            var eq = arg.IndexOf('=', StringComparison.Ordinal);
            var name = eq > 0 ? arg[..eq] : arg;
            string? inline = eq > 0 ? arg[(eq + 1)..] : null;

            // Flags may stand alone; options take the next argument when no "=value" was given.
            string Value() => inline ?? (i + 1 < args.Count ? args[++i] : throw new FormatException($"{name} needs a value"));

            // A bare flag means true; "false"/"true" may follow.
            bool Flag() => inline is not null ? Bool(name, inline)
                : i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? Bool(name, args[++i])
                : true;

            switch (name)
            {
                case "--help" or "-h" or "-?":
                    return new CommandLine(options, exitOnStdinClose, ShowHelp: true);
                case "--exit-on-stdin-close":
                    exitOnStdinClose = inline is null || Bool(name, inline);
                    break;
                case "--port":
                    options.Port = Int(name, Value());
                    break;
                case "--page-limit":
                    options.PageLimit = Int(name, Value());
                    break;
                case "--snapshot-delay-ms":
                    options.SnapshotDelayMs = Int(name, Value());
                    break;
                case "--token-ttl-seconds":
                    options.TokenTtlSeconds = Int(name, Value());
                    break;
                case "--tls-cert":
                    options.TlsCertificatePath = Value();
                    break;
                case "--tls-key":
                    options.TlsKeyPath = Value();
                    break;
                case "--compute-url-with-project":
                    options.ComputeUrlWithProject = Flag();
                    break;
                case "--cinder-new-policy-defaults":
                    options.CinderNewPolicyDefaults = Flag();
                    break;
                default:
                    throw new FormatException($"unknown argument '{arg}'");
            }
        }

        try
        {
            options.Validate();
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new FormatException(e.Message, e);
        }

        return new CommandLine(options, exitOnStdinClose, ShowHelp: false);
    }

    private static int Int(string name, string value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw new FormatException($"{name}: '{value}' is not an integer");

    private static bool Bool(string name, string value) =>
        bool.TryParse(value, out var b) ? b : throw new FormatException($"{name}: '{value}' is not true or false");
}
