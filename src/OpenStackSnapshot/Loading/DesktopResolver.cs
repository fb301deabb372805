using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;

namespace OpenStackSnapshot.Loading
{
    /// <summary>
    /// Windows PowerShell has one load context for every module, so this answers only for an assembly of
    /// dependencies/Desktop and only when one of ours asks: another module asking for the same name gets its own.
    /// </summary>
    internal static class DesktopResolver
    {
        private static readonly string Folder = ModuleLoader.DependencyFolder("Desktop");
        // Listed at the first resolve, not at Import-Module.
        private static readonly Lazy<HashSet<string>> Ours = new Lazy<HashSet<string>>(OurAssemblies);

        public static void Hook() => AppDomain.CurrentDomain.AssemblyResolve += ResolveOurs;

        public static void Unhook() => AppDomain.CurrentDomain.AssemblyResolve -= ResolveOurs;

        private static Assembly? ResolveOurs(object? sender, ResolveEventArgs args)
        {
            var name = new AssemblyName(args.Name).Name;
            if (name == null || !Ours.Value.Contains(name)) return null;
            var asking = args.RequestingAssembly;
            if (asking == null || !IsOurs(asking)) return null;
            return Assembly.LoadFrom(Path.Combine(Folder, name + ".dll"));
        }

        private static bool IsOurs(Assembly assembly) =>
            assembly == typeof(DesktopResolver).Assembly
            || (!assembly.IsDynamic && !string.IsNullOrEmpty(assembly.Location) // loaded from bytes: no folder, not ours
                && string.Equals(Path.GetDirectoryName(assembly.Location), Folder, StringComparison.OrdinalIgnoreCase));

        private static HashSet<string> OurAssemblies()
        {
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            if (Directory.Exists(Folder))
                foreach (var file in Directory.GetFiles(Folder, "*.dll")) names.Add(Path.GetFileNameWithoutExtension(file));
            return names;
        }
    }
}
