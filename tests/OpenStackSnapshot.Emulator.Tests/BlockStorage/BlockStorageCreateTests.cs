using System.Net;
using Xunit;

namespace OpenStackSnapshot.Emulator.Tests.BlockStorage;

/// <summary>Cinder's create refusals in its order: schema, volume lookup, force at 3.66, policy, volume state, quota.</summary>
public sealed class BlockStorageCreateTests : BlockStorageTest
{
    [Fact]
    public async Task An_in_use_volume_needs_force_before_366()
    {
        var token = await TokenAsync();

        using var refused = await PostAsync(Volume + "snapshots", token, CinderBody(Seed.VolumeDb01), Pinned);
        using var forced = await PostAsync(Volume + "snapshots", token, CinderBody(Seed.VolumeDb01, "\"force\": \"yes\""), Pinned);

        await AssertFaultAsync(refused, 400, "badRequest",
            $"Invalid volume: Volume {Seed.VolumeDb01} status must be available, but current status is: in-use.");
        Assert.Equal(HttpStatusCode.Accepted, forced.StatusCode);
    }

    [Fact]
    public async Task From_366_an_in_use_volume_needs_no_force_and_force_false_is_refused()
    {
        var token = await TokenAsync();

        using var plain = await PostAsync(Volume + "snapshots", token, CinderBody(Seed.VolumeDb01), At("3.66"));
        using var forceTrue = await PostAsync(Volume + "snapshots", token, CinderBody(Seed.VolumeDb01, "\"force\": true"), At("3.66"));
        using var forceFalse = await PostAsync(Volume + "snapshots", token, CinderBody(Seed.VolumeData01, "\"force\": false"), At("3.66"));

        Assert.Equal(HttpStatusCode.Accepted, plain.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, forceTrue.StatusCode);
        await AssertFaultAsync(forceFalse, 400, "badRequest",
            "Since microversion 3.66 the 'force' flag is invalid for this request.  For backward compatability, however, "
            + "when the 'force' flag is passed with a value evaluating to True, it is silently ignored.");
    }

    [Theory]
    [InlineData("00000000-0000-4000-8000-000000000000", 404, "itemNotFound", "Volume 00000000-0000-4000-8000-000000000000 could not be found.")]
    [InlineData(Seed.VolumeTiny01, 404, "itemNotFound", "Volume " + Seed.VolumeTiny01 + " could not be found.")]
    [InlineData("not-a-uuid", 400, "badRequest",
        "Invalid input for field/attribute volume_id. Value: not-a-uuid. 'not-a-uuid' is not valid under any of the given schemas")]
    public async Task The_volume_must_be_a_uuid_of_the_project(string volumeId, int status, string fault, string message)
    {
        var token = await TokenAsync();

        using var response = await PostAsync(Volume + "snapshots", token, CinderBody(volumeId), Pinned);

        await AssertFaultAsync(response, status, fault, message);
    }

    [Theory]
    [InlineData("{\"snapshot\": {\"volume_id\": \"" + Seed.VolumeData01 + "\", \"display_description\": \"x\"}}",
        "Invalid input for field/attribute snapshot. Value: {'volume_id': '" + Seed.VolumeData01 + "', 'display_description': 'x'}. "
        + "Additional properties are not allowed ('display_description' was unexpected)")]
    [InlineData("{\"snapshot\": {\"volume_id\": \"" + Seed.VolumeData01 + "\", \"force\": \"maybe\"}}",
        "Invalid input for field/attribute force. Value: maybe. 'maybe' is not one of "
        + "[True, 'True', 'TRUE', 'true', '1', 'ON', 'On', 'on', 'YES', 'Yes', 'yes', 'y', 't', "
        + "False, 'False', 'FALSE', 'false', '0', 'OFF', 'Off', 'off', 'NO', 'No', 'no', 'n', 'f']")]
    [InlineData("{\"snapshot\": {\"volume_id\": \"" + Seed.VolumeData01 + "\", \"metadata\": {\"a@b\": \"x\"}}}",
        "Invalid input for field/attribute metadata. Value: {'a@b': 'x'}. 'a@b' does not match any of the regexes: '^[a-zA-Z0-9-_:. /]{1,255}$'")]
    [InlineData("{\"snapshot\": {\"volume_id\": \"" + Seed.VolumeData01 + "\", \"metadata\": {\"k\": 1}}}",
        "Invalid input for field/attribute k. Value: 1. 1 is not of type 'string'")]
    [InlineData("{\"snapshot\": {}}", "Invalid input for field/attribute snapshot. Value: {}. 'volume_id' is a required property")]
    [InlineData("{\"snapshot\": \"string\"}", "Invalid input for field/attribute snapshot. Value: string. 'string' is not of type 'object'")]
    [InlineData("{\"foo\": {}}", "'snapshot' is a required property")]
    public async Task The_body_follows_cinders_schema(string body, string message)
    {
        var token = await TokenAsync();

        using var response = await PostAsync(Volume + "snapshots", token, body, Pinned);

        await AssertFaultAsync(response, 400, "badRequest", message);
    }

    [Fact]
    public async Task A_name_over_255_characters_is_refused()
    {
        var token = await TokenAsync();

        using var response = await PostAsync(Volume + "snapshots", token, CinderBody(extra: "\"name\": \"" + new string('x', 256) + "\""), Pinned);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.EndsWith("is too long", (await JsonAsync(response)).GetProperty("badRequest").GetProperty("message").GetString());
    }

    [Fact]
    public async Task Without_a_body_cinder_answers_500_and_with_odd_ones_400_or_415()
    {
        var token = await TokenAsync();

        using var none = await PostAsync(Volume + "snapshots", token, "", Pinned);
        using var malformed = await PostAsync(Volume + "snapshots", token, "{\"snapshot\": {", Pinned);
        using var xml = await PostRawAsync(Volume + "snapshots", token, CinderBody(), "application/xml");

        await AssertFaultAsync(none, 500, "computeFault", "The server has either erred or is incapable of performing the requested operation.");
        await AssertFaultAsync(malformed, 400, "badRequest", "Malformed request body");
        await AssertFaultAsync(xml, 415, "badMediaType", "Unsupported Content-Type");
    }

    [Fact]
    public async Task Over_quota_is_413_over_limit_with_retry_after_0()
    {
        var tiny = await TokenAsync("tiny", "tiny-secret", "tiny");
        var path = "volume/v3/" + Seed.TinyProjectId + "/snapshots";
        using var first = await PostAsync(path, tiny, CinderBody(Seed.VolumeTiny01), Pinned);

        using var second = await PostAsync(path, tiny, CinderBody(Seed.VolumeTiny01), Pinned);

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        await AssertFaultAsync(second, 413, "overLimit", "SnapshotLimitExceeded: Maximum number of snapshots allowed (1) exceeded");
        Assert.Equal("0", (await JsonAsync(second)).GetProperty("overLimit").GetProperty("retryAfter").GetString());
        Assert.Equal("0", Header(second, "Retry-After"));
    }
}
