using System;
using System.Management.Automation;
using OpenStackSnapshot.Client.Errors;
using OpenStackSnapshot.Client.Snapshots.Retention;

namespace OpenStackSnapshot.Validation
{
    /// <summary>
    /// A time zone given by its IANA or Windows id (or as Get-TimeZone's object): PowerShell has no conversion from a
    /// string to TimeZoneInfo, and .NET Framework knows only Windows ids. An unknown id is refused while binding.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class TimeZoneArgumentAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            if (!(value is string id)) return inputData;
            return TimeZones.Find(id) ?? throw new ArgumentTransformationMetadataException(
                Sentences.Join(TimeZones.Problem(id), "Get-TimeZone -ListAvailable lists this machine's zones"));
        }
    }
}
