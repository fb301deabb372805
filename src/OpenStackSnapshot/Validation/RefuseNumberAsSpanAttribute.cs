using System;
using System.Management.Automation;

namespace OpenStackSnapshot.Validation
{
    /// <summary>
    /// PowerShell reads a bare number given to a TimeSpan as ticks, so "-OlderThan 7" would mean 700 nanoseconds:
    /// numbers are refused, while TimeSpans and strings ("2.00:00:00", "20:00:00") go on to the usual conversion.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class RefuseNumberAsSpanAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            if (value != null && IsNumber(value))
                throw new ArgumentTransformationMetadataException(
                    $"The number {value} would be read as ticks (ten-millionths of a second), not days or hours: "
                    + "for seven days write 7.00:00:00 or (New-TimeSpan -Days 7), for twenty hours 20:00:00.");
            return inputData;
        }

        // SByte through Decimal are exactly .NET's numeric type codes.
        private static bool IsNumber(object value)
        {
            var code = Type.GetTypeCode(value.GetType());
            return code >= TypeCode.SByte && code <= TypeCode.Decimal;
        }
    }
}
