using System.Reflection;
using System.Runtime.Loader;

namespace OpenStackSnapshot.Loading
{
    /// <summary>
    /// PowerShell 7: only the client is handed to a private load context, which then serves the client's own
    /// dependencies from dependencies/Core itself. Never touched on Windows PowerShell, whose runtime lacks these types.
    /// </summary>
    internal static class CoreResolver
    {
        private static readonly DependencyLoadContext Context = new DependencyLoadContext(ModuleLoader.DependencyFolder("Core"));

        public static void Hook() => AssemblyLoadContext.Default.Resolving += ResolveClient;

        public static void Unhook() => AssemblyLoadContext.Default.Resolving -= ResolveClient;

        private static Assembly? ResolveClient(AssemblyLoadContext _, AssemblyName name) =>
            name.Name == ModuleLoader.ClientAssemblyName ? Context.LoadFromAssemblyName(name) : null;
    }
}
