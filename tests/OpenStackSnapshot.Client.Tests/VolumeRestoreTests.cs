using System.Text.Json;
using OpenStackSnapshot.Client.Errors;
using OpenStackSnapshot.Client.Models;
using OpenStackSnapshot.Client.Snapshots;
using OpenStackSnapshot.Client.Tests.BlockStorage;
using OpenStackSnapshot.Client.Volumes;
using Xunit;

namespace OpenStackSnapshot.Client.Tests;

/// <summary>
/// Issue 24 on the client: a volume from a snapshot through both APIs (the bodies, the size, what is refused before
/// sending, a lost answer reconciled, the errors), a volume's delete refused and said, the revert and its rules, and the
/// wait's failure reason.
/// </summary>
public class VolumeRestoreTests
{
    private const string SnapshotId = BlockStorageCloud.SnapshotId;
    private const string NewVolumeId = "0a370506-25d5-4b5b-bc04-b07dd1894c28";
    private const string ServerId = "9a1f4c7e-2b3d-4e5f-8a6b-7c8d9e0f1a2b";

    private static Snapshot SnapshotOf(int size = 10, string status = "available", DateTime? createdAt = null, string id = SnapshotId,
        string name = "nightly") =>
        new(id, TestCloud.VolumeId, name, null, status, size, createdAt ?? new DateTime(2025, 6, 12, 14, 0, 0, DateTimeKind.Utc));

    private static Volume VolumeOf(int size = 10, string status = "available", params VolumeAttachment[] attachments) =>
        new(TestCloud.VolumeId, "data", null, status, size, "nova", "__DEFAULT__", null, null, attachments);

    private static string CinderVolume(string status = "creating", string? name = "restored", int size = 10, string metadata = "{}") =>
        $$$"""{"volume": {"id": "{{{NewVolumeId}}}", "name": {{{(name == null ? "null" : $"\"{name}\"")}}}, "description": null,"""
        + $$$""" "status": "{{{status}}}","""
        + $$$""" "size": {{{size}}}, "availability_zone": "nova", "volume_type": "__DEFAULT__", "created_at": "{{{Now()}}}","""
        + $$$""" "snapshot_id": "{{{SnapshotId}}}", "metadata": {{{metadata}}}, "attachments": []}}""";

    private static string NovaVolume(string status = "creating") =>
        $$$"""{"volume": {"id": "{{{NewVolumeId}}}", "status": "{{{status}}}", "size": 10, "availabilityZone": "nova", "createdAt": "{{{Now()}}}","""
        + $$$""" "attachments": [{}], "displayName": "restored", "displayDescription": null, "volumeType": "__DEFAULT__","""
        + $$$""" "snapshotId": "{{{SnapshotId}}}", "metadata": {}""" + "}}";

    private const string NoVolumes = """{"volumes": []}""";

    private static string Now() => DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff");

    private static async Task<(OpenStackSession Session, FakeTransport Fake)> ComputeAsync()
    {
        var fake = new FakeTransport().ThenToken(catalog: BlockStorageCloud.Catalog());
        return (await TestCloud.ConnectAsync(fake), fake);
    }

    private static async Task<(OpenStackSession Session, FakeTransport Fake)> BlockStorageAsync()
    {
        var fake = new FakeTransport();
        return (await BlockStorageCloud.ConnectAsync(fake), fake);
    }

    private static Task<Volume> Create(OpenStackSession session, NewVolume request, Snapshot? known) =>
        VolumeFromSnapshot.CreateAsync(session.Snapshots, session.Volumes, request, known, TestCloud.Call());

    [Fact]
    public async Task Compute_Create_SendsNovasBody_WithTheSnapshotsSize()
    {
        var (session, fake) = await ComputeAsync();
        using (session)
        {
            fake.ThenJson(200, NovaVolume());
            var volume = await Create(session, new NewVolume(SnapshotId, name: "restored") { AvailabilityZone = "nova" }, SnapshotOf(size: 10));

            Assert.Equal(NewVolumeId, volume.Id);
            Assert.Equal(SnapshotId, volume.SnapshotId);
            var post = fake.Nova.Single();
            Assert.Equal("POST", post.Method);
            Assert.Equal(FakeTransport.ComputeUrl + "/os-volumes", post.Url);
            JsonAssert.Equal(
                $$$"""{"volume": {"size": 10, "snapshot_id": "{{{SnapshotId}}}", "display_name": "restored", "availability_zone": "nova"}}""",
                post.Body);
        }
    }

    [Fact]
    public async Task BlockStorage_Create_SendsCindersBody_MetadataAndType()
    {
        var (session, fake) = await BlockStorageAsync();
        using (session)
        {
            fake.ThenJson(202, CinderVolume(metadata: """{"purpose": "drill"}"""));
            var request = new NewVolume(SnapshotId, size: 25, name: "restored", description: "from nightly")
            {
                VolumeType = "ssd", Metadata = new Dictionary<string, string> { ["purpose"] = "drill" },
            };
            var volume = await Create(session, request, SnapshotOf(size: 10));

            Assert.Equal("drill", volume.Metadata["purpose"]);
            var post = fake.Nova.Single();
            Assert.Equal(FakeTransport.BlockStorageUrl + "/volumes", post.Url);
            Assert.Equal("volume 3.31", post.Header("OpenStack-API-Version"));
            JsonAssert.Equal(
                $$$"""{"volume": {"snapshot_id": "{{{SnapshotId}}}", "size": 25, "name": "restored", "description": "from nightly","""
                + """ "volume_type": "ssd","""
                + """ "metadata": {"purpose": "drill"}}}""", post.Body);
        }
    }

    [Fact]
    public async Task Create_WithOnlyTheId_ReadsTheSnapshotOnceForItsSize()
    {
        var (session, fake) = await ComputeAsync();
        using (session)
        {
            fake.ThenJson(200, FakeTransport.SnapshotBody(SnapshotId)).ThenJson(200, NovaVolume());
            await Create(session, new NewVolume(SnapshotId), known: null);

            Assert.Equal(new[] { "GET", "POST" }, fake.Nova.Select(r => r.Method));
            Assert.Equal(100, JsonDocument.Parse(fake.Nova[1].Body!).RootElement.GetProperty("volume").GetProperty("size").GetInt32());
        }
    }

    [Theory]
    [InlineData(5, true)]
    [InlineData(10, false)]
    [InlineData(11, false)]
    public void Sized_RefusesOnlyASizeSmallerThanTheSnapshot(int size, bool refused)
    {
        var snapshot = SnapshotOf(size: 10);
        if (refused)
        {
            var e = Assert.Throws<OpenStackException>(() => VolumeFromSnapshot.Sized(new NewVolume(SnapshotId, size), snapshot));
            Assert.Equal(OpenStackErrorKind.InvalidArgument, e.Kind);
            Assert.Contains("at least as large as the snapshot, 10 GiB; 5 GiB was asked for. Nothing was sent.", e.Message);
        }
        else
        {
            Assert.Equal(size, VolumeFromSnapshot.Sized(new NewVolume(SnapshotId, size), snapshot).Size);
        }
        Assert.Equal(10, VolumeFromSnapshot.Sized(new NewVolume(SnapshotId), snapshot).Size);
    }

    [Theory]
    [InlineData("metadata")]
    [InlineData("type")]
    public async Task Compute_Create_RefusesMetadataAndType_BeforeSending_NamingBlockStorage(string what)
    {
        var (session, fake) = await ComputeAsync();
        using (session)
        {
            var request = what == "metadata"
                ? new NewVolume(SnapshotId, 10) { Metadata = new Dictionary<string, string> { ["a"] = "b" } }
                : new NewVolume(SnapshotId, 10) { VolumeType = "ssd" };
            var e = await Assert.ThrowsAsync<OpenStackException>(() => session.Volumes.CreateAsync(request, TestCloud.Call()));

            Assert.Equal(OpenStackErrorKind.InvalidArgument, e.Kind);
            Assert.Equal(SnapshotApi.BlockStorage, e.BetterApi);
            Assert.False(session.Volumes.Features.ChangeMetadata);
            Assert.Empty(fake.Nova);
        }
    }

    [Theory]
    [InlineData("not-a-uuid", null, "is not a snapshot id")]
    [InlineData(SnapshotId, "", "availability zone is empty")]
    public async Task Create_InvalidInput_IsRefusedBeforeSending(string snapshotId, string? zone, string problem)
    {
        var (session, fake) = await BlockStorageAsync();
        using (session)
        {
            var e = await Assert.ThrowsAsync<OpenStackException>(() =>
                session.Volumes.CreateAsync(new NewVolume(snapshotId, 10) { AvailabilityZone = zone }, TestCloud.Call()));
            Assert.Equal(OpenStackErrorKind.InvalidArgument, e.Kind);
            Assert.Contains(problem, e.Message);
            Assert.Empty(fake.Nova);
        }
    }

    [Fact]
    public async Task Create_LostAnswer_IsFoundBySnapshotNameAndTime_NotSentAgain()
    {
        var (session, fake) = await BlockStorageAsync();
        using (session)
        {
            var found = CinderVolume(status: "creating")["{\"volume\": ".Length..^1];
            fake.ThenBody(504, "<h1>gateway</h1>", "text/html")
                .ThenJson(200, $$$"""{"volumes": [{{{found}}}]}""");
            var volume = await session.Volumes.CreateAsync(new NewVolume(SnapshotId, 10, "restored"), TestCloud.Call());

            Assert.Equal(NewVolumeId, volume.Id);
            Assert.Single(fake.Nova, r => r.Method == "POST");
            Assert.StartsWith(FakeTransport.BlockStorageUrl + "/volumes/detail", fake.Nova[1].Url);
        }
    }

    [Fact]
    public async Task Create_LostAnswer_Absent_IsSentAgainOnlyAfterTheGrace_AndNoTwinIsLeft()
    {
        var (session, fake) = await ComputeAsync();
        using (session)
        {
            var made = NovaVolume()["{\"volume\": ".Length..^1];
            fake.ThenBody(502, "<h1>gateway</h1>", "text/html").ThenJson(200, NoVolumes).ThenJson(200, NoVolumes)
                .ThenJson(200, NovaVolume())
                .ThenJson(200, "{\"volumes\": [" + made + "]}").ThenJson(200, NoVolumes);
            var volume = await session.Volumes.CreateAsync(new NewVolume(SnapshotId, 10, "restored"), TestCloud.Call());

            Assert.Equal(NewVolumeId, volume.Id);
            Assert.Equal(new[] { "POST", "GET", "GET", "POST", "GET", "GET" }, fake.Nova.Select(r => r.Method));
            Assert.DoesNotContain(fake.Nova, r => r.Method == "DELETE");
        }
    }

    [Fact]
    public async Task Create_LostAnswer_NeverFound_IsSentAtMostThreeTimes_SayingWhatWasChecked()
    {
        var (session, fake) = await ComputeAsync();
        using (session)
        {
            for (var send = 0; send < 3; send++)
                fake.ThenBody(502, "<h1>gateway</h1>", "text/html").ThenJson(200, NoVolumes).ThenJson(200, NoVolumes);
            var e = await Assert.ThrowsAsync<OpenStackException>(() =>
                session.Volumes.CreateAsync(new NewVolume(SnapshotId, 10, "restored"), TestCloud.Call()));

            Assert.Equal(OpenStackErrorKind.ServiceUnavailable, e.Kind);
            Assert.Contains("It was sent 3 times", e.Message);
            Assert.Contains($"checked: 0 volumes listed, looking for the volume 'restored' from snapshot {SnapshotId} created since", e.Message);
            Assert.Equal(3, fake.Nova.Count(r => r.Method == "POST"));
        }
    }

    [Fact]
    public async Task Create_LostAnswer_WithoutAName_IsNotLookedForNorSentAgain()
    {
        var (session, fake) = await BlockStorageAsync();
        using (session)
        {
            fake.ThenBody(504, "<h1>gateway</h1>", "text/html");
            var e = await Assert.ThrowsAsync<OpenStackException>(() =>
                session.Volumes.CreateAsync(new NewVolume(SnapshotId, 10), TestCloud.Call()));

            Assert.Contains("The volume had no name, so there is nothing safe to find it again by", e.Message);
            Assert.Single(fake.Nova);
        }
    }

    [Theory]
    [InlineData("compute", 403, "forbidden", "VolumeLimitExceeded: Maximum number of volumes allowed (3) exceeded for quota 'volumes'.", "volumes")]
    [InlineData("block-storage", 413, "overLimit", "VolumeLimitExceeded: Maximum number of volumes allowed (3) exceeded for quota 'volumes'.",
        "volumes")]
    [InlineData("block-storage", 413, "overLimit", "VolumeSizeExceedsAvailableQuota: Requested volume or snapshot exceeds allowed gigabytes quota."
        + " Requested 5G, quota is 3G and 2G has been consumed.", "gigabytes")]
    [InlineData("block-storage", 413, "overLimit", "VolumeSizeExceedsLimit: Requested volume size 5G is larger than maximum allowed limit 2G.",
        "per_volume_gigabytes")]
    [InlineData("compute", 403, "forbidden", "Quota exceeded for resources: snapshots", "snapshots")]
    public async Task QuotaRefusals_AreQuotaExceeded_NamingTheQuota(string api, int status, string fault, string message, string quota)
    {
        var (session, fake) = api == "compute" ? await ComputeAsync() : await BlockStorageAsync();
        using (session)
        {
            fake.ThenJson(status, $$$"""{"{{{fault}}}": {"code": {{{status}}}, "message": "{{{message}}}"}}""");
            var e = await Assert.ThrowsAsync<OpenStackException>(() =>
                session.Volumes.CreateAsync(new NewVolume(SnapshotId, 5, "x"), TestCloud.Call()));

            Assert.Equal(OpenStackErrorKind.QuotaExceeded, e.Kind);
            Assert.Contains($"The project's {quota} quota is used up: {message}", e.Message);
            Assert.Contains(quota, e.RecommendedAction);
            Assert.Equal(FakeTransport.RequestId, e.RequestId);
        }
    }

    [Fact]
    public async Task BlockStorage_Create_AVolumeTypeThatDoesNotExist_IsBadRequest()
    {
        var (session, fake) = await BlockStorageAsync();
        using (session)
        {
            fake.ThenJson(404, """{"itemNotFound": {"code": 404, "message": "Volume type with name gold could not be found."}}""");
            var e = await Assert.ThrowsAsync<OpenStackException>(() =>
                session.Volumes.CreateAsync(new NewVolume(SnapshotId, 10) { VolumeType = "gold" }, TestCloud.Call()));

            Assert.Equal(OpenStackErrorKind.BadRequest, e.Kind);
            Assert.StartsWith("Volume type with name gold could not be found.", e.Message);
        }
    }

    [Fact]
    public async Task Compute_Create_AnUnknownSnapshot_IsNotFound()
    {
        var (session, fake) = await ComputeAsync();
        using (session)
        {
            fake.ThenJson(404, $$$"""{"itemNotFound": {"code": 404, "message": "Snapshot {{{SnapshotId}}} could not be found."}}""");
            var e = await Assert.ThrowsAsync<OpenStackException>(() => session.Volumes.CreateAsync(new NewVolume(SnapshotId, 10), TestCloud.Call()));
            Assert.Equal(OpenStackErrorKind.NotFound, e.Kind);
        }
    }

    private const string CinderRefusal = "Invalid volume: Volume status must be available or error or error_restoring or error_extending or "
        + "error_managing and must not be migrating, attached, belong to a group, have snapshots, awaiting a transfer, or be disassociated "
        + "from snapshots after volume transfer.";

    private static string Shown(string status, string attachments) =>
        $$$"""{"volume": {"id": "{{{TestCloud.VolumeId}}}", "name": "data", "status": "{{{status}}}", "size": 10, "attachments": """
        + attachments + "}}";

    [Theory]
    [InlineData("compute")]
    [InlineData("block-storage")]
    public async Task Delete_RefusedForAnAttachedVolume_NamesTheServer(string api)
    {
        var (session, fake) = api == "compute" ? await ComputeAsync() : await BlockStorageAsync();
        using (session)
        {
            var refusal = api == "compute" ? $"Invalid input received: {CinderRefusal} (HTTP 400) (Request-ID: req-x)" : CinderRefusal;
            var attachments = api == "compute"
                ? $$$"""[{"id": "{{{TestCloud.VolumeId}}}", "serverId": "{{{ServerId}}}", "device": "/dev/vdb"}]"""
                : $$$"""[{"server_id": "{{{ServerId}}}", "attachment_id": "a-1", "device": "/dev/vdb"}]""";
            fake.ThenJson(400, $$$"""{"badRequest": {"code": 400, "message": "{{{refusal}}}"}}""").ThenJson(200, Shown("in-use", attachments));
            var e = await Assert.ThrowsAsync<OpenStackException>(() => session.Volumes.DeleteAsync(TestCloud.VolumeId, TestCloud.Call()));

            Assert.Equal(OpenStackErrorKind.VolumeAttached, e.Kind);
            Assert.Contains($"it is attached to server {ServerId} (/dev/vdb)", e.Message);
            Assert.Contains("request id " + FakeTransport.RequestId, e.Message);
            Assert.Equal(2, fake.Nova.Count);
        }
    }

    [Fact]
    public async Task Delete_RefusedForAVolumeWithSnapshots_NamesThem()
    {
        var (session, fake) = await BlockStorageAsync();
        using (session)
        {
            fake.ThenJson(400, $$$"""{"badRequest": {"code": 400, "message": "{{{CinderRefusal}}}"}}""").ThenJson(200, Shown("available", "[]"))
                .ThenJson(200, BlockStorageCloud.Page(new[] { BlockStorageCloud.Snapshot() }));
            var e = await Assert.ThrowsAsync<OpenStackException>(() => session.Volumes.DeleteAsync(TestCloud.VolumeId, TestCloud.Call()));

            Assert.Equal(OpenStackErrorKind.VolumeHasSnapshots, e.Kind);
            Assert.Contains($"it still has 1 snapshot ({SnapshotId} 'nightly')", e.Message);
            Assert.Equal(TestCloud.VolumeId, BlockStorageCloud.Query(fake.Nova[2].Url)["volume_id"]);
        }
    }

    [Theory]
    [InlineData("creating", OpenStackErrorKind.VolumeBusy)]
    [InlineData("deleting", null)]
    public async Task Delete_RefusedForItsStatus_SaysIt_AndOneBeingDeletedIsDone(string status, OpenStackErrorKind? kind)
    {
        var (session, fake) = await BlockStorageAsync();
        using (session)
        {
            fake.ThenJson(400, $$$"""{"badRequest": {"code": 400, "message": "{{{CinderRefusal}}}"}}""").ThenJson(200, Shown(status, "[]"))
                .ThenJson(200, BlockStorageCloud.Page(Array.Empty<string>()));
            var delete = session.Volumes.DeleteAsync(TestCloud.VolumeId, TestCloud.Call());
            if (kind == null)
            {
                await delete;
                return;
            }
            var e = await Assert.ThrowsAsync<OpenStackException>(() => delete);
            Assert.Equal(kind, e.Kind);
            Assert.Contains($"cannot be deleted while it is {status}", e.Message);
        }
    }

    [Fact]
    public async Task Revert_IsCindersActionAt340_OnThatRequestAlone()
    {
        var (session, fake) = await BlockStorageAsync();
        using (session)
        {
            fake.ThenBody(202, "", "application/json").ThenJson(200, Shown("reverting", "[]"));
            await session.Volumes.RevertAsync(TestCloud.VolumeId, SnapshotId, TestCloud.Call());
            await session.Volumes.GetAsync(TestCloud.VolumeId, TestCloud.Call());

            Assert.Equal($"{FakeTransport.BlockStorageUrl}/volumes/{TestCloud.VolumeId}/action", fake.Nova[0].Url);
            Assert.Equal("volume 3.40", fake.Nova[0].Header("OpenStack-API-Version"));
            JsonAssert.Equal($$$"""{"revert": {"snapshot_id": "{{{SnapshotId}}}"}}""", fake.Nova[0].Body);
            Assert.Equal("volume 3.31", fake.Nova[1].Header("OpenStack-API-Version"));
        }
    }

    [Theory]
    [InlineData(400, "badRequest", "Specified snapshot x is None or not the latest one of volume y.", OpenStackErrorKind.RevertRefused)]
    [InlineData(409, "conflictingRequest", "Invalid volume: Can't revert volume y to its latest snapshot x. Volume's status must be 'available'.",
        OpenStackErrorKind.RevertRefused)]
    [InlineData(406, "computeFault", "Version 3.40 is not supported by the API. Minimum is 3.0 and maximum is 3.27.",
        OpenStackErrorKind.ApiNotAvailable)]
    [InlineData(404, "itemNotFound", "The resource could not be found.", OpenStackErrorKind.ApiNotAvailable)]
    [InlineData(404, "itemNotFound", "Volume y could not be found.", OpenStackErrorKind.NotFound)]
    public async Task Revert_CindersRefusals_AreSaidAsARevertsRefusal(int status, string fault, string message, OpenStackErrorKind kind)
    {
        var (session, fake) = await BlockStorageAsync();
        using (session)
        {
            fake.ThenJson(status, $$$"""{"{{{fault}}}": {"code": {{{status}}}, "message": "{{{message}}}"}}""");
            var e = await Assert.ThrowsAsync<OpenStackException>(() => session.Volumes.RevertAsync(TestCloud.VolumeId, SnapshotId, TestCloud.Call()));

            Assert.Equal(kind, e.Kind);
            Assert.Contains(message, e.Message);
            if (kind == OpenStackErrorKind.ApiNotAvailable) Assert.Contains("needs microversion 3.40", e.Message);
        }
    }

    [Fact]
    public async Task Revert_OnACompute_Session_IsRefusedBeforeSending()
    {
        var (session, fake) = await ComputeAsync();
        using (session)
        {
            Assert.False(session.Volumes.Features.Revert);
            var e = await Assert.ThrowsAsync<OpenStackException>(() =>
                RevertCheck.CheckAsync(session.Snapshots, session.Volumes, SnapshotId, SnapshotOf(), TestCloud.Call()));
            Assert.Equal(OpenStackErrorKind.InvalidArgument, e.Kind);
            Assert.Equal(SnapshotApi.BlockStorage, e.BetterApi);
            Assert.Empty(fake.Nova);
        }
    }

    [Fact]
    public void RevertCheck_AllowsTheNewestAvailableSnapshot_OfAnAvailableDetachedVolumeOfItsSize()
    {
        var snapshot = SnapshotOf();
        Assert.Null(RevertCheck.Problem(snapshot, VolumeOf(), new[] { snapshot, SnapshotOf(id: "older", createdAt: new DateTime(2025, 1, 1)) }));
    }

    [Fact]
    public void RevertCheck_RefusesAnOlderSnapshot_NamingTheNewest_WhateverItsStatus()
    {
        var older = SnapshotOf(createdAt: new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        var newest = SnapshotOf(id: "b1", name: "later", status: "error", createdAt: new DateTime(2025, 2, 1, 0, 0, 0, DateTimeKind.Utc));
        var e = RevertCheck.Problem(older, VolumeOf(), new[] { older, newest });

        Assert.Equal(OpenStackErrorKind.RevertRefused, e!.Kind);
        Assert.Contains("is not the newest snapshot of volume", e.Message);
        Assert.Contains("which is b1 'later' (error, made 2025-02-01 00:00:00Z)", e.Message);
        Assert.Contains("Make a new volume from snapshot", e.RecommendedAction);
    }

    [Theory]
    [InlineData(20, "available", "available", false, OpenStackErrorKind.RevertRefused, "is 20 GiB and snapshot")]
    [InlineData(10, "in-use", "available", true, OpenStackErrorKind.VolumeAttached, "is attached to server " + ServerId)]
    [InlineData(10, "error", "available", false, OpenStackErrorKind.RevertRefused, "reverts a volume only while it is available")]
    [InlineData(10, "available", "creating", false, OpenStackErrorKind.RevertRefused, "reverts only to an available snapshot")]
    public void RevertCheck_RefusesWhatCinderRefuses(int volumeSize, string volumeStatus, string snapshotStatus, bool attached,
        OpenStackErrorKind kind, string said)
    {
        var snapshot = SnapshotOf(status: snapshotStatus);
        var volume = attached
            ? VolumeOf(volumeSize, volumeStatus, new VolumeAttachment("a-1", ServerId, "/dev/vdb"))
            : VolumeOf(volumeSize, volumeStatus);
        var e = RevertCheck.Problem(SnapshotOf(), volume, new[] { snapshot });

        Assert.Equal(kind, e!.Kind);
        Assert.Contains(said, e.Message);
        Assert.EndsWith("Nothing was sent.", e.Message);
    }

    [Fact]
    public void RevertCheck_ASnapshotNoLongerListed_IsNotFound()
    {
        var e = RevertCheck.Problem(SnapshotOf(), VolumeOf(), Array.Empty<Snapshot>());
        Assert.Equal(OpenStackErrorKind.NotFound, e!.Kind);
    }

    [Fact]
    public async Task Wait_AFailedVolume_SaysBlockStoragesReason_TheNewestMessage()
    {
        var (session, fake) = await BlockStorageAsync();
        using (session)
        {
            fake.ThenJson(200, CinderVolume(status: "error"))
                .ThenJson(200, """{"messages": [{"user_message": "older", "created_at": "2025-06-12T14:00:00.000000"},"""
                    + """ {"user_message": "schedule allocate volume:Could not find any available weighted backend.","""
                    + """ "created_at": "2025-06-12T15:00:00.000000"}]}""");
            var wait = new VolumeWait(session.Volumes, WaitGoal.Available, new[] { NewVolumeId });
            var outcome = Assert.Single(await wait.PollAsync(TestCloud.Call()));

            Assert.Equal(OpenStackErrorKind.VolumeFailed, outcome.Error!.Kind);
            Assert.Equal(
                $"Volume {NewVolumeId} went to status 'error'. "
                + "Block storage says: schedule allocate volume:Could not find any available weighted backend.",
                outcome.Error.Message);
            Assert.Equal($"{FakeTransport.BlockStorageUrl}/messages?resource_uuid={NewVolumeId}", fake.Nova[1].Url);
        }
    }

    [Fact]
    public async Task Wait_AFailedVolumeWhoseReasonCannotBeRead_IsStillItsFailure()
    {
        var (session, fake) = await BlockStorageAsync();
        using (session)
        {
            fake.ThenJson(200, CinderVolume(status: "error"))
                .ThenJson(403, """{"forbidden": {"code": 403, "message": "Policy doesn't allow message:get_all"}}""");
            var outcome = Assert.Single(await new VolumeWait(session.Volumes, WaitGoal.Available, new[] { NewVolumeId }).PollAsync(TestCloud.Call()));
            Assert.Equal(OpenStackErrorKind.VolumeFailed, outcome.Error!.Kind);
            Assert.Equal($"Volume {NewVolumeId} went to status 'error'.", outcome.Error.Message);
        }
    }

    [Fact]
    public async Task Wait_Deleted_EndsWhenTheVolumeIsGone_AndFailsOnErrorDeleting()
    {
        var (session, fake) = await ComputeAsync();
        using (session)
        {
            fake.ThenJson(404, $$$"""{"itemNotFound": {"code": 404, "message": "Volume {{{NewVolumeId}}} could not be found."}}""")
                .ThenJson(200, NovaVolume("error_deleting"));
            var gone = Assert.Single(await new VolumeWait(session.Volumes, WaitGoal.Deleted, new[] { NewVolumeId }).PollAsync(TestCloud.Call()));
            Assert.Null(gone.Error);
            var stuck = Assert.Single(await new VolumeWait(session.Volumes, WaitGoal.Deleted, new[] { NewVolumeId }).PollAsync(TestCloud.Call()));
            Assert.Equal(OpenStackErrorKind.VolumeFailed, stuck.Error!.Kind);
        }
    }
}
