using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
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

            await AssertExitsCleanlyOnStdinCloseAsync(process, timeout.Token);
        }
        finally
        {
            if (!process.HasExited) process.Kill();
        }
    }

    [Fact]
    public async Task A_refuse_outage_closes_the_port_and_the_process_listens_again_with_its_state()
    {
        using var process = Start("--port", "0", "--exit-on-stdin-close");
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            var baseUri = new Uri((await process.StandardOutput.ReadLineAsync(timeout.Token))!["Listening on ".Length..]);
            using var http = new HttpClient { BaseAddress = baseUri };
            using (await http.PutAsync("_emulator/settings", Json("{\"pageLimit\":4}"), timeout.Token)) { }

            // 5 s: room for a loaded machine to see the port refused before the outage ends.
            using var started = await http.PostAsync("_emulator/outage", Json("{\"seconds\":5,\"mode\":\"refuse\"}"), timeout.Token);
            Assert.Equal(HttpStatusCode.OK, started.StatusCode);

            Assert.True(await TcpProbe.WaitForAsync(baseUri.Port, SocketError.ConnectionRefused, TimeSpan.FromSeconds(5)));
            Assert.True(await TcpProbe.WaitForAsync(baseUri.Port, SocketError.Success, TimeSpan.FromSeconds(30)));
            using var settings = await http.GetAsync("_emulator/settings", timeout.Token);
            Assert.Contains("\"pageLimit\":4", await settings.Content.ReadAsStringAsync(timeout.Token));

            await AssertExitsCleanlyOnStdinCloseAsync(process, timeout.Token);
        }
        finally
        {
            if (!process.HasExited) process.Kill();
        }
    }

    // --exit-on-stdin-close: exit code 0 and nothing more on stdout than the one listening line.
    private static async Task AssertExitsCleanlyOnStdinCloseAsync(Process process, CancellationToken cancel)
    {
        process.StandardInput.Close();
        await process.WaitForExitAsync(cancel);
        Assert.Equal(0, process.ExitCode);
        Assert.Equal("", await process.StandardOutput.ReadToEndAsync(cancel));
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

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
