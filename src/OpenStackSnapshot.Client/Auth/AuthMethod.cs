using System;
using System.Runtime.InteropServices;
using System.Security;

namespace OpenStackSnapshot.Client.Auth
{
    /// <summary>How to prove who we are to Keystone. Secrets stay in SecureStrings until the request is written.</summary>
    public abstract class AuthMethod : IDisposable
    {
        internal static string Reveal(SecureString secret)
        {
            var pointer = IntPtr.Zero;
            try
            {
                pointer = Marshal.SecureStringToGlobalAllocUnicode(secret);
                return Marshal.PtrToStringUni(pointer) ?? string.Empty;
            }
            finally
            {
                if (pointer != IntPtr.Zero) Marshal.ZeroFreeGlobalAllocUnicode(pointer);
            }
        }

        /// <summary>clouds.yaml's auth_type for this method: password, v3applicationcredential or token.</summary>
        public abstract string AuthType { get; }

        /// <summary>Whether a token from this method can be issued again when it expires (a given token cannot).</summary>
        internal virtual bool CanRenew => true;

        /// <summary>Disconnect-OSCloud forgets the secret: the SecureString is wiped.</summary>
        public abstract void Dispose();
    }

    /// <summary>Password authentication, scoped to a project by id, or by name within a domain.</summary>
    public sealed class PasswordAuth : AuthMethod
    {
        public const string TypeName = "password";

        /// <param name="userName">The user's name; with <see cref="UserId"/> set it may be null.</param>
        public PasswordAuth(string? userName, SecureString password)
        {
            UserName = userName;
            Password = password;
        }

        public string? UserName { get; }
        public string? UserId { get; set; }
        public SecureString Password { get; }
        /// <summary>The user's domain by name or id; neither means the domain named "Default".</summary>
        public string? UserDomainName { get; set; }
        public string? UserDomainId { get; set; }
        public string? ProjectName { get; set; }
        public string? ProjectId { get; set; }
        /// <summary>The project's domain by name or id; neither means the domain named "Default".</summary>
        public string? ProjectDomainName { get; set; }
        public string? ProjectDomainId { get; set; }

        public override string AuthType => TypeName;

        public override void Dispose() => Password.Dispose();
    }

    /// <summary>An application credential, by id, or by name with its user: the scope comes from the credential itself.</summary>
    public sealed class ApplicationCredentialAuth : AuthMethod
    {
        public const string TypeName = "v3applicationcredential";

        public ApplicationCredentialAuth(string? id, SecureString secret)
        {
            Id = id;
            Secret = secret;
        }

        public string? Id { get; }
        public SecureString Secret { get; }
        /// <summary>With a credential name (no id), Keystone needs its user: by id, or by name and domain.</summary>
        public string? Name { get; set; }
        public string? UserName { get; set; }
        public string? UserId { get; set; }
        public string? UserDomainName { get; set; }
        public string? UserDomainId { get; set; }

        public override string AuthType => TypeName;

        public override void Dispose() => Secret.Dispose();
    }

    /// <summary>An existing token (OS_TOKEN, auth_type token): used as it is, with its catalog; nothing can renew it.</summary>
    public sealed class TokenAuth : AuthMethod
    {
        public const string TypeName = "token";

        public TokenAuth(SecureString token) => Token = token;

        public SecureString Token { get; }

        internal override bool CanRenew => false;

        public override string AuthType => TypeName;

        public override void Dispose() => Token.Dispose();
    }
}
