using Xunit;

namespace OpenStackSnapshot.Client.Tests;

/// <summary>The one rule by which Set-OSSnapshot and Set-OSVolume change metadata (issue 23 moved it to one place).</summary>
public class MetadataEditTests
{
    private static readonly Dictionary<string, string> Current = new() { ["a"] = "1", ["b"] = "2", ["Tier"] = "gold" };

    [Fact]
    public void After_RemovesTheKeysFirst_ThenMergesThePairs()
    {
        var edit = new MetadataEdit(new Dictionary<string, string> { ["a"] = "9", ["c"] = "3" }, new[] { "a", "b", "absent" });

        var after = edit.After(Current);

        Assert.Equal(new Dictionary<string, string> { ["a"] = "9", ["c"] = "3", ["Tier"] = "gold" }, after);
        Assert.Equal("1", Current["a"]); // the current set is left as it was
    }

    [Fact]
    public void After_ComparesKeysExactly()
    {
        var after = new MetadataEdit(null, new[] { "tier" }).After(Current);

        Assert.True(MetadataEdit.Same(Current, after));
    }

    [Fact]
    public void Same_NeedsTheSameKeysAndValues()
    {
        Assert.True(MetadataEdit.Same(Current, new Dictionary<string, string>(Current)));
        Assert.False(MetadataEdit.Same(Current, new Dictionary<string, string>(Current) { ["a"] = "x" }));
        Assert.False(MetadataEdit.Same(Current, new Dictionary<string, string>(Current) { ["d"] = "4" }));
    }

    [Fact]
    public void NothingGiven_IsEmpty_AndAnEmptyTableIsNothing()
    {
        Assert.True(new MetadataEdit(null, null).IsEmpty);
        Assert.True(new MetadataEdit(new Dictionary<string, string>(), Array.Empty<string>()).IsEmpty);
        Assert.True(new MetadataEdit(null, new[] { "a" }).Removes);
        Assert.True(new MetadataEdit(new Dictionary<string, string> { ["a"] = "1" }, null).Sets);
    }
}
