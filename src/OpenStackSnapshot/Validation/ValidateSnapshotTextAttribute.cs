using System.Management.Automation;
using OpenStackSnapshot.Client.Snapshots;

namespace OpenStackSnapshot.Validation
{
    /// <summary>A snapshot name or description: at most 255 characters, no control characters.</summary>
    public sealed class ValidateSnapshotTextAttribute : ValidateArgumentsAttribute
    {
        protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
        {
            var problem = SnapshotInput.TextProblem(arguments as string ?? arguments?.ToString(), "value");
            if (problem != null) throw new ValidationMetadataException(problem);
        }
    }
}
