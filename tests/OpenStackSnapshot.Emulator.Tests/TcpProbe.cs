using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace OpenStackSnapshot.Emulator.Tests;

/// <summary>Plain TCP connects to 127.0.0.1, to tell a refused port from a listening one.</summary>
public static class TcpProbe
{
    /// <summary>The socket error of a connect, or Success when it connected.</summary>
    public static async Task<SocketError> ConnectAsync(int port)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port);
            return SocketError.Success;
        }
        catch (SocketException e)
        {
            return e.SocketErrorCode;
        }
    }

    /// <summary>Polls until a connect gives <paramref name="expected"/>; false if it never did within the time.</summary>
    public static async Task<bool> WaitForAsync(int port, SocketError expected, TimeSpan within)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < within)
        {
            if (await ConnectAsync(port) == expected) return true;
            await Task.Delay(20);
        }

        return false;
    }
}
