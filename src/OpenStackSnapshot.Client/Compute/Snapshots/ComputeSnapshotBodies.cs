using OpenStackSnapshot.Client.Snapshots;
using OpenStackSnapshot.Client.Wire;

namespace OpenStackSnapshot.Client.Compute.Snapshots
{
    /// <summary>The os-snapshots body we send: the proxy takes only a create.</summary>
    internal static class ComputeSnapshotBodies
    {
        /// <summary>Only the keys Nova accepts; unset ones are left out, never sent as null.</summary>
        public static string Create(NewSnapshot request, string volumeId) => JsonWrite.Object(writer =>
        {
            writer.WriteStartObject("snapshot");
            writer.WriteString("volume_id", volumeId);
            if (request.Name != null) writer.WriteString("display_name", request.Name);
            if (request.Description != null) writer.WriteString("display_description", request.Description);
            writer.WriteBoolean("force", request.Force);
            writer.WriteEndObject();
        });
    }
}
