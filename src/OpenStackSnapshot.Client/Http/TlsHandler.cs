using System;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using OpenStackSnapshot.Client.Errors;

namespace OpenStackSnapshot.Client.Http
{
    /// <summary>
    /// The primary handler with the session's certificate rules: the system's trust by default, a CA bundle instead
    /// (cacert), no check at all only when asked (verify: false), and a client certificate (cert, key).
    /// The last refusal's reason is kept so a TLS failure can say why.
    /// </summary>
    internal sealed class TlsHandler
    {
        private readonly TlsOptions _options;
        private readonly X509Certificate2Collection? _trusted;

        public TlsHandler(TlsOptions options)
        {
            _options = options;
            if (options.VerifyCertificate && options.CACertificatePath != null) _trusted = ReadBundle(options.CACertificatePath);
        }

        public HttpMessageHandler Create()
        {
            var handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = Validate };
            if (_options.ClientCertificatePath != null)
            {
                handler.ClientCertificateOptions = ClientCertificateOption.Manual;
                handler.ClientCertificates.Add(ClientCertificate(_options.ClientCertificatePath, _options.ClientKeyPath));
            }
            return handler;
        }

        private bool Validate(HttpRequestMessage request, X509Certificate2? certificate, X509Chain? chain, SslPolicyErrors errors)
        {
            if (!_options.VerifyCertificate) return true;
            string? refusal;
            if (_trusted == null)
            {
                refusal = errors == SslPolicyErrors.None ? null : Describe(errors, chain);
            }
            else
            {
                refusal = (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != SslPolicyErrors.None
                    ? Describe(errors & ~SslPolicyErrors.RemoteCertificateChainErrors, null)
                    : ChainsToBundle(certificate);
            }
            if (refusal != null) RequestTags.Of(request).TlsRefusal = refusal; // kept on the request itself, for OSTlsFailure
            return refusal == null;
        }

        /// <summary>The certificate must chain to a certificate of the bundle (the system's roots do not count then, as for the CLI).</summary>
        private string? ChainsToBundle(X509Certificate2? certificate)
        {
            if (certificate == null) return "the server sent no certificate";
            using var chain = new X509Chain();
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            chain.ChainPolicy.VerificationFlags = X509VerificationFlags.AllowUnknownCertificateAuthority;
            chain.ChainPolicy.ExtraStore.AddRange(_trusted!);
            if (!chain.Build(certificate))
                return "its certificate is not valid: "
                    + string.Join("; ", chain.ChainStatus.Select(s => s.StatusInformation.Trim()).Where(s => s.Length > 0));
            var root = chain.ChainElements[chain.ChainElements.Count - 1].Certificate;
            return _trusted!.Cast<X509Certificate2>().Any(c => c.Thumbprint == root.Thumbprint)
                ? null
                : $"its certificate (issued by '{root.Subject}') does not chain to a certificate of the CA bundle {_options.CACertificatePath}";
        }

        private static string Describe(SslPolicyErrors errors, X509Chain? chain)
        {
            if ((errors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0) return "its certificate does not name this host";
            if ((errors & SslPolicyErrors.RemoteCertificateNotAvailable) != 0) return "the server sent no certificate";
            var status = chain?.ChainStatus.Select(s => s.StatusInformation.Trim()).Where(s => s.Length > 0).Distinct().ToList();
            return "its certificate is not trusted" + (status is { Count: > 0 } ? ": " + string.Join("; ", status) : string.Empty);
        }

        private static X509Certificate2Collection ReadBundle(string path)
        {
            var bundle = new X509Certificate2Collection();
            try
            {
                var text = File.ReadAllText(path);
                const string begin = "-----BEGIN CERTIFICATE-----", end = "-----END CERTIFICATE-----";
                for (var at = text.IndexOf(begin, StringComparison.Ordinal); at >= 0; at = text.IndexOf(begin, at + 1, StringComparison.Ordinal))
                {
                    var stop = text.IndexOf(end, at, StringComparison.Ordinal);
                    if (stop < 0) break;
                    var base64 = text.Substring(at + begin.Length, stop - at - begin.Length);
                    bundle.Add(new X509Certificate2(Convert.FromBase64String(string.Concat(base64.Where(c => !char.IsWhiteSpace(c))))));
                }
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is FormatException
                || e is System.Security.Cryptography.CryptographicException)
            {
                throw Unusable($"The CA bundle {path} could not be read: {e.Message}");
            }
            if (bundle.Count == 0) throw Unusable($"The CA bundle {path} holds no PEM certificate (-----BEGIN CERTIFICATE-----).");
            return bundle;
        }

        /// <summary>
        /// netstandard2.0 has no PEM reader; PowerShell 7's runtime has X509Certificate2.CreateFromPemFile, so it is
        /// reached by reflection there. Windows PowerShell 5.1 takes a PFX/PKCS#12 file as cert instead.
        /// </summary>
        private static X509Certificate2 ClientCertificate(string certPath, string? keyPath)
        {
            try
            {
                var fromPem = typeof(X509Certificate2).GetMethod("CreateFromPemFile", new[] { typeof(string), typeof(string) });
                var text = File.ReadAllText(certPath);
                if (text.Contains("-----BEGIN"))
                {
                    if (fromPem == null)
                        throw Unusable($"The client certificate {certPath} is PEM, which .NET Framework cannot read; "
                            + "give a PFX (PKCS#12) file instead.");
                    var pem = (X509Certificate2)fromPem.Invoke(null, new object?[] { certPath, keyPath })!;
                    // Windows' TLS stack refuses the ephemeral key a PEM import makes: give it a PKCS#12 copy instead.
                    if (!System.Runtime.InteropServices.RuntimeInformation.IsOSPlatform(System.Runtime.InteropServices.OSPlatform.Windows))
                        return pem;
                    using (pem) return new X509Certificate2(pem.Export(X509ContentType.Pkcs12));
                }
                return new X509Certificate2(certPath);
            }
            catch (System.Reflection.TargetInvocationException e) when (e.InnerException != null)
            {
                throw Unusable($"The client certificate {certPath}{(keyPath != null ? $" with key {keyPath}" : string.Empty)} "
                    + $"could not be read: {e.InnerException.Message}");
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException
                || e is System.Security.Cryptography.CryptographicException)
            {
                throw Unusable($"The client certificate {certPath} could not be read: {e.Message}");
            }
        }

        private static OpenStackException Unusable(string message) =>
            new OpenStackException(OpenStackErrorKind.InvalidConfiguration, message,
                "Check the path (cacert or OS_CACERT; cert and key or OS_CERT and OS_KEY) and that the file is PEM.");
    }
}
