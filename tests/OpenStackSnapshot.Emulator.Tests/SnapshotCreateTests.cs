using System.Net;
using Xunit;

namespace OpenStackSnapshot.Emulator.Tests;

/// <summary>POST os-snapshots: success shape, Nova's schema messages, policy, quota and block-storage 500s.</summary>
public sealed class SnapshotCreateTests : EmulatorTest
{
    private const string Unexpected =
        "Unexpected API Error. Please report this at http://bugs.launchpad.net/nova/ and attach the Nova API log if possible.\n";

    private const string BooleanEnum =
        "[True, 'True', 'TRUE', 'true', '1', 'ON', 'On', 'on', 'YES', 'Yes', 'yes', "
        + "False, 'False', 'FALSE', 'false', '0', 'OFF', 'Off', 'off', 'NO', 'No', 'no']";

    [Fact]
    public async Task Create_is_200_with_exactly_the_seven_keys_and_status_creating()
    {
        var token = await TokenAsync();

        using var response = await PostAsync(Compute + "os-snapshots", token, CreateBody(name: "snap-001", description: "Daily backup"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(response.Headers.Location);
        AssertVersionHeaders(response, "2.1");
        var snapshot = (await JsonAsync(response)).GetProperty("snapshot");
        Assert.Equal(["id", "volumeId", "status", "size", "createdAt", "displayName", "displayDescription"],
            snapshot.EnumerateObject().Select(p => p.Name));
        Assert.True(Guid.TryParse(snapshot.GetProperty("id").GetString(), out _));
        Assert.Equal(Seed.VolumeData01, snapshot.GetProperty("volumeId").GetString());
        Assert.Equal("creating", snapshot.GetProperty("status").GetString());
        Assert.Equal(100, snapshot.GetProperty("size").GetInt32());
        Assert.Equal("2025-06-12T14:56:30.000000", snapshot.GetProperty("createdAt").GetString());
        Assert.Equal("snap-001", snapshot.GetProperty("displayName").GetString());
        Assert.Equal("Daily backup", snapshot.GetProperty("displayDescription").GetString());
    }

    [Fact]
    public async Task Unset_name_and_description_are_null()
    {
        var token = await TokenAsync();

        using var response = await PostAsync(Compute + "os-snapshots", token, CreateBody(Seed.VolumeData02, name: null));

        var snapshot = (await JsonAsync(response)).GetProperty("snapshot");
        Assert.Equal(System.Text.Json.JsonValueKind.Null, snapshot.GetProperty("displayName").ValueKind);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, snapshot.GetProperty("displayDescription").ValueKind);
        Assert.Equal(10, snapshot.GetProperty("size").GetInt32());
    }

    [Theory]
    [InlineData("true")]
    [InlineData("\"yes\"")]
    [InlineData("\"ON\"")]
    public async Task Attached_volume_needs_force(string force)
    {
        var token = await TokenAsync();

        using var withoutForce = await PostAsync(Compute + "os-snapshots", token, CreateBody(Seed.VolumeDb01));
        await AssertFaultAsync(withoutForce, 500, "computeFault", Unexpected + "<class 'nova.exception.InvalidInput'>");

        using var falseForce = await PostAsync(Compute + "os-snapshots", token, CreateBody(Seed.VolumeDb01, force: "\"off\""));
        Assert.Equal(HttpStatusCode.InternalServerError, falseForce.StatusCode);

        using var withForce = await PostAsync(Compute + "os-snapshots", token, CreateBody(Seed.VolumeDb01, force: force));
        Assert.Equal(HttpStatusCode.OK, withForce.StatusCode);
        Assert.Equal(Seed.VolumeDb01, (await JsonAsync(withForce)).GetProperty("snapshot").GetProperty("volumeId").GetString());
    }

    [Theory]
    [InlineData("{\"snapshot\": {\"volume_id\": \"v\", \"name\": \"x\"}}",
        "Invalid input for field/attribute snapshot. Value: {'volume_id': 'v', 'name': 'x'}. "
        + "Additional properties are not allowed ('name' was unexpected)")]
    [InlineData("{\"snapshot\": {\"volume_id\": \"v\", \"name\": \"x\", \"description\": \"d\"}}",
        "Invalid input for field/attribute snapshot. Value: {'volume_id': 'v', 'name': 'x', 'description': 'd'}. "
        + "Additional properties are not allowed ('name', 'description' were unexpected)")]
    [InlineData("{\"snapshot\": {\"display_name\": \"x\"}}",
        "Invalid input for field/attribute snapshot. Value: {'display_name': 'x'}. 'volume_id' is a required property")]
    [InlineData("{\"foo\": {}}", "'snapshot' is a required property")]
    [InlineData("{\"snapshot\": {\"volume_id\": \"v\"}, \"extra\": 1}", "Additional properties are not allowed ('extra' was unexpected)")]
    [InlineData("{\"snapshot\": \"string\"}", "Invalid input for field/attribute snapshot. Value: string. 'string' is not of type 'object'")]
    [InlineData("[]", "[] is not of type 'object'")]
    [InlineData("{\"snapshot\": {\"volume_id\": 12}}", "Invalid input for field/attribute volume_id. Value: 12. 12 is not of type 'string'")]
    [InlineData("{\"snapshot\": {\"volume_id\": \"v\", \"display_name\": null}}",
        "Invalid input for field/attribute display_name. Value: None. None is not of type 'string'")]
    [InlineData("{\"snapshot\": {\"volume_id\": \"v\", \"display_description\": [\"a\", true]}}",
        "Invalid input for field/attribute display_description. Value: ['a', True]. ['a', True] is not of type 'string'")]
    [InlineData("{\"snapshot\": {\"volume_id\": \"v\", \"force\": 1}}",
        "Invalid input for field/attribute force. Value: 1. 1 is not of type 'boolean', 'string'")]
    [InlineData("{\"snapshot\": {\"volume_id\": \"v\", \"force\": null}}",
        "Invalid input for field/attribute force. Value: None. None is not of type 'boolean', 'string'")]
    [InlineData("{\"snapshot\": {\"volume_id\": \"v\", \"force\": \"maybe\"}}",
        "Invalid input for field/attribute force. Value: maybe. 'maybe' is not one of " + BooleanEnum)]
    public async Task Schema_errors_are_400_with_novas_messages(string body, string message)
    {
        var token = await TokenAsync();

        using var response = await PostAsync(Compute + "os-snapshots", token, body);

        await AssertFaultAsync(response, 400, "badRequest", message);
        AssertVersionHeaders(response, "2.1");
    }

    [Fact]
    public async Task No_body_is_400_none_is_not_an_object()
    {
        var token = await TokenAsync();

        using var response = await PostRawAsync(Compute + "os-snapshots", token, "", "application/json");

        await AssertFaultAsync(response, 400, "badRequest", "None is not of type 'object'");
    }

    [Fact]
    public async Task Reader_gets_403_but_only_after_the_body_passed_the_schema()
    {
        var token = await TokenAsync("reader", "reader-secret");

        using var invalid = await PostAsync(Compute + "os-snapshots", token, "{\"foo\": {}}");
        await AssertFaultAsync(invalid, 400, "badRequest", "'snapshot' is a required property");

        using var valid = await PostAsync(Compute + "os-snapshots", token, CreateBody());
        await AssertFaultAsync(valid, 403, "forbidden", "Policy doesn't allow os_compute_api:os-volumes:snapshots:create to be performed.");
    }

    [Theory]
    [InlineData("not-a-uuid", "InvalidInput")]
    [InlineData("00000000-0000-4000-8000-000000000000", "VolumeNotFound")]
    [InlineData(Seed.VolumeTiny01, "VolumeNotFound")]
    public async Task Block_storage_refusals_are_500_naming_the_nova_exception(string volumeId, string exceptionClass)
    {
        var token = await TokenAsync();

        using var response = await PostAsync(Compute + "os-snapshots", token, CreateBody(volumeId));

        await AssertFaultAsync(response, 500, "computeFault", Unexpected + $"<class 'nova.exception.{exceptionClass}'>");
    }

    [Fact]
    public async Task Names_over_255_characters_are_500_invalid_input()
    {
        var token = await TokenAsync();

        using var ok = await PostAsync(Compute + "os-snapshots", token, CreateBody(name: new string('n', 255)));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);

        using var longName = await PostAsync(Compute + "os-snapshots", token, CreateBody(name: new string('n', 256)));
        await AssertFaultAsync(longName, 500, "computeFault", Unexpected + "<class 'nova.exception.InvalidInput'>");

        using var longDescription = await PostAsync(Compute + "os-snapshots", token, CreateBody(description: new string('d', 256)));
        Assert.Equal(HttpStatusCode.InternalServerError, longDescription.StatusCode);
    }

    [Fact]
    public async Task Quota_of_the_tiny_project_allows_one_snapshot()
    {
        var token = await TokenAsync("tiny", "tiny-secret", "tiny");

        await CreateSnapshotAsync(token, Seed.VolumeTiny01);
        using var second = await PostAsync(Compute + "os-snapshots", token, CreateBody(Seed.VolumeTiny01));

        await AssertFaultAsync(second, 403, "forbidden", "Quota exceeded for resources: snapshots");
    }

    [Fact]
    public async Task The_snapshotQuota_setting_replaces_the_seeded_quota_until_a_reset()
    {
        var token = await TokenAsync("tiny", "tiny-secret", "tiny");
        Emu.UpdateSettings(snapshotQuota: 2);

        await CreateSnapshotAsync(token, Seed.VolumeTiny01);
        await CreateSnapshotAsync(token, Seed.VolumeTiny01);
        using var third = await PostAsync(Compute + "os-snapshots", token, CreateBody(Seed.VolumeTiny01));
        await AssertFaultAsync(third, 403, "forbidden", "Quota exceeded for resources: snapshots");

        Emu.Reset();
        Assert.Null(Emu.Settings.SnapshotQuota);
        await CreateSnapshotAsync(token, Seed.VolumeTiny01);
        using var second = await PostAsync(Compute + "os-snapshots", token, CreateBody(Seed.VolumeTiny01));
        await AssertFaultAsync(second, 403, "forbidden", "Quota exceeded for resources: snapshots");
    }

    [Theory]
    [InlineData("text/xml")]
    [InlineData("application/x-www-form-urlencoded")]
    public async Task Other_content_types_are_415(string contentType)
    {
        var token = await TokenAsync();

        using var response = await PostRawAsync(Compute + "os-snapshots", token, CreateBody(), contentType);

        await AssertFaultAsync(response, 415, "badMediaType", "Unsupported Content-Type");
    }

    [Theory]
    [InlineData("application/vnd.openstack.compute+json")]
    [InlineData("text/plain")]
    [InlineData(null)]
    public async Task Json_compute_json_plain_or_missing_content_types_are_parsed(string? contentType)
    {
        var token = await TokenAsync();

        using var response = await PostRawAsync(Compute + "os-snapshots", token, CreateBody(), contentType);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Unparsable_json_is_400_malformed_request_body()
    {
        var token = await TokenAsync();

        using var response = await PostAsync(Compute + "os-snapshots", token, "{\"snapshot\": ");

        await AssertFaultAsync(response, 400, "badRequest", "Malformed request body");
    }
}
