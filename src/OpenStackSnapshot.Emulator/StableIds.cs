using System.Security.Cryptography;
using System.Text;

namespace OpenStackSnapshot.Emulator;

/// <summary>Ids that are the same in every run (catalog entries, Cinder's fixed uuids), from a hash of what they name.</summary>
internal static class StableIds
{
    /// <summary>Keystone's style: 32 lower-case hex digits.</summary>
    public static string Hex(string kind, string name) => Convert.ToHexStringLower(Hash(kind, name));

    /// <summary>Cinder's style: a dashed UUID.</summary>
    public static string Uuid(string kind, string name) => new Guid(Hash(kind, name)).ToString("D");

    private static ReadOnlySpan<byte> Hash(string kind, string name) => SHA256.HashData(Encoding.UTF8.GetBytes(kind + "/" + name)).AsSpan(0, 16);
}
