using System;
using System.Collections.Generic;
using System.Security;

namespace OpenStackSnapshot.Client.Config
{
    /// <summary>What the caller said explicitly (Connect-OSCloud's parameters): it wins over every file and variable.</summary>
    public sealed class CloudConfigRequest
    {
        internal readonly Dictionary<string, Setting> Values = new Dictionary<string, Setting>();
        /// <summary>Which of the caller's parameters sets a key, so a message can name it: the client knows no cmdlet.</summary>
        internal readonly Dictionary<string, string> Parameters = new Dictionary<string, string>();

        /// <summary>The cloud to use from clouds.yaml; null means OS_CLOUD, the environment or the file's only cloud.</summary>
        public string? Cloud { get; set; }

        /// <summary>How the caller's user writes one of its parameters ("-Region" for a cmdlet's), for the messages that name one.</summary>
        public Func<string, string> ParameterSpelling { get; set; } = parameter => parameter;

        /// <summary>Sets a clouds.yaml key ("auth.username", "region_name") from the parameter called <paramref name="parameter"/>.</summary>
        public CloudConfigRequest Set(string key, string? value, string parameter)
        {
            Name(key, parameter);
            if (value != null) Values[key] = Setting.Text(value, "parameter " + ParameterSpelling(parameter));
            return this;
        }

        public CloudConfigRequest SetSecret(string key, SecureString? value, string parameter)
        {
            Name(key, parameter);
            if (value != null) Values[key] = Setting.Hidden(value, "parameter " + ParameterSpelling(parameter));
            return this;
        }

        /// <summary>Says which parameter would set <paramref name="key"/>, for messages, without setting it.</summary>
        public CloudConfigRequest Name(string key, string parameter)
        {
            Parameters[key] = ParameterSpelling(parameter);
            return this;
        }
    }

    /// <summary>One resolved value and where it came from ("parameter -Region", "OS_REGION_NAME", "/path/clouds.yaml:7", "default").</summary>
    internal sealed class Setting
    {
        private Setting(string? text, SecureString? secret, string source)
        {
            TextValue = text;
            Secret = secret;
            Source = source;
        }

        public string? TextValue { get; }
        public SecureString? Secret { get; }
        public string Source { get; }

        public static Setting Text(string value, string source) => new Setting(value, null, source);

        public static Setting Hidden(SecureString value, string source) => new Setting(null, value, source);

        /// <summary>A secret read as text from a file or a variable is kept only as a read-only SecureString from here on.</summary>
        public static Setting HiddenText(string value, string source)
        {
            var secret = new SecureString();
            foreach (var c in value) secret.AppendChar(c);
            secret.MakeReadOnly();
            return new Setting(null, secret, source);
        }
    }
}
