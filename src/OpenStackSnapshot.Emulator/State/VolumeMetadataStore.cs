namespace OpenStackSnapshot.Emulator.State;

/// <summary>
/// The user metadata of volumes, by volume id (the seeded volumes start with none): what Cinder keeps in its
/// volume_metadata table, shown by both APIs' volume views and matched by Cinder's metadata filter. A change is made
/// under the lock from the current pairs, so concurrent merges lose none. A reset drops it all.
/// </summary>
internal sealed class VolumeMetadataStore
{
    private static readonly IReadOnlyDictionary<string, string> None = new Dictionary<string, string>();

    private readonly object _gate = new();
    private readonly Dictionary<string, IReadOnlyDictionary<string, string>> _byVolume = new(StringComparer.Ordinal);

    /// <summary>The volume's pairs (a copy that later changes leave alone), in the order they were first set.</summary>
    public IReadOnlyDictionary<string, string> Of(string volumeId)
    {
        lock (_gate) return _byVolume.TryGetValue(volumeId, out var pairs) ? pairs : None;
    }

    /// <summary>Replaces the volume's pairs with what <paramref name="change"/> makes of them; answers the result.</summary>
    public IReadOnlyDictionary<string, string> Update(
        string volumeId, Func<IReadOnlyDictionary<string, string>, IReadOnlyDictionary<string, string>> change)
    {
        lock (_gate)
        {
            var next = new Dictionary<string, string>(change(_byVolume.TryGetValue(volumeId, out var pairs) ? pairs : None));
            _byVolume[volumeId] = next;
            return next;
        }
    }

    public void Clear()
    {
        lock (_gate) _byVolume.Clear();
    }
}
