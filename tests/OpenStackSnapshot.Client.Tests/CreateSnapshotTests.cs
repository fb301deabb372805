using OpenStackSnapshot.Client.Errors;
using OpenStackSnapshot.Client.Models;
using Xunit;
using OpenStackSnapshot.Client.Snapshots;

namespace OpenStackSnapshot.Client.Tests;

public class CreateSnapshotTests
{
    private const string SnapshotsUrl = FakeTransport.ComputeUrl + "/os-snapshots";

    private static async Task<(FakeTransport Fake, Snapshot Result)> Create(NewSnapshot request)
    {
        var fake = new FakeTransport().ThenToken("token-create").ThenJson(200, FakeTransport.SnapshotBody(status: "creating"));
        using var session = await TestCloud.ConnectAsync(fake);
        var result = await session.Snapshots.CreateAsync(request, TestCloud.Call());
        return (fake, result);
    }

    [Fact]
    public async Task Create_PostsExactBodyWithEveryField()
    {
        var (fake, result) = await Create(new NewSnapshot(TestCloud.VolumeId, "snap-001", "Daily backup", force: true));
        var sent = Assert.Single(fake.Nova);

        Assert.Equal("POST", sent.Method);
        Assert.Equal(SnapshotsUrl, sent.Url);
        Assert.StartsWith("application/json", sent.Header("Content-Type"));
        Assert.Equal("token-create", sent.Header("X-Auth-Token"));
        JsonAssert.Equal($$$"""
            {"snapshot": {"volume_id": "{{{TestCloud.VolumeId}}}", "display_name": "snap-001", "display_description": "Daily backup", "force": true}}
            """, sent.Body);
        Assert.Equal("fe06e9f2-e6b0-47d1-a63e-c0a15ad51994", result.Id);
        Assert.Equal("creating", result.Status);
    }

    [Fact]
    public async Task Create_OmitsUnsetNameAndDescription_NeverNull()
    {
        var (fake, _) = await Create(new NewSnapshot(TestCloud.VolumeId));
        var sent = Assert.Single(fake.Nova);

        JsonAssert.Equal($$$"""{"snapshot": {"volume_id": "{{{TestCloud.VolumeId}}}", "force": false}}""", sent.Body);
        Assert.DoesNotContain("null", sent.Body);
    }

    [Fact]
    public async Task Create_KeepsNonAsciiAndQuotesIntact()
    {
        var (fake, _) = await Create(new NewSnapshot(TestCloud.VolumeId, "Sauvegarde \"été\" ✓", "a\\b"));
        JsonAssert.Equal($$$"""
            {"snapshot": {"volume_id": "{{{TestCloud.VolumeId}}}", "display_name": "Sauvegarde \"été\" ✓",
                          "display_description": "a\\b", "force": false}}
            """, Assert.Single(fake.Nova).Body);
    }

    [Fact]
    public async Task EveryNovaRequest_PinsMicroversion21()
    {
        var fake = new FakeTransport().ThenToken()
            .ThenJson(200, FakeTransport.SnapshotBody())
            .ThenJson(200, FakeTransport.SnapshotBody())
            .ThenJson(200, """{"snapshots": []}""")
            .ThenBody(202, "", "text/plain");
        using var session = await TestCloud.ConnectAsync(fake);
        await session.Snapshots.CreateAsync(new NewSnapshot(TestCloud.VolumeId), TestCloud.Call());
        await session.Snapshots.GetAsync("snap-1", TestCloud.Call());
        await session.ComputeSnapshots().ListPageAsync(50, 100, TestCloud.Call());
        await session.Snapshots.DeleteAsync("snap-1", TestCloud.Call());

        Assert.Equal(
            new[]
            {
                "POST " + SnapshotsUrl,
                "GET " + SnapshotsUrl + "/snap-1",
                "GET " + SnapshotsUrl + "/detail?limit=50&offset=100",
                "DELETE " + SnapshotsUrl + "/snap-1",
            },
            fake.Nova.Select(r => r.Method + " " + r.Url));
        Assert.All(fake.Nova, r =>
        {
            Assert.Equal("2.1", r.Header("X-OpenStack-Nova-API-Version"));
            Assert.Equal("compute 2.1", r.Header("OpenStack-API-Version"));
        });
        Assert.Null(fake.Keystone[0].Header("X-OpenStack-Nova-API-Version"));
    }

    public static TheoryData<string, string?, string?> BadInput => new()
    {
        { "", null, null },
        { "   ", null, null },
        { "not-a-uuid", null, null },
        { "521752a6-acf6-4b2d-bc7a-119f9148cd8", null, null },
        { "521752a6-acf6-4b2d-bc7a-119f9148cd8c-extra", null, null },
        { TestCloud.VolumeId, new string('n', 256), null },
        { TestCloud.VolumeId, null, new string('d', 256) },
        { TestCloud.VolumeId, string.Concat(Enumerable.Repeat("😀", 256)), null },
        { TestCloud.VolumeId, "line1\nline2", null },
        { TestCloud.VolumeId, "tab\there", null },
        { TestCloud.VolumeId, null, "bell\u0007" },
        { TestCloud.VolumeId, null, "nul\0" },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task Create_InvalidInput_IsRefusedBeforeSending(string volumeId, string? name, string? description)
    {
        var fake = new FakeTransport().ThenToken();
        using var session = await TestCloud.ConnectAsync(fake);
        var e = await Assert.ThrowsAsync<OpenStackException>(() =>
            session.Snapshots.CreateAsync(new NewSnapshot(volumeId, name, description), TestCloud.Call()));

        Assert.Equal(OpenStackErrorKind.InvalidArgument, e.Kind);
        Assert.Null(e.StatusCode);
        Assert.Empty(fake.Nova);
    }

    [Fact]
    public async Task Create_NameAndDescriptionOf255Characters_AreSent()
    {
        var (fake, _) = await Create(new NewSnapshot(TestCloud.VolumeId, new string('n', 255), new string('d', 255)));
        Assert.Contains(new string('d', 255), Assert.Single(fake.Nova).Body);
    }

    [Fact]
    public async Task Create_NameOf255CharactersOutsideTheBasicPlane_IsSent_AsNovaAndCinderCountThem()
    {
        var name = string.Concat(Enumerable.Repeat("😀", 255)); // 510 UTF-16 units, 255 characters to Python
        var (fake, _) = await Create(new NewSnapshot(TestCloud.VolumeId, name));
        Assert.Single(fake.Nova);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public async Task GetAndDelete_EmptyId_AreRefusedBeforeSending(string id)
    {
        var fake = new FakeTransport().ThenToken();
        using var session = await TestCloud.ConnectAsync(fake);

        var get = await Assert.ThrowsAsync<OpenStackException>(() => session.Snapshots.GetAsync(id, TestCloud.Call()));
        Assert.Equal(OpenStackErrorKind.InvalidArgument, get.Kind);
        var delete = await Assert.ThrowsAsync<OpenStackException>(() => session.Snapshots.DeleteAsync(id, TestCloud.Call()));
        Assert.Equal(OpenStackErrorKind.InvalidArgument, delete.Kind);
        Assert.Empty(fake.Nova);
    }
}
