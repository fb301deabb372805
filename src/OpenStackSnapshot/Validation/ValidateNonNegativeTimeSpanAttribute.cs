using System;
using System.Management.Automation;

namespace OpenStackSnapshot.Validation
{
    /// <summary>Refuses a negative span (an age or a reuse window): "-1.00:00:00" is a mistake, never "in the future".</summary>
    public sealed class ValidateNonNegativeTimeSpanAttribute : ValidateArgumentsAttribute
    {
        protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
        {
            if (arguments is TimeSpan span && span < TimeSpan.Zero)
                throw new ValidationMetadataException($"The span {span} is negative; give how long ago, such as 2.00:00:00 for two days.");
        }
    }
}
