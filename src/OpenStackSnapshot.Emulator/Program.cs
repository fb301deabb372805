using System.Runtime.InteropServices;
using OpenStackSnapshot.Emulator;

// The emulator as a process: start, announce the address on stdout (the only stdout line), run until told to stop.
CommandLine commandLine;
try
{
    commandLine = CommandLine.Parse(args);
}
catch (FormatException e)
{
    Console.Error.WriteLine($"error: {e.Message}\n{CommandLine.Usage}");
    return 2;
}

if (commandLine.ShowHelp)
{
    Console.Error.WriteLine(CommandLine.Usage);
    return 0;
}

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};
using var sigterm = TryRegisterSigterm(stop);

EmulatorHost host;
try
{
    host = await EmulatorHost.StartAsync(commandLine.Options);
}
catch (IOException e)
{
    Console.Error.WriteLine($"error: cannot listen on 127.0.0.1:{commandLine.Options.Port}: {e.Message}");
    return 1;
}

await using (host)
{
    Console.Out.Write($"Listening on {host.BaseUri}\n");
    Console.Out.Flush();

    if (commandLine.ExitOnStdinClose)
    {
        // A parent that dies closes our stdin: read until EOF, then stop.
        _ = Task.Run(async () =>
        {
            using var stdin = Console.OpenStandardInput();
            var buffer = new byte[256];
            while (await stdin.ReadAsync(buffer) > 0)
            {
            }

            stop.Cancel();
        });
    }

    try
    {
        await Task.Delay(Timeout.Infinite, stop.Token);
    }
    catch (OperationCanceledException)
    {
    }
}

return 0;

// SIGTERM (a service manager or a parent stopping us) means a clean stop, where the platform has it.
static PosixSignalRegistration? TryRegisterSigterm(CancellationTokenSource stop)
{
    try
    {
        return PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            stop.Cancel();
        });
    }
    catch (PlatformNotSupportedException)
    {
        return null;
    }
}
