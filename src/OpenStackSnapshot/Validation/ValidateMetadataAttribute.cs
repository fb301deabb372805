using System.Collections;
using System.Management.Automation;
using OpenStackSnapshot.Client.Snapshots;

namespace OpenStackSnapshot.Validation
{
    /// <summary>Snapshot metadata as block storage accepts it (key pattern and lengths), checked when the parameter binds.</summary>
    public sealed class ValidateMetadataAttribute : ValidateArgumentsAttribute
    {
        protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
        {
            var problem = SnapshotInput.MetadataProblem(MetadataArgument.From(arguments as IDictionary));
            if (problem != null) throw new ValidationMetadataException(problem);
        }
    }
}
