using System.Management.Automation;
using OpenStackSnapshot.Client;

namespace OpenStackSnapshot.Sessions
{
    /// <summary>
    /// -Session takes a session object or the name of one of this runspace's sessions. A session that crossed a
    /// process boundary (Start-Job, remoting) arrives deserialized, without its connection: that is said plainly.
    /// </summary>
    internal sealed class SessionArgumentAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var value = inputData is PSObject wrapped && !(wrapped.BaseObject is PSCustomObject) ? wrapped.BaseObject : inputData;
            switch (value)
            {
                case null:
                case OpenStackSession _:
                    return value;
                case string name:
                    return SessionStore.Current.Find(name) ?? throw new ArgumentTransformationMetadataException(
                        $"{SessionErrors.Message(name)} Get-OSSession lists them; Connect-OSCloud -Name '{name}' makes one.");
                case PSObject deserialized when deserialized.TypeNames.Contains("Deserialized." + typeof(OpenStackSession).FullName):
                    throw new ArgumentTransformationMetadataException(
                        "This session came from another process (Start-Job, Invoke-Command or another remoting call), "
                        + "which carries only a copy of its properties, not its connection. "
                        + "Connect inside the job instead: Connect-OSCloud -Cloud <name> (clouds.yaml) or with the OS_* variables.");
                default:
                    return value;
            }
        }
    }
}
