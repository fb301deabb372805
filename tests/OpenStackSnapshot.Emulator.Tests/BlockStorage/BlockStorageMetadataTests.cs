using System.Net;
using Xunit;

namespace OpenStackSnapshot.Emulator.Tests.BlockStorage;

/// <summary>Cinder's snapshot metadata routes: list, merge (POST), replace (PUT), one key (GET/PUT/DELETE).</summary>
public sealed class BlockStorageMetadataTests : BlockStorageTest
{
    private async Task<(string Token, string Path)> SnapshotWithMetadataAsync()
    {
        var (token, id) = await CinderSnapshotAsync("{\"managed-by\": \"nightly\"}");
        return (token, Volume + "snapshots/" + id + "/metadata");
    }

    [Fact]
    public async Task Post_merges_put_replaces_and_both_answer_the_whole_set()
    {
        var (token, path) = await SnapshotWithMetadataAsync();

        using var merged = await PostAsync(path, token, "{\"metadata\": {\"tier\": \"gold\"}}", Pinned);
        var afterMerge = (await JsonAsync(merged)).GetRawText();
        using var replaced = await SendAsync(HttpMethod.Put, path, token, "{\"metadata\": {\"tier\": \"silver\"}}", Pinned);
        var listed = await CinderGetAsync(path, token);

        Assert.Equal(HttpStatusCode.OK, merged.StatusCode);
        Assert.Equal("{\"metadata\":{\"managed-by\":\"nightly\",\"tier\":\"gold\"}}", afterMerge);
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        Assert.Equal("{\"metadata\":{\"tier\":\"silver\"}}", listed.GetRawText());
    }

    [Fact]
    public async Task One_key_can_be_read_set_and_deleted()
    {
        var (token, path) = await SnapshotWithMetadataAsync();

        using var set = await SendAsync(HttpMethod.Put, path + "/tier", token, "{\"meta\": {\"tier\": \"bronze\"}}", Pinned);
        var read = await CinderGetAsync(path + "/tier", token);
        using var deleted = await SendAsync(HttpMethod.Delete, path + "/tier", token, null, Pinned);
        using var gone = await GetAsync(path + "/tier", token, Pinned);

        Assert.Equal("{\"meta\":{\"tier\":\"bronze\"}}", (await JsonAsync(set)).GetRawText());
        Assert.Equal("{\"meta\":{\"tier\":\"bronze\"}}", read.GetRawText());
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.Equal(0, deleted.Content.Headers.ContentLength);
        await AssertFaultAsync(gone, 404, "itemNotFound", $"Snapshot {path.Split('/')[^2]} has no metadata with key tier.");
    }

    [Fact]
    public async Task Metadata_set_through_cinder_is_kept_in_the_shared_store()
    {
        var (token, path) = await SnapshotWithMetadataAsync();
        var id = path.Split('/')[^2];
        await PostAsync(path, token, "{\"metadata\": {\"tier\": \"gold\"}}", Pinned);

        var snapshot = (await CinderGetAsync(Volume + "snapshots/" + id, token)).GetProperty("snapshot");
        var filtered = await CinderGetAsync(Volume + "snapshots?metadata=%7B%27tier%27%3A%27gold%27%7D", token);

        Assert.Equal("{\"managed-by\":\"nightly\",\"tier\":\"gold\"}", snapshot.GetProperty("metadata").GetRawText());
        Assert.Single(filtered.GetProperty("snapshots").EnumerateArray());
    }

    [Theory]
    [InlineData("POST", "", "{\"meta\": {}}", 400, "badRequest", "Missing required element 'metadata' in request body.")]
    [InlineData("PUT", "", "{\"metadata\": []}", 400, "badRequest", "Missing required element 'metadata' in request body.")]
    [InlineData("PUT", "/tier", "{\"meta\": {\"colour\": \"red\"}}", 400, "badRequest", "Request body and URI mismatch")]
    [InlineData("PUT", "/tier", "{\"meta\": {\"tier\": \"a\", \"colour\": \"red\"}}", 400, "badRequest", "Request body contains too many items")]
    [InlineData("POST", "", "{\"metadata\": {\"\": \"x\"}}", 400, "badRequest",
        "Invalid metadata: Invalid input received: Metadata key:  has 0 characters, less than 1.")]
    [InlineData("POST", "", "{\"metadata\": {\"k\": 1}}", 400, "badRequest",
        "Invalid metadata: Invalid input received: Value for metadata key: k is not a string or unicode")]
    [InlineData("GET", "/colour", null, 404, "itemNotFound", "has no metadata with key colour.")]
    [InlineData("DELETE", "/colour", null, 404, "itemNotFound", "has no metadata with key colour.")]
    public async Task Bad_requests_answer_as_cinder_does(string method, string suffix, string? body, int status, string fault, string message)
    {
        var (token, path) = await SnapshotWithMetadataAsync();

        using var response = await SendAsync(new HttpMethod(method), path + suffix, token, body, Pinned);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.EndsWith(message, (await JsonAsync(response)).GetProperty(fault).GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_value_over_255_characters_is_413()
    {
        var (token, path) = await SnapshotWithMetadataAsync();

        using var response = await PostAsync(path, token, "{\"metadata\": {\"k\": \"" + new string('x', 256) + "\"}}", Pinned);

        await AssertFaultAsync(response, 413, "overLimit", "Invalid metadata size: Metadata property key k value greater than 255 characters.");
    }

    [Fact]
    public async Task The_metadata_of_an_unknown_snapshot_is_404()
    {
        var token = await TokenAsync();

        using var unknown = await GetAsync(Volume + "snapshots/00000000-0000-4000-8000-000000000000/metadata", token, Pinned);

        await AssertFaultAsync(unknown, 404, "itemNotFound", "Snapshot 00000000-0000-4000-8000-000000000000 could not be found.");
    }
}
