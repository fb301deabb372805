using System;
using System.IO;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;

namespace OpenStackSnapshot.Loading
{
    /// <summary>
    /// Brings the module's views (OpenStackSnapshot.Format.ps1xml) and the sessions' IsDefault member into a runspace
    /// when one of its cmdlets first runs there, not at Import-Module: a module's FormatsToProcess makes PowerShell
    /// rebuild its whole format database at import (about 60 ms of a cold import here), which the views' first use
    /// pays anyway and an import alone should not.
    /// </summary>
    internal static class FormatData
    {
        private static readonly string FormatFile =
            Path.Combine(Path.GetDirectoryName(typeof(FormatData).Assembly.Location) ?? ".", "OpenStackSnapshot.Format.ps1xml");
        private static readonly ConditionalWeakTable<Runspace, object> Loaded = new ConditionalWeakTable<Runspace, object>();

        public static void EnsureLoaded(PSCmdlet cmdlet)
        {
            var runspace = Runspace.DefaultRunspace;
            if (runspace == null || Loaded.TryGetValue(runspace, out _)) return;
            lock (Loaded)
            {
                if (Loaded.TryGetValue(runspace, out _)) return;
                Loaded.Add(runspace, FormatFile);
            }
            try
            {
                if (File.Exists(FormatFile))
                    cmdlet.InvokeCommand.InvokeScript("Microsoft.PowerShell.Utility\\Update-FormatData -AppendPath $args[0]", FormatFile);
                cmdlet.InvokeCommand.InvokeScript(
                    "Microsoft.PowerShell.Utility\\Update-TypeData -TypeName $args[0] -MemberType CodeProperty -MemberName IsDefault "
                    + "-Value $args[1] -Force",
                    typeof(OpenStackSnapshot.Client.OpenStackSession).FullName,
                    typeof(Sessions.SessionMembers).GetMethod(nameof(Sessions.SessionMembers.IsDefault)));
            }
            catch (Exception e) when (e is RuntimeException || e is InvalidOperationException)
            {
                // A runspace without Update-FormatData (a restricted endpoint) shows the objects in PowerShell's
                // default views: the views are a courtesy, never a reason for a command to fail.
            }
        }
    }
}
