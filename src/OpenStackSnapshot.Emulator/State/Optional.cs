namespace OpenStackSnapshot.Emulator.State;

/// <summary>A value that may be absent (not given) as distinct from given as null.</summary>
internal readonly record struct Optional<T>(bool IsSet, T Value)
{
    public static Optional<T> Absent => default;

    public static Optional<T> Of(T value) => new(true, value);
}
