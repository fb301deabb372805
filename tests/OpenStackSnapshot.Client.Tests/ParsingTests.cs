using OpenStackSnapshot.Client.Models;
using Xunit;
using OpenStackSnapshot.Client.Snapshots;

namespace OpenStackSnapshot.Client.Tests;

public class ParsingTests
{
    private static async Task<Snapshot> Show(string body)
    {
        var fake = new FakeTransport().ThenToken().ThenJson(200, body);
        using var session = await TestCloud.ConnectAsync(fake);
        return await session.Snapshots.GetAsync("snap-1", TestCloud.Call());
    }

    private static async Task<IReadOnlyList<Snapshot>> List(string body)
    {
        var fake = new FakeTransport().ThenToken().ThenJson(200, body);
        using var session = await TestCloud.ConnectAsync(fake);
        return await session.ComputeSnapshots().ListPageAsync(1000, 0, TestCloud.Call());
    }

    [Fact]
    public async Task SpecCreateResponseSample_ReadsEveryField()
    {
        var s = await Show("""
            {"snapshot": {"createdAt": "2025-06-12T14:56:30.215430", "displayDescription": "Daily backup", "displayName": "snap-001",
                          "id": "fe06e9f2-e6b0-47d1-a63e-c0a15ad51994", "size": 100, "status": "available",
                          "volumeId": "521752a6-acf6-4b2d-bc7a-119f9148cd8c"}}
            """);

        Assert.Equal("fe06e9f2-e6b0-47d1-a63e-c0a15ad51994", s.Id);
        Assert.Equal("521752a6-acf6-4b2d-bc7a-119f9148cd8c", s.VolumeId);
        Assert.Equal("snap-001", s.Name);
        Assert.Equal("Daily backup", s.Description);
        Assert.Equal("available", s.Status);
        Assert.Equal(100, s.Size);
        Assert.Equal(new DateTime(2025, 6, 12, 14, 56, 30, 215, DateTimeKind.Utc).AddTicks(4300), s.CreatedAt);
    }

    [Fact]
    public async Task OlderShowSample_StringIdAndNumericVolumeId()
    {
        var s = await Show("""
            {"snapshot": {"createdAt": "2013-02-25T16:27:54.724209", "displayDescription": "Default description",
                          "displayName": "Default name", "id": "100", "size": 100, "status": "available", "volumeId": 12}}
            """);

        Assert.Equal("100", s.Id);
        Assert.Equal("12", s.VolumeId);
        Assert.Equal("Default name", s.Name);
        Assert.Equal(new DateTime(2013, 2, 25, 16, 27, 54, 724, DateTimeKind.Utc).AddTicks(2090), s.CreatedAt);
    }

    [Fact]
    public async Task NumericId_IsReadAsText()
    {
        var s = await Show(
            """{"snapshot": {"id": 100, "volumeId": 12, "status": "creating", "size": 1, "createdAt": null, "displayName": null,"""
            + """ "displayDescription": null}}""");
        Assert.Equal("100", s.Id);
        Assert.Equal("12", s.VolumeId);
    }

    [Theory]
    [InlineData("2025-06-12T14:56:30.215430")]
    [InlineData("2025-06-12T14:56:30.215430Z")]
    [InlineData("2025-06-12T16:56:30.215430+02:00")]
    [InlineData("2025-06-12T09:56:30.215430-05:00")]
    [InlineData("2025-06-12T14:56:30.215430+00:00")]
    public async Task CreatedAt_AnyZoneForm_IsTheSameUtcInstant(string createdAt)
    {
        var s = await Show($$$"""{"snapshot": {"id": "a", "volumeId": "v", "status": "available", "size": 1, "createdAt": "{{{createdAt}}}"}}""");

        Assert.NotNull(s.CreatedAt);
        Assert.Equal(DateTimeKind.Utc, s.CreatedAt!.Value.Kind);
        Assert.Equal(new DateTime(2025, 6, 12, 14, 56, 30, 215, DateTimeKind.Utc).AddTicks(4300), s.CreatedAt.Value);
    }

    [Fact]
    public async Task CreatedAt_WithoutFraction_IsParsed()
    {
        var s = await Show("""{"snapshot": {"id": "a", "volumeId": "v", "status": "available", "size": 1, "createdAt": "2025-06-12T14:56:30"}}""");
        Assert.Equal(new DateTime(2025, 6, 12, 14, 56, 30, DateTimeKind.Utc), s.CreatedAt);
    }

    [Fact]
    public async Task NullDisplayFieldsAndMissingDate_AreNull()
    {
        var s = await Show(
            """{"snapshot": {"id": "a", "volumeId": "v", "status": "creating", "size": 5, "displayName": null, "displayDescription": null}}""");

        Assert.Null(s.Name);
        Assert.Null(s.Description);
        Assert.Null(s.CreatedAt);
        Assert.Equal(5, s.Size);
    }

    [Fact]
    public async Task UnknownExtraKeys_AreIgnored()
    {
        var s = await Show("""
            {"snapshot": {"id": "a", "volumeId": "v", "status": "available", "size": 2, "createdAt": "2025-06-12T14:56:30Z",
                          "displayName": "n", "displayDescription": "d",
                          "os-extended-snapshot-attributes:progress": "100%", "metadata": {"k": "v"}, "links": [{"rel": "self"}]},
             "extra_top_level": true}
            """);

        Assert.Equal("a", s.Id);
        Assert.Equal("n", s.Name);
        Assert.Equal(2, s.Size);
    }

    [Fact]
    public async Task DetailList_ReadsEveryItemInOrder()
    {
        var list = await List("""
            {"snapshots": [
              {"id": "s1", "volumeId": "v1", "status": "available", "size": 1, "createdAt": "2025-06-12T14:56:30.215430",
               "displayName": "one", "displayDescription": null},
              {"id": 2, "volumeId": 12, "status": "error", "size": 20, "createdAt": "2025-06-13T00:00:00Z",
               "displayName": null, "displayDescription": "two"}
            ]}
            """);

        Assert.Equal(new[] { "s1", "2" }, list.Select(s => s.Id));
        Assert.Equal(new[] { "v1", "12" }, list.Select(s => s.VolumeId));
        Assert.Equal(new[] { "available", "error" }, list.Select(s => s.Status));
        Assert.Equal(new[] { 1, 20 }, list.Select(s => s.Size));
        Assert.Equal(new DateTime(2025, 6, 13, 0, 0, 0, DateTimeKind.Utc), list[1].CreatedAt);
        Assert.True(SnapshotStatus.IsFailure(list[1].Status));
    }

    [Fact]
    public async Task EmptyList_IsEmpty()
    {
        Assert.Empty(await List("""{"snapshots": []}"""));
    }
}
