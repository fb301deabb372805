using OpenStackSnapshot.Emulator.State;
using Xunit;

namespace OpenStackSnapshot.Emulator.Tests.BlockStorage;

/// <summary>The store makes new metadata from the current metadata under its lock, so concurrent merges keep every pair.</summary>
public sealed class SnapshotStoreMetadataTests
{
    [Fact]
    public async Task A_second_update_waits_for_the_first_and_merges_into_its_result()
    {
        var store = new SnapshotStore(new ManualClock());
        var id = store.Create(Seed.Projects[0], 10, Seed.Volumes[0], "s", null, 0).Snapshot!.Id;
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

    private static Dictionary<string, string> With(IReadOnlyDictionary<string, string> current, string key) =>
        new(current) { [key] = "1" };
}
