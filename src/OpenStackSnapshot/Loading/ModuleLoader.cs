using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Runtime.CompilerServices;
#if NET
using System.Runtime.Loader;
#endif

namespace OpenStackSnapshot.Loading
{
    /// <summary>
    /// Loads the client and its dependencies from dependencies/ in isolation, so other modules' copies of
    /// Microsoft.Extensions.* in the same session cannot collide with ours. A module initializer hooks the resolver
    /// before any type of this assembly is used; Import-Module hooks it again after a Remove-Module unhooked it.
    /// </summary>
    internal static class ModuleLoader
    {
        internal const string ClientAssemblyName = "OpenStackSnapshot.Client";
        private static readonly object Gate = new object();
        private static readonly string Folder = Path.Combine(Path.GetDirectoryName(typeof(ModuleLoader).Assembly.Location) ?? ".", "dependencies");
#if NET
        private static readonly DependencyLoadContext Context = new DependencyLoadContext(Folder);
#else
        // Listed at the first resolve, not at Import-Module.
        private static readonly Lazy<HashSet<string>> Ours = new Lazy<HashSet<string>>(OurAssemblies);
#endif

        /// <summary>True while the resolver is hooked (tests read it through reflection).</summary>
        internal static bool IsHooked { get; private set; }

#pragma warning disable CA2255 // a module initializer is exactly what isolated loading needs
        [ModuleInitializer]
#pragma warning restore CA2255
        internal static void Initialize() => Hook();

        public static void Hook()
        {
            lock (Gate)
            {
                if (IsHooked) return;
#if NET
                AssemblyLoadContext.Default.Resolving += ResolveClient;
#else
                AppDomain.CurrentDomain.AssemblyResolve += ResolveOurs;
#endif
                IsHooked = true;
            }
        }

        public static void Unhook()
        {
            lock (Gate)
            {
#if NET
                AssemblyLoadContext.Default.Resolving -= ResolveClient;
#else
                AppDomain.CurrentDomain.AssemblyResolve -= ResolveOurs;
#endif
                IsHooked = false;
            }
        }

#if NET
        // Only the client is handed over; the context then serves the client's own dependencies itself.
        private static Assembly? ResolveClient(AssemblyLoadContext _, AssemblyName name) =>
            name.Name == ClientAssemblyName ? Context.LoadFromAssemblyName(name) : null;
#else
        /// <summary>
        /// Windows PowerShell has one load context for every module, so this answers only for an assembly of our
        /// dependencies/ folder and only when one of ours asks: another module asking for the same name gets its own.
        /// </summary>
        private static Assembly? ResolveOurs(object? sender, ResolveEventArgs args)
        {
            var name = new AssemblyName(args.Name).Name;
            if (name == null || !Ours.Value.Contains(name)) return null;
            var asking = args.RequestingAssembly;
            if (asking == null || !IsOurs(asking)) return null;
            return Assembly.LoadFrom(Path.Combine(Folder, name + ".dll"));
        }

        private static bool IsOurs(Assembly assembly) =>
            assembly == typeof(ModuleLoader).Assembly
            || (!assembly.IsDynamic && !string.IsNullOrEmpty(assembly.Location) // loaded from bytes: no folder, not ours
                && string.Equals(Path.GetDirectoryName(assembly.Location), Folder, StringComparison.OrdinalIgnoreCase));

        private static HashSet<string> OurAssemblies()
        {
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            if (Directory.Exists(Folder))
                foreach (var file in Directory.GetFiles(Folder, "*.dll")) names.Add(Path.GetFileNameWithoutExtension(file));
            return names;
        }
#endif
    }
}

#if !NET
namespace System.Runtime.CompilerServices
{
    /// <summary>The compiler honours this attribute by name; .NET Framework lacks it, the CLR still runs module initializers.</summary>
    [AttributeUsage(AttributeTargets.Method, Inherited = false)]
    internal sealed class ModuleInitializerAttribute : Attribute { }
}
#endif
