using OpenStackSnapshot.Client.Volumes;
using OpenStackSnapshot.Client.Wire;

namespace OpenStackSnapshot.Client.Compute.Volumes
{
    /// <summary>The os-volumes body we send: Nova's schema requires the size and takes the display_ names; unset fields are left out.</summary>
    internal static class ComputeVolumeBodies
    {
        public static string Create(NewVolume request, int size, string snapshotId) => JsonWrite.Object(writer =>
        {
            writer.WriteStartObject("volume");
            writer.WriteNumber("size", size);
            writer.WriteString("snapshot_id", snapshotId);
            if (request.Name != null) writer.WriteString("display_name", request.Name);
            if (request.Description != null) writer.WriteString("display_description", request.Description);
            if (request.AvailabilityZone != null) writer.WriteString("availability_zone", request.AvailabilityZone);
            writer.WriteEndObject();
        });
    }
}
