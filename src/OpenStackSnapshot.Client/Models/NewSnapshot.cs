namespace OpenStackSnapshot.Client.Models
{
    /// <summary>What a caller asks for when creating a snapshot; unset fields are not sent.</summary>
    public sealed class NewSnapshot
    {
        public NewSnapshot(string volumeId, string? name = null, string? description = null, bool force = false)
        {
            VolumeId = volumeId;
            Name = name;
            Description = description;
            Force = force;
        }

        public string VolumeId { get; }
        public string? Name { get; }
        public string? Description { get; }
        /// <summary>Nova's "force": snapshot a volume that is attached.</summary>
        public bool Force { get; }
    }
}
