using OpenStackSnapshot.Emulator.State;
using Xunit;

namespace OpenStackSnapshot.Emulator.Tests.BlockStorage;

/// <summary>
/// The store changes metadata from the current metadata under its lock: concurrent merges keep every pair, and a key
/// removal checks and removes in one step.
/// </summary>
public sealed class SnapshotStoreMetadataTests
{
    [Fact]
    public async Task A_second_update_waits_for_the_first_and_merges_into_its_result()
    {
        var store = new SnapshotStore(new ManualClock());
        var id = store.Create(Seed.Projects[0], 10, VolumeView.FromSeed(Seed.Volumes[0]), "s", null, 0).Snapshot!.Id;
        Task<SnapshotView?>? second = null;

        store.Update(id, default, default, current =>
        {
            second = Task.Run(() => store.Update(id, default, default, later => With(later, "b")));
            Assert.False(second.Wait(200)); // it cannot read the metadata while this update holds the lock
            return With(current, "a");
        });
        var final = await second!;

        Assert.Equal(new[] { "a", "b" }, final!.Metadata.Keys.Order());
    }

    [Fact]
    public async Task A_key_removal_decides_on_the_metadata_it_finds_under_the_lock()
    {
        var store = new SnapshotStore(new ManualClock());
        var id = store.Create(Seed.Projects[0], 10, VolumeView.FromSeed(Seed.Volumes[0]), "s", null, 0,
            new Dictionary<string, string> { ["k"] = "1" }).Snapshot!.Id;
        Task<KeyRemoval>? removal = null;

        store.Update(id, default, default, current =>
        {
            removal = Task.Run(() => store.RemoveMetadataKey(id, "k", permitted: true));
            Assert.False(removal.Wait(200)); // it cannot look for the key while another change holds the lock
            return current.Where(p => p.Key != "k").ToDictionary(); // that change was a delete of the same key
        });

        Assert.Equal(KeyRemoval.NoSuchKey, await removal!);
        Assert.Equal(KeyRemoval.NoSuchSnapshot, store.RemoveMetadataKey("no-such-id", "k", permitted: true));
    }

    [Fact]
    public void A_refused_removal_keeps_the_key()
    {
        var store = new SnapshotStore(new ManualClock());
        var id = store.Create(Seed.Projects[0], 10, VolumeView.FromSeed(Seed.Volumes[0]), "s", null, 0,
            new Dictionary<string, string> { ["k"] = "1" }).Snapshot!.Id;

        Assert.Equal(KeyRemoval.Refused, store.RemoveMetadataKey(id, "k", permitted: false));
        Assert.Equal(KeyRemoval.Removed, store.RemoveMetadataKey(id, "k", permitted: true));
        Assert.Empty(store.GetAny(id)!.Metadata);
    }

    private static Dictionary<string, string> With(IReadOnlyDictionary<string, string> current, string key) =>
        new(current) { [key] = "1" };
}
