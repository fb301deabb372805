using System;
using System.Management.Automation;

namespace OpenStackSnapshot.Validation
{
    /// <summary>Refuses a span of zero or less where only a length of time makes sense (a maximum age: nothing is younger than zero).</summary>
    public sealed class ValidatePositiveTimeSpanAttribute : ValidateArgumentsAttribute
    {
        protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
        {
            if (arguments is TimeSpan span && span <= TimeSpan.Zero)
                throw new ValidationMetadataException(
                    $"The span {span} is not more than zero; give how long, such as 1.00:00:00 for a day or 12:00:00 for twelve hours.");
        }
    }
}
