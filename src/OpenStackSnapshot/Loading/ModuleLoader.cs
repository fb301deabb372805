using System;
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
    /// Microsoft.Extensions.* in the same session cannot collide with ours. A module initializer runs before
    /// any type of this assembly is used, whatever order PowerShell inspects the cmdlets in.
    /// </summary>
    internal static class ModuleLoader
    {
        internal const string ClientAssemblyName = "OpenStackSnapshot.Client";

        /// <summary>Does nothing itself: calling it runs the module initializer if it has not run yet.</summary>
        internal static void EnsureInitialized() { }

#pragma warning disable CA2255 // a module initializer is exactly what isolated loading needs
        [ModuleInitializer]
#pragma warning restore CA2255
        internal static void Initialize()
        {
            var folder = Path.Combine(Path.GetDirectoryName(typeof(ModuleLoader).Assembly.Location) ?? ".", "dependencies");
#if NET
            // Only the client is handed over; the context then serves the client's own dependencies itself.
            var context = new DependencyLoadContext(folder);
            AssemblyLoadContext.Default.Resolving += (_, name) =>
                name.Name == ClientAssemblyName ? context.LoadFromAssemblyName(name) : null;
#else
            // Windows PowerShell has one load context: resolve whatever of ours is not found elsewhere.
            AppDomain.CurrentDomain.AssemblyResolve += (_, args) =>
            {
                var path = Path.Combine(folder, new AssemblyName(args.Name).Name + ".dll");
                return File.Exists(path) ? Assembly.LoadFrom(path) : null;
            };
#endif
        }
    }
}

#if !NET
namespace System.Runtime.CompilerServices
{
    /// <summary>The compiler honours this attribute by name; netstandard2.0 lacks it, the CLR still runs module initializers.</summary>
    [AttributeUsage(AttributeTargets.Method, Inherited = false)]
    internal sealed class ModuleInitializerAttribute : Attribute { }
}
#endif
