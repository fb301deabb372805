using System.Runtime.InteropServices;
using OpenStackSnapshot.Client.Config;
using OpenStackSnapshot.Client.Errors;
using OpenStackSnapshot.Client.Models;
using OpenStackSnapshot.Client.Paging;
using OpenStackSnapshot.Client.Snapshots;
using OpenStackSnapshot.Client.Tests.BlockStorage;
using Xunit;

namespace OpenStackSnapshot.Client.Tests;

/// <summary>What a Compute session refuses before sending, and when its errors name the block-storage API.</summary>
public class ApiChoiceTests
{
    private const string ListForbidden =
        """{"forbidden": {"code": 403, "message": "Policy doesn't allow os_compute_api:os-volumes:snapshots:list to be performed."}}""";

    private static async Task<(OpenStackException Error, FakeTransport Fake)> FailOnCompute(Func<ISnapshotService, Task> call)
    {
        var fake = new FakeTransport().ThenToken();
        using var session = await TestCloud.ConnectAsync(fake);
        var error = await Assert.ThrowsAsync<OpenStackException>(() => call(session.Snapshots));
        return (error, fake);
    }

    public static TheoryData<string> BlockStorageOnly => new() { "create with metadata", "list by metadata", "list all projects", "update" };

    [Theory]
    [MemberData(nameof(BlockStorageOnly))]
    public async Task WhatOnlyBlockStorageCanDo_IsRefusedBeforeSending_NamingIt(string what)
    {
        var metadata = new Dictionary<string, string> { ["k"] = "v" };
        var (e, fake) = await FailOnCompute(what switch
        {
            "create with metadata" => s => s.CreateAsync(new NewSnapshot(TestCloud.VolumeId, metadata: metadata), TestCloud.Call()),
            "list by metadata" => s => s.List(new SnapshotQuery { Metadata = metadata }).NextAsync(TestCloud.Call()),
            "list all projects" => s => s.List(new SnapshotQuery { AllProjects = true }).NextAsync(TestCloud.Call()),
            _ => s => s.UpdateAsync("snap-1", new SnapshotChange { Name = "x" }, TestCloud.Call()),
        });

        Assert.Equal(OpenStackErrorKind.InvalidArgument, e.Kind);
        Assert.Equal(SnapshotApi.BlockStorage, e.BetterApi);
        Assert.Contains("block-storage API", e.Message);
        Assert.Empty(fake.Nova);
    }

    [Fact]
    public async Task ComputeFeatures_RefuseWithTheSameErrorTheClientWouldRaise()
    {
        var fake = new FakeTransport().ThenToken();
        using var session = await TestCloud.ConnectAsync(fake);

        var features = session.Snapshots.Features;
        var e = features.Refusal("filter snapshots by metadata");

        Assert.False(features.Metadata || features.AllProjects || features.Update);
        Assert.Equal(OpenStackErrorKind.InvalidArgument, e.Kind);
        Assert.Equal(SnapshotApi.BlockStorage, e.BetterApi);
        Assert.Contains("cannot filter snapshots by metadata", e.Message);
    }

    [Fact]
    public async Task ComputeUpdate_WithNothingToChange_OnlyChecksTheSnapshotExists()
    {
        var fake = new FakeTransport().ThenToken();
        using var session = await TestCloud.ConnectAsync(fake);
        fake.ThenJson(200, """{"snapshot": {"id": "snap-1", "volumeId": "v", "status": "available", "displayName": "kept"}}""");

        await session.Snapshots.UpdateAsync("snap-1", new SnapshotChange(), TestCloud.Call());

        Assert.Equal("GET", Assert.Single(fake.Nova).Method);
    }

    [Fact]
    public async Task ComputeListing_AppliesTheQueryHere()
    {
        var fake = new FakeTransport().ThenToken();
        using var session = await TestCloud.ConnectAsync(fake);
        fake.ThenJson(200,
                """{"snapshots": [{"id": "a", "volumeId": "v", "status": "available", "displayName": "keep"},"""
                + """ {"id": "b", "volumeId": "v", "status": "error", "displayName": "keep"}]}""")
            .ThenJson(200, """{"snapshots": []}""");

        var page = await session.Snapshots.List(new SnapshotQuery { Name = "keep", Status = "available" }).NextAsync(TestCloud.Call());

        Assert.Equal(new[] { "a" }, page!.Select(s => s.Id));
        Assert.Empty(page![0].Metadata);
        Assert.DoesNotContain("status", fake.Nova[0].Url); // Nova has no such filter: nothing is sent for it
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ProxyNotServed404_NamesBlockStorage_OnlyWhenTheCatalogHasIt(bool offered)
    {
        var fake = new FakeTransport().ThenToken(catalog: offered ? BlockStorageCloud.Catalog() : null);
        using var session = await TestCloud.ConnectAsync(fake);
        fake.ThenJson(404, """{"itemNotFound": {"code": 404, "message": "The resource could not be found."}}""")
            .ThenJson(200, """{"version": {"id": "v2.1", "status": "CURRENT", "version": "2.95", "min_version": "2.1"}}""");

        var e = await Assert.ThrowsAsync<OpenStackException>(() => session.Snapshots.GetAsync("snap-1", TestCloud.Call()));

        Assert.Equal(OpenStackErrorKind.ApiNotAvailable, e.Kind);
        Assert.Equal(offered ? SnapshotApi.BlockStorage : null, e.BetterApi);
    }

    [Fact]
    public async Task ProxyPolicy403_NamesBlockStorage_WhenTheCatalogHasIt()
    {
        var fake = new FakeTransport().ThenToken(catalog: BlockStorageCloud.Catalog());
        using var session = await TestCloud.ConnectAsync(fake);
        fake.ThenJson(403, ListForbidden);

        var e = await Assert.ThrowsAsync<OpenStackException>(() => session.Snapshots.List().NextAsync(TestCloud.Call()));

        Assert.Equal(OpenStackErrorKind.Forbidden, e.Kind);
        Assert.Equal(SnapshotApi.BlockStorage, e.BetterApi);
    }

    [Theory]
    [InlineData("You are not authorized to perform the requested action.")]
    [InlineData("Policy doesn't allow os_compute_api:servers:index to be performed.")]
    public async Task Other403s_NameNoOtherApi_ThoughTheCatalogHasIt(string message)
    {
        var fake = new FakeTransport().ThenToken(catalog: BlockStorageCloud.Catalog());
        using var session = await TestCloud.ConnectAsync(fake);
        fake.ThenJson(403, $$$"""{"forbidden": {"code": 403, "message": "{{{message}}}"}}""");

        var e = await Assert.ThrowsAsync<OpenStackException>(() => session.Snapshots.List().NextAsync(TestCloud.Call()));

        Assert.Equal(OpenStackErrorKind.Forbidden, e.Kind);
        Assert.Null(e.BetterApi);
    }

    [Fact]
    public async Task ProxyPolicy403_NamesNoOtherApi_WhenTheCatalogLacksBlockStorage()
    {
        var fake = new FakeTransport().ThenToken();
        using var session = await TestCloud.ConnectAsync(fake);
        fake.ThenJson(403, ListForbidden);

        var e = await Assert.ThrowsAsync<OpenStackException>(() => session.Snapshots.List().NextAsync(TestCloud.Call()));

        Assert.Null(e.BetterApi);
    }

    [Theory]
    [InlineData(null, null, SnapshotApi.Compute, null)]
    [InlineData("block-storage", null, SnapshotApi.BlockStorage, "clouds.yaml")]
    [InlineData("compute", "block_storage", SnapshotApi.BlockStorage, "OS_SNAPSHOT_API")]
    [InlineData(null, "BlockStorage", SnapshotApi.BlockStorage, "OS_SNAPSHOT_API")]
    public void SnapshotApi_ComesFromTheFileOrTheVariable_TheVariableWinning(string? file, string? variable, SnapshotApi expected, string? source)
    {
        var root = Path.Combine(Path.GetTempPath(), "oss-api-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            Directory.CreateDirectory(root);
            File.WriteAllText(Path.Combine(root, "clouds.yaml"),
                "clouds:\n  a:\n    auth: {auth_url: 'https://k.test/v3', username: u, password: pw, project_name: p}\n"
                + (file != null ? $"    snapshot_api: {file}\n" : ""));
            var variables = variable != null
                ? new Dictionary<string, string> { ["OS_SNAPSHOT_API"] = variable }
                : new Dictionary<string, string>();
            var config = CloudConfigResolver.Resolve(
                new CloudConfigRequest { Cloud = "a" }, new ConfigEnvironment(variables, root, Path.Combine(root, "home"), OSPlatform.Linux));

            Assert.Equal(expected, config.ToConnectionOptions().Api);
            Assert.Equal(expected.ToString(), config.Api);
            if (source != null) Assert.Contains(source, config.Source[nameof(CloudConfig.Api)]);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void ApiParameter_WinsOverTheVariable_AndABadValueNamesWhereItWasSet()
    {
        var root = Path.Combine(Path.GetTempPath(), "oss-api-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            Directory.CreateDirectory(root);
            File.WriteAllText(Path.Combine(root, "clouds.yaml"),
                "clouds:\n  a:\n    auth: {auth_url: 'https://k.test/v3', username: u, password: pw, project_name: p}\n    snapshot_api: cinder\n");
            var environment = new ConfigEnvironment(new Dictionary<string, string>(), root, Path.Combine(root, "home"), OSPlatform.Linux);

            var bad = Assert.Throws<OpenStackException>(
                () => CloudConfigResolver.Resolve(new CloudConfigRequest { Cloud = "a" }, environment).ToConnectionOptions());
            Assert.Equal(OpenStackErrorKind.InvalidConfiguration, bad.Kind);
            Assert.Contains("'cinder' is not compute or block-storage", bad.Message);

            var request = new CloudConfigRequest { Cloud = "a" }.Set(SettingKeys.SnapshotApi.Name, "Compute", "Api");
            Assert.Equal(SnapshotApi.Compute, CloudConfigResolver.Resolve(request, environment).ToConnectionOptions().Api);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
