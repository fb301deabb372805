using System;
using System.Runtime.InteropServices;
using System.Security;

namespace OpenStackSnapshot.Client.Auth
{
    /// <summary>How to prove who we are to Keystone. Secrets stay in SecureStrings until the request is written.</summary>
    public abstract class AuthMethod
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
    }

    /// <summary>Password authentication, scoped to a project by name (within a domain) or by id.</summary>
    public sealed class PasswordAuth : AuthMethod
    {
        public PasswordAuth(string userName, SecureString password)
        {
            UserName = userName;
            Password = password;
        }

        public string UserName { get; }
        public SecureString Password { get; }
        public string UserDomainName { get; set; } = "Default";
        public string? ProjectName { get; set; }
        public string? ProjectId { get; set; }
        public string ProjectDomainName { get; set; } = "Default";
    }

    /// <summary>An application credential: its scope comes from the credential itself, so none is sent.</summary>
    public sealed class ApplicationCredentialAuth : AuthMethod
    {
        public ApplicationCredentialAuth(string id, SecureString secret)
        {
            Id = id;
            Secret = secret;
        }

        public string Id { get; }
        public SecureString Secret { get; }
    }
}
