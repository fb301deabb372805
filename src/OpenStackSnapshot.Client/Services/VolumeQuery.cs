using System;
using System.Linq;
using OpenStackSnapshot.Client.Models;

namespace OpenStackSnapshot.Client.Services
{
    /// <summary>Which volumes a listing returns; neither API filters volumes by server, so it is checked here.</summary>
    public sealed class VolumeQuery
    {
        /// <summary>Only the volumes attached to this server.</summary>
        public string? ServerId { get; set; }

        public bool Matches(Volume volume) =>
            ServerId == null || volume.Attachments.Any(a => string.Equals(a.ServerId, ServerId, StringComparison.OrdinalIgnoreCase));
    }
}
