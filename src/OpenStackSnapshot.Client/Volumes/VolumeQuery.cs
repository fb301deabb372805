using System;
using System.Collections.Generic;
using System.Linq;
using OpenStackSnapshot.Client.Models;

namespace OpenStackSnapshot.Client.Volumes
{
    /// <summary>Which volumes a listing returns; neither API filters volumes by server, so it is checked here.</summary>
    public sealed record VolumeQuery
    {
        /// <summary>Only the volumes attached to one of these servers (an unknown server matches none).</summary>
        public IReadOnlyList<string>? ServerIds { get; init; }

        public bool Matches(Volume volume) =>
            ServerIds == null
            || volume.Attachments.Any(a => ServerIds.Any(s => string.Equals(s.Trim(), a.ServerId, StringComparison.OrdinalIgnoreCase)));
    }
}
