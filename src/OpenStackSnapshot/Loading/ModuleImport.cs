using System.Management.Automation;
using OpenStackSnapshot.Sessions;

namespace OpenStackSnapshot.Loading
{
    /// <summary>
    /// PowerShell calls OnImport at Import-Module (running any code of ours runs the module initializer, so the
    /// resolver is in place before PowerShell first reads an attribute that names a client type) and OnRemove at
    /// Remove-Module: the resolver is unhooked and every session's connections and secrets are let go.
    /// </summary>
    public sealed class ModuleImport : IModuleAssemblyInitializer, IModuleAssemblyCleanup
    {
        public void OnImport() => ModuleLoader.Hook();

        public void OnRemove(PSModuleInfo psModuleInfo)
        {
            SessionStore.CloseAll();
            ModuleLoader.Unhook();
        }
    }
}
