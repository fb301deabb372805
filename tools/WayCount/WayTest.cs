using System.Collections;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Runtime.Loader;
using Xunit;

// build/Way.ps1 runs this in a fresh test process under coverlet, once each for N = 1, 2 and 3: sign in to the emulator the
// task started, then N creates. What a create passes is what the second create adds to the first one's hits.
public class WayTest
{
    // The emulator's seeded data-01 (Seed.VolumeData01): an available volume on both APIs.
    private const string VolumeId = "521752a6-acf6-4b2d-bc7a-119f9148cd8c";

    private static string Need(string name) =>
        Environment.GetEnvironmentVariable(name) ?? throw new InvalidOperationException($"{name} is not set: run build.ps1 -Task Way");

    [Fact]
    public void Creates()
    {
        int n = int.Parse(Need("WAY_N"), CultureInfo.InvariantCulture);
        string api = Need("WAY_API");
        string authUrl = Need("WAY_AUTH_URL");
        var said = new List<string>();
        try
        {
            // No OS_* variable of this machine's may reach the session: the sign-in would read it.
            foreach (DictionaryEntry variable in Environment.GetEnvironmentVariables())
            {
                var name = (string)variable.Key;
                if (name.StartsWith("OS_", StringComparison.Ordinal)) Environment.SetEnvironmentVariable(name, null);
            }

            string folder = Path.GetDirectoryName(typeof(WayTest).Assembly.Location)!;
            using var runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
            runspace.Open();
            Invoke(runspace, "Import-Module -Name $args[0] -ErrorAction Stop", Path.Combine(folder, "OpenStackSnapshot.dll"));
            Invoke(runspace, @"
                $credential = [pscredential]::new('demo', (ConvertTo-SecureString 'demo-secret' -AsPlainText -Force))
                Connect-OSCloud -AuthUrl $args[0] -Credential $credential -ProjectName demo -RetryIntervalSec 0 -Api $args[1] `
                    -ErrorAction Stop | Out-Null", authUrl, api);
            for (int i = 0; i < n; i++)
            {
                // The create alone: its result is kept but never read or formatted, so no view or property getter runs.
                var made = Invoke(runspace, "$global:made = @(New-OSSnapshot -VolumeId $args[0] -Name n -ErrorAction Stop); $global:made.Count",
                    VolumeId);
                Assert.Equal(1, (int)made[0].BaseObject);
            }

            // The copies that ran must be the ones coverlet instrumented in this folder: one of each, in the default context.
            foreach (var name in new[] { "OpenStackSnapshot", "OpenStackSnapshot.Client" })
            {
                var copies = AppDomain.CurrentDomain.GetAssemblies().Where(a => a.GetName().Name == name).ToList();
                foreach (var copy in copies)
                    said.Add($"loaded {name} from {copy.Location} in context '{AssemblyLoadContext.GetLoadContext(copy)?.Name}'");
                Assert.Single(copies);
                Assert.Equal(folder, Path.GetDirectoryName(copies[0].Location));
                Assert.Equal(AssemblyLoadContext.Default, AssemblyLoadContext.GetLoadContext(copies[0]));
            }
            said.Add($"N={n} API={api} creates succeeded");
            runspace.Close();
        }
        catch (Exception e)
        {
            said.Add($"failed: {e}");
            throw;
        }
        finally
        {
            // The task reads this file: dotnet test shows a passing test's output only at a verbosity that buries it.
            File.WriteAllLines(Need("WAY_LOG"), said);
        }
    }

    private static Collection<PSObject> Invoke(Runspace runspace, string script, params object[] arguments)
    {
        using var shell = PowerShell.Create();
        shell.Runspace = runspace;
        shell.AddScript(script);
        foreach (var argument in arguments) shell.AddArgument(argument);
        var result = shell.Invoke();
        if (shell.HadErrors)
            throw new InvalidOperationException("PowerShell errors: " + string.Join("; ", shell.Streams.Error.Select(e => e.ToString())));
        return result;
    }
}
