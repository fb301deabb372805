namespace OpenStackSnapshot.Emulator.Control;

/// <summary>Closes and reopens the emulator's port, so a "refuse" outage refuses TCP connections for real.</summary>
internal interface IConnectionSwitch
{
    /// <summary>Stops listening and closes open connections (idle keep-alive ones at once, busy ones after a short grace).</summary>
    Task StopListeningAsync();

    /// <summary>Listens again on the same port, over the same state; does nothing once the emulator is disposed.</summary>
    Task ListenAgainAsync();
}
