using System;
using System.Management.Automation;
using OpenStackSnapshot.Client.Snapshots.Retention;

namespace OpenStackSnapshot.Validation
{
    /// <summary>A keep-within span: positive and whole hours, as restic counts them (it has no minutes to give).</summary>
    public sealed class ValidateRetentionSpanAttribute : ValidateArgumentsAttribute
    {
        protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
        {
            if (!(arguments is TimeSpan span)) return;
            var problem = RetentionSpan.Problem(span);
            if (problem != null) throw new ValidationMetadataException(problem);
        }
    }
}
