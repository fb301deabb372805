using System;
using System.IO;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace OpenStackSnapshot.Loading
{
    /// <summary>
    /// Loads the client and its dependencies from dependencies/&lt;edition&gt; in isolation, so other modules' copies of
    /// Microsoft.Extensions.* in the same session cannot collide with ours. This one assembly serves both PowerShells,
    /// so the edition is read at run time. A module initializer hooks the resolver before any type of this assembly is
    /// used; Import-Module hooks it again after a Remove-Module unhooked it.
    /// </summary>
    internal static class ModuleLoader
    {
        internal const string ClientAssemblyName = "OpenStackSnapshot.Client";
        private static readonly object Gate = new object();

        /// <summary>
        /// PowerShell 7's resolver is in its own net8.0 assembly in dependencies/Core (AssemblyLoadContext is not in
        /// netstandard2.0, nor in .NET Framework): called by reflection, so this assembly names none of its types.
        /// </summary>
        private static readonly Lazy<(Action Hook, Action Unhook)> CoreLoader = new Lazy<(Action, Action)>(() =>
        {
            var folder = DependencyFolder("Core");
            var resolver = Assembly.LoadFrom(Path.Combine(folder, "OpenStackSnapshot.CoreLoader.dll"))
                .GetType("OpenStackSnapshot.CoreLoader.CoreResolver", throwOnError: true)!;
            var hook = (Action<string, string>)resolver.GetMethod("Hook")!.CreateDelegate(typeof(Action<string, string>));
            return (() => hook(folder, ClientAssemblyName), (Action)resolver.GetMethod("Unhook")!.CreateDelegate(typeof(Action)));
        });

        /// <summary>Windows PowerShell 5.1 runs on .NET Framework; PowerShell 7 on .NET.</summary>
        internal static readonly bool IsDesktop = IsDesktopRuntime(RuntimeInformation.FrameworkDescription);

        /// <summary>The edition's rule on its own, so a test can read it without Windows PowerShell.</summary>
        internal static bool IsDesktopRuntime(string frameworkDescription) =>
            frameworkDescription.StartsWith(".NET Framework", StringComparison.Ordinal);

        /// <summary>dependencies/Core or dependencies/Desktop beside this assembly, named as $PSEdition names them.</summary>
        internal static string DependencyFolder(string edition) =>
            Path.Combine(Path.GetDirectoryName(typeof(ModuleLoader).Assembly.Location) ?? ".", "dependencies", edition);

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
                if (IsDesktop) DesktopResolver.Hook(); else CoreLoader.Value.Hook();
                IsHooked = true;
            }
        }

        public static void Unhook()
        {
            lock (Gate)
            {
                if (!IsHooked) return;
                if (IsDesktop) DesktopResolver.Unhook(); else CoreLoader.Value.Unhook();
                IsHooked = false;
            }
        }
    }
}

namespace System.Runtime.CompilerServices
{
    /// <summary>The compiler honours this attribute by name; netstandard2.0 lacks it, both runtimes run module initializers.</summary>
    [AttributeUsage(AttributeTargets.Method, Inherited = false)]
    internal sealed class ModuleInitializerAttribute : Attribute { }
}
