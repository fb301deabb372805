using OpenStackSnapshot.Client.Errors;
using OpenStackSnapshot.Client.Volumes;
using Xunit;

namespace OpenStackSnapshot.Client.Tests;

/// <summary>
/// Volumes through Nova's os-volumes proxy (issue 23): it reports block storage's metadata, so -Metadata is filtered here;
/// it lists only the token's project and changes nothing, so every project and a metadata change are refused unsent.
/// </summary>
public class ComputeVolumeProxyTests
{
    private static string Volume(string id, string metadata) =>
        $$$"""{"id": "{{{id}}}", "status": "available", "size": 10, "availabilityZone": "nova", "createdAt": "2025-06-12T14:00:00.000000","""
        + $$$""" "attachments": [{}], "displayName": "data", "displayDescription": null, "volumeType": "lvm", "snapshotId": null,"""
        + $$$""" "metadata": {{{metadata}}}}""";

    [Fact]
    public async Task List_ByMetadata_ReadsEveryVolume_AndKeepsThoseWithEveryPair()
    {
        var fake = new FakeTransport().ThenToken();
        using var session = await TestCloud.ConnectAsync(fake);
        const string other = "11111111-2222-3333-4444-555555555555";
        fake.ThenJson(200, $$"""{"volumes": [{{Volume(other, """{"backup": "weekly"}""")}},"""
            + $$""" {{Volume(TestCloud.VolumeId, """{"backup": "nightly", "owner": "dba"}""")}}]}""")
            // Nova's page may be shorter than asked, so the walk reads on (one item early, to see a shift): a shorter page ends it.
            .ThenJson(200, $$"""{"volumes": [{{Volume(TestCloud.VolumeId, """{"backup": "nightly", "owner": "dba"}""")}}]}""");

        var listed = await TestCloud.ReadAll(session.Volumes.List(new VolumeQuery
        {
            Metadata = new Dictionary<string, string> { ["backup"] = "nightly" },
        }));

        Assert.Equal(new[] { TestCloud.VolumeId }, listed.Select(v => v.Id));
        Assert.Equal("dba", listed[0].Metadata["owner"]);
        Assert.All(fake.Nova, r => Assert.StartsWith($"{FakeTransport.ComputeUrl}/os-volumes/detail?", r.Url));
        Assert.All(fake.Nova, r => Assert.DoesNotContain("metadata", r.Url));
    }

    [Fact]
    public async Task WhatOnlyBlockStorageCanDo_IsRefusedBeforeSending_NamingIt()
    {
        var fake = new FakeTransport().ThenToken();
        using var session = await TestCloud.ConnectAsync(fake);

        var all = Assert.Throws<OpenStackException>(() => session.Volumes.List(new VolumeQuery { AllProjects = true }));
        var change = await Assert.ThrowsAsync<OpenStackException>(() => session.Volumes.UpdateAsync(TestCloud.VolumeId,
            new VolumeChange { RemoveMetadataKeys = new[] { "backup" } }, TestCloud.Call()));

        foreach (var e in new[] { all, change })
        {
            Assert.Equal(OpenStackErrorKind.InvalidArgument, e.Kind);
            Assert.Equal(SnapshotApi.BlockStorage, e.BetterApi);
            Assert.Contains("os-volumes proxy cannot", e.Message);
            Assert.Contains("Nothing was sent", e.Message);
        }
        Assert.Contains("every project", all.Message);
        Assert.Contains("change a volume's metadata", change.Message);
        Assert.Empty(fake.Nova);
    }

    [Fact]
    public async Task Features_RefuseWithTheSameErrorTheServiceWouldRaise()
    {
        var fake = new FakeTransport().ThenToken();
        using var session = await TestCloud.ConnectAsync(fake);

        var features = session.Volumes.Features;
        var e = features.Refusal("change a volume's metadata");

        Assert.False(features.ChangeMetadata || features.AllProjects);
        Assert.Equal(OpenStackErrorKind.InvalidArgument, e.Kind);
        Assert.Equal(SnapshotApi.BlockStorage, e.BetterApi);
    }

    [Fact]
    public async Task Update_WithNothingToChange_OnlyChecksTheVolumeExists()
    {
        var fake = new FakeTransport().ThenToken();
        using var session = await TestCloud.ConnectAsync(fake);
        fake.ThenJson(200, $$"""{"volume": {{Volume(TestCloud.VolumeId, "{}")}}}""");

        await session.Volumes.UpdateAsync(TestCloud.VolumeId, new VolumeChange(), TestCloud.Call());

        Assert.Equal($"GET {FakeTransport.ComputeUrl}/os-volumes/{TestCloud.VolumeId}", $"{fake.Nova.Single().Method} {fake.Nova.Single().Url}");
    }
}
