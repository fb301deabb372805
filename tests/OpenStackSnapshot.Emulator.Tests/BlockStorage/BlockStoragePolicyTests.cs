using System.Net;
using Xunit;

namespace OpenStackSnapshot.Emulator.Tests.BlockStorage;

/// <summary>
/// Cinder as it ships through 2026.1 (enforce_new_defaults off): the deprecated admin_or_owner rule lets any role of
/// the project write, so a reader creates, renames, tags and deletes, as the real Cinder of tests/real-openstack does.
/// </summary>
public sealed class BlockStorageLegacyPolicyTests : BlockStorageTest
{
    [Fact]
    public async Task A_reader_of_the_project_may_write()
    {
        var reader = await TokenAsync("reader", "reader-secret");

        var id = (await CinderCreateAsync(reader, CinderBody())).GetProperty("id").GetString();
        using var renamed = await SendAsync(HttpMethod.Put, Volume + "snapshots/" + id, reader, "{\"snapshot\": {\"name\": \"x\"}}", Pinned);
        using var tagged = await PostAsync(Volume + "snapshots/" + id + "/metadata", reader, "{\"metadata\": {\"k\": \"v\"}}", Pinned);
        using var untagged = await SendAsync(HttpMethod.Delete, Volume + "snapshots/" + id + "/metadata/k", reader, null, Pinned);
        using var deleted = await SendAsync(HttpMethod.Delete, Volume + "snapshots/" + id, reader, null, Pinned);

        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, tagged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, untagged.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, deleted.StatusCode);
    }

    [Fact]
    public async Task The_nova_proxy_still_refuses_the_reader()
    {
        var reader = await TokenAsync("reader", "reader-secret");

        using var response = await PostAsync(Compute + "os-snapshots", reader, CreateBody());

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}

/// <summary>Cinder with enforce_new_defaults on (--cinder-new-policy-defaults): readers read, members write.</summary>
public sealed class BlockStorageNewPolicyTests : BlockStorageTest
{
    protected override EmulatorOptions Options() => new() { CinderNewPolicyDefaults = true };

    [Theory]
    [InlineData("POST", "snapshots", "{\"snapshot\": {\"volume_id\": \"" + Seed.VolumeData01 + "\"}}", "volume:create_snapshot")]
    [InlineData("PUT", "snapshots/{id}", "{\"snapshot\": {\"name\": \"x\"}}", "volume:update_snapshot")]
    [InlineData("DELETE", "snapshots/{id}", null, "volume:delete_snapshot")]
    [InlineData("POST", "snapshots/{id}/metadata", "{\"metadata\": {\"k\": \"v\"}}", "volume:update_snapshot_metadata")]
    [InlineData("PUT", "snapshots/{id}/metadata", "{\"metadata\": {\"k\": \"v\"}}", "volume:update_snapshot_metadata")]
    [InlineData("PUT", "snapshots/{id}/metadata/k", "{\"meta\": {\"k\": \"v\"}}", "volume:update_snapshot_metadata")]
    [InlineData("DELETE", "snapshots/{id}/metadata/k", null, "volume:delete_snapshot_metadata")]
    public async Task A_reader_may_not_write(string method, string path, string? body, string rule)
    {
        var member = await TokenAsync();
        var id = (await CinderCreateAsync(member, CinderBody(extra: "\"metadata\": {\"k\": \"v\"}"))).GetProperty("id").GetString()!;
        var reader = await TokenAsync("reader", "reader-secret");

        using var response = await SendAsync(
            new HttpMethod(method), Volume + path.Replace("{id}", id, StringComparison.Ordinal), reader, body, Pinned);

        await AssertFaultAsync(response, 403, "forbidden", $"Policy doesn't allow {rule} to be performed.");
    }

    [Fact]
    public async Task A_missing_metadata_key_is_404_before_the_delete_policy_is_asked()
    {
        var member = await TokenAsync();
        var id = (await CinderCreateAsync(member, CinderBody())).GetProperty("id").GetString();
        var reader = await TokenAsync("reader", "reader-secret");

        using var response = await SendAsync(HttpMethod.Delete, Volume + "snapshots/" + id + "/metadata/k", reader, null, Pinned);

        await AssertFaultAsync(response, 404, "itemNotFound", $"Snapshot {id} has no metadata with key k.");
    }

    [Fact]
    public async Task A_reader_may_read()
    {
        var member = await TokenAsync();
        var id = (await CinderCreateAsync(member, CinderBody(extra: "\"metadata\": {\"k\": \"v\"}"))).GetProperty("id").GetString();
        var reader = await TokenAsync("reader", "reader-secret");

        var paths = new[]
        {
            "snapshots", "snapshots/detail", "snapshots/" + id, "snapshots/" + id + "/metadata", "snapshots/" + id + "/metadata/k",
            "volumes", "volumes/detail", "volumes/" + Seed.VolumeData01,
        };
        foreach (var path in paths)
        {
            using var response = await GetAsync(Volume + path, reader, Pinned);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }
}

/// <summary>The command line's switch for Cinder's policy defaults.</summary>
public sealed class BlockStoragePolicyCommandLineTests
{
    [Theory]
    [InlineData(new string[0], false)]
    [InlineData(new[] { "--cinder-new-policy-defaults" }, true)]
    [InlineData(new[] { "--cinder-new-policy-defaults", "false", "--port", "0" }, false)]
    [InlineData(new[] { "--cinder-new-policy-defaults=true" }, true)]
    public void The_switch_reads_as_a_flag_or_a_boolean(string[] args, bool expected)
    {
        Assert.Equal(expected, CommandLine.Parse(args).Options.CinderNewPolicyDefaults);
    }
}
