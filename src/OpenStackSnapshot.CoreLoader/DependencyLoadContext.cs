using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Runtime.Loader;

namespace OpenStackSnapshot.CoreLoader
{
    /// <summary>
    /// A private load context for dependencies/Core. The runtime's own assemblies are left to the runtime:
    /// a second copy of them would make types such as IMeterFactory stop matching across contexts.
    /// </summary>
    internal sealed class DependencyLoadContext : AssemblyLoadContext
    {
        private static readonly HashSet<string> PlatformAssemblies = ReadPlatformAssemblies();
        private readonly string _folder;

        public DependencyLoadContext(string folder) : base("OpenStackSnapshot.Dependencies")
        {
            _folder = folder;
        }

        protected override Assembly? Load(AssemblyName name)
        {
            if (name.Name == null || PlatformAssemblies.Contains(name.Name)) return null;
            var path = Path.Combine(_folder, name.Name + ".dll");
            return File.Exists(path) ? LoadFromAssemblyPath(path) : null;
        }

        private static HashSet<string> ReadPlatformAssemblies()
        {
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var list = AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? string.Empty;
            foreach (var path in list.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
                names.Add(Path.GetFileNameWithoutExtension(path));
            return names;
        }
    }
}
