using System.Net;
using Xunit;

namespace OpenStackSnapshot.Emulator.Tests.BlockStorage;

/// <summary>
/// DELETE snapshots/{id}/metadata/{key} as the real Cinder of tests/real-openstack answered it: the key checked and
/// removed in one step (six concurrent deletes there: one 200, five 404), exact key case, updated_at left alone.
/// </summary>
public sealed class BlockStorageMetadataDeleteTests : BlockStorageTest
{
    private Task<(string Token, string Id)> SnapshotAsync() => CinderSnapshotAsync("{\"Env\": \"prod\", \"tier\": \"gold\"}");

    private Task<HttpResponseMessage> DeleteKeyAsync(string token, string id, string key) =>
        SendAsync(HttpMethod.Delete, Volume + "snapshots/" + id + "/metadata/" + key, token, null, Pinned);

    [Fact]
    public async Task Concurrent_deletes_of_one_key_remove_it_once_and_the_rest_are_404()
    {
        var (token, id) = await SnapshotAsync();

        var statuses = await Task.WhenAll(Enumerable.Range(0, 24).Select(async _ =>
        {
            using var response = await DeleteKeyAsync(token, id, "Env");
            return response.StatusCode;
        }));

        Assert.Single(statuses, HttpStatusCode.OK);
        Assert.Equal(23, statuses.Count(s => s == HttpStatusCode.NotFound));
        Assert.Equal("{\"metadata\":{\"tier\":\"gold\"}}", (await CinderGetAsync(Volume + "snapshots/" + id + "/metadata", token)).GetRawText());
    }

    [Fact]
    public async Task The_key_must_match_in_case()
    {
        var (token, id) = await SnapshotAsync();

        using var response = await DeleteKeyAsync(token, id, "env");

        await AssertFaultAsync(response, 404, "itemNotFound", $"Snapshot {id} has no metadata with key env.");
    }

    [Fact]
    public async Task A_key_delete_keeps_updated_at_where_a_merge_stamps_it()
    {
        var (token, id) = await SnapshotAsync();
        Clock.Advance(TimeSpan.FromSeconds(5));
        using var merged = await PostAsync(Volume + "snapshots/" + id + "/metadata", token, "{\"metadata\": {\"k\": \"v\"}}", Pinned);
        var afterMerge = await UpdatedAtAsync(token, id);
        Clock.Advance(TimeSpan.FromSeconds(5));

        using var deleted = await DeleteKeyAsync(token, id, "k");

        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.Equal("2025-06-12T14:56:35.000000", afterMerge);
        Assert.Equal(afterMerge, await UpdatedAtAsync(token, id));
    }

    private async Task<string?> UpdatedAtAsync(string token, string id) =>
        (await CinderGetAsync(Volume + "snapshots/" + id, token)).GetProperty("snapshot").GetProperty("updated_at").GetString();
}
