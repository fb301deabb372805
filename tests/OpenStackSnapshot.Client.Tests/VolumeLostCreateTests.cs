using OpenStackSnapshot.Client.Errors;
using OpenStackSnapshot.Client.Volumes;
using Xunit;
using static OpenStackSnapshot.Client.Tests.VolumeCloud;

namespace OpenStackSnapshot.Client.Tests;

/// <summary>
/// Issue 24 on the client: a volume create whose answer was lost, found again or sent again as a snapshot's is.
/// </summary>
public class VolumeLostCreateTests
{
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
}
