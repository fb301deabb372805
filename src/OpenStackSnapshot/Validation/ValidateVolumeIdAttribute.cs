using System.Management.Automation;
using OpenStackSnapshot.Client.Snapshots;

namespace OpenStackSnapshot.Validation
{
    /// <summary>Refuses a volume id that is not a UUID before anything is sent (Nova would answer an opaque 500).</summary>
    public sealed class ValidateVolumeIdAttribute : ValidateArgumentsAttribute
    {
        protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
        {
            var problem = SnapshotInput.VolumeIdProblem(arguments as string ?? arguments?.ToString());
            if (problem != null) throw new ValidationMetadataException(problem);
        }
    }
}
