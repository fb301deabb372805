using Xunit;

namespace OpenStackSnapshot.Emulator.Tests.BlockStorage;

/// <summary>
/// List filters compare as Cinder's MariaDB (utf8mb3_general_ci) does, as seen on tests/real-openstack: case, accents
/// and trailing blanks ignored, otherwise exact (no wildcard, no prefix, leading blanks count).
/// </summary>
public sealed class BlockStorageFilterCollationTests : BlockStorageTest
{
    private async Task<string> SeedAsync()
    {
        var token = await TokenAsync();
        await CinderCreateAsync(
            token, CinderBody(Seed.VolumeData01, "\"name\": \"MixedCase\", \"metadata\": {\"Env\": \"Prod\", \"note\": \"Café\"}"));
        Clock.Advance(TimeSpan.FromSeconds(1));
        await CinderCreateAsync(token, CinderBody(Seed.VolumeData02, "\"name\": \"Straße\""));
        return token;
    }

    [Theory]
    [InlineData("name=mixedcase", "MixedCase")]
    [InlineData("name=MIXEDCASE", "MixedCase")]
    [InlineData("name=mixedc%C3%A4se", "MixedCase")]
    [InlineData("name=MixedCase%20", "MixedCase")]
    [InlineData("name=%20MixedCase", "")]
    [InlineData("name=mixed", "")]
    [InlineData("name=MixedCas%25", "")]
    [InlineData("name=strase", "Straße")]
    [InlineData("name=strasse", "")]
    [InlineData("status=AVAILABLE", "Straße,MixedCase")]
    [InlineData("status=Available%20", "Straße,MixedCase")]
    [InlineData("volume_id=521752A6-ACF6-4B2D-BC7A-119F9148CD8C", "MixedCase")]
    public async Task Column_filters_ignore_case_accents_and_trailing_blanks(string query, string names)
    {
        var token = await SeedAsync();

        Assert.Equal(names, Names(await CinderGetAsync(Volume + "snapshots/detail?" + query, token)));
    }

    [Theory]
    [InlineData("{'env': 'PROD'}", "MixedCase")]
    [InlineData("{'Env ': 'prod '}", "MixedCase")]
    [InlineData("{'NOTE': 'cafe', 'env': 'prod'}", "MixedCase")]
    [InlineData("{'Env': 'Pro'}", "")]
    [InlineData("{'Env': 'Café'}", "")]
    public async Task Metadata_keys_and_values_compare_alike(string filter, string names)
    {
        var token = await SeedAsync();

        Assert.Equal(names, Names(await CinderGetAsync(Volume + "snapshots/detail?metadata=" + Uri.EscapeDataString(filter), token)));
    }

    [Fact]
    public async Task Volume_filters_compare_the_same_way()
    {
        var token = await TokenAsync();

        var byName = await CinderGetAsync(Volume + "volumes?name=DATA-01", token);
        var byStatus = await CinderGetAsync(Volume + "volumes?status=In-Use", token);

        Assert.Equal(Seed.VolumeData01, Assert.Single(byName.GetProperty("volumes").EnumerateArray()).GetProperty("id").GetString());
        Assert.Equal(Seed.VolumeDb01, Assert.Single(byStatus.GetProperty("volumes").EnumerateArray()).GetProperty("id").GetString());
    }
}
