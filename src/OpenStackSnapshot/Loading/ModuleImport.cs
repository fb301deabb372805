using System.Management.Automation;

namespace OpenStackSnapshot.Loading
{
    /// <summary>
    /// PowerShell calls this at Import-Module. Running any code of ours runs the module initializer, so the
    /// resolver is in place before PowerShell first reads an attribute that names a client type ([OutputType]).
    /// </summary>
    public sealed class ModuleImport : IModuleAssemblyInitializer
    {
        public void OnImport() => ModuleLoader.EnsureInitialized();
    }
}
