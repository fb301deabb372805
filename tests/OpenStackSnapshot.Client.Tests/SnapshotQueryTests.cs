using OpenStackSnapshot.Client.Models;
using OpenStackSnapshot.Client.Snapshots;
using Xunit;

namespace OpenStackSnapshot.Client.Tests;

/// <summary>The check every listed snapshot passes here, whatever the server filtered.</summary>
public class SnapshotQueryTests
{
    private static Snapshot Named(string? name) => new("s", TestCloud.VolumeId, name, null, SnapshotStatus.Available, 1, null);

    [Theory]
    [InlineData("nightly", true)]
    [InlineData("NIGHTLY", true)]
    [InlineData("nightly-2", false)]
    [InlineData(null, false)]
    public void AnExactNameIgnoresCase_AsSeveralNamesAndWildcardsDo(string? snapshotName, bool matches) =>
        Assert.Equal(matches, new SnapshotQuery { Name = "Nightly" }.Matches(Named(snapshotName)));
}
