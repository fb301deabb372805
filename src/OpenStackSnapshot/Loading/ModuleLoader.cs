using System;
using System.IO;
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

        /// <summary>Windows PowerShell 5.1 runs on .NET Framework; PowerShell 7 on .NET.</summary>
        internal static readonly bool IsDesktop = RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.Ordinal);

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
                // Each resolver lives in its own class, so the runtime that lacks the other's types never compiles it.
                if (IsDesktop) DesktopResolver.Hook(); else CoreResolver.Hook();
                IsHooked = true;
            }
        }

        public static void Unhook()
        {
            lock (Gate)
            {
                if (!IsHooked) return;
                if (IsDesktop) DesktopResolver.Unhook(); else CoreResolver.Unhook();
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
