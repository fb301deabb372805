using System.Reflection;
using System.Runtime.Loader;

namespace OpenStackSnapshot.CoreLoader
{
    /// <summary>
    /// Only the client is handed to a private load context, which then serves the client's own dependencies from its
    /// folder itself. The cmdlet assembly calls Hook and Unhook by reflection (see its Loading/ModuleLoader.cs).
    /// </summary>
    public static class CoreResolver
    {
        private static DependencyLoadContext? _context;
        private static string _client = string.Empty;

        public static void Hook(string folder, string clientAssemblyName)
        {
            _context ??= new DependencyLoadContext(folder);
            _client = clientAssemblyName;
            AssemblyLoadContext.Default.Resolving += ResolveClient;
        }

        public static void Unhook() => AssemblyLoadContext.Default.Resolving -= ResolveClient;

        private static Assembly? ResolveClient(AssemblyLoadContext _, AssemblyName name) =>
            name.Name == _client ? _context!.LoadFromAssemblyName(name) : null;
    }
}
