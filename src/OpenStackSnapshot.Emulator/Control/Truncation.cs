namespace OpenStackSnapshot.Emulator;

/// <summary>How a fault cuts the real answer's body in half (<see cref="FaultSpec.Truncate"/>).</summary>
public enum Truncation
{
    None,

    /// <summary>A well-formed answer whose Content-Length matches the cut body: the JSON ends mid-way.</summary>
    Body,

    /// <summary>The full Content-Length is announced, half the body written, then the connection is aborted.</summary>
    Connection,
}
