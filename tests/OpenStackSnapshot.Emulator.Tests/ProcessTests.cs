using System.Diagnostics;
using System.Net;
using Xunit;

namespace OpenStackSnapshot.Emulator.Tests;

/// <summary>The emulator as a separate process, the way the Pester tests and the demo start it.</summary>
public sealed class ProcessTests
{
    private static Process Start(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(typeof(EmulatorHost).Assembly.Location);
        foreach (var arg in args) info.ArgumentList.Add(arg);
        return Process.Start(info)!;
    }

    [Fact]
    public async Task Prints_one_listening_line_serves_and_exits_when_stdin_closes()
    {
        using var process = Start("--port", "0", "--page-limit", "7", "--exit-on-stdin-close");
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            var line = await process.StandardOutput.ReadLineAsync(timeout.Token);

            Assert.NotNull(line);
            Assert.Matches(@"^Listening on http://127\.0\.0\.1:[0-9]+/$", line);
            var baseUri = new Uri(line["Listening on ".Length..]);

            using var http = new HttpClient { BaseAddress = baseUri };
            using var versions = await http.GetAsync("compute/", timeout.Token);
            Assert.Equal(HttpStatusCode.OK, versions.StatusCode);
            using var settings = await http.GetAsync("_emulator/settings", timeout.Token);
            Assert.Contains("\"pageLimit\":7", await settings.Content.ReadAsStringAsync(timeout.Token));

            process.StandardInput.Close();
            await process.WaitForExitAsync(timeout.Token);

            Assert.Equal(0, process.ExitCode);
            Assert.Equal("", await process.StandardOutput.ReadToEndAsync(timeout.Token));
        }
        finally
        {
            if (!process.HasExited) process.Kill();
        }
    }

    [Fact]
    public async Task Bad_arguments_exit_2_with_usage_on_stderr()
    {
        using var process = Start("--no-such-option");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            var stderr = await process.StandardError.ReadToEndAsync(timeout.Token);
            await process.WaitForExitAsync(timeout.Token);

            Assert.Equal(2, process.ExitCode);
            Assert.Contains("unknown argument '--no-such-option'", stderr);
            Assert.Equal("", await process.StandardOutput.ReadToEndAsync(timeout.Token));
        }
        finally
        {
            if (!process.HasExited) process.Kill();
        }
    }
}
