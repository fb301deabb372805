// The namespace is the type's public name (format views, users' scripts), so it stays Models with its resource.
// A class with get-only properties, not a record with init ones: PowerShell ignores init and would let a script change it.
namespace OpenStackSnapshot.Client.Models
{
    /// <summary>One attachment of a volume to a server.</summary>
    public sealed class VolumeAttachment
    {
        public VolumeAttachment(string? id, string? serverId, string? device)
        {
            Id = id;
            ServerId = serverId;
            Device = device;
        }

        public string? Id { get; }
        public string? ServerId { get; }
        public string? Device { get; }

        public override string ToString() => $"{ServerId} {Device}".Trim();
    }
}
