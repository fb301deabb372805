using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace OpenStackSnapshot.Client.Http
{
    /// <summary>Keeps tokens, passwords and secrets out of every log line and debug dump.</summary>
    internal static class Redaction
    {
        public const string Mask = "***";

        private static readonly HashSet<string> SecretHeaders = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "X-Auth-Token", "X-Subject-Token", "Authorization", "Proxy-Authorization", "Cookie", "Set-Cookie",
        };

        // "password": "...", "secret": "...", and the token method's {"token": {"id": "..."}}
        private static readonly Regex SecretValues = new Regex(
            "(\"(?:password|secret)\"\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*\"|(\"token\"\\s*:\\s*\\{\\s*\"id\"\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*\"",
            RegexOptions.Compiled | RegexOptions.IgnoreCase);

        public static bool IsSecretHeader(string name) => SecretHeaders.Contains(name);

        public static string Body(string body) =>
            SecretValues.Replace(body, m => (m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value) + "\"" + Mask + "\"");
    }
}
