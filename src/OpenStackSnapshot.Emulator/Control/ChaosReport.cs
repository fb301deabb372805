namespace OpenStackSnapshot.Emulator;

/// <summary>
/// What chaos mode did since it was last started: <see cref="Requests"/> it drew for, faults
/// <see cref="Injected"/> per kind, and those of them whose request was <see cref="CarriedOut"/> (the service
/// ran it and succeeded, so a lost answer may still have made a snapshot). <see cref="Spec"/> is null before any start.
/// </summary>
public sealed record ChaosReport(
    bool Active,
    ChaosSpec? Spec,
    int Requests,
    IReadOnlyDictionary<ChaosKind, int> Injected,
    IReadOnlyDictionary<ChaosKind, int> CarriedOut,
    int ProxyPage502AfterProcessing);
