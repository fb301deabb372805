using System.Runtime.InteropServices;
using OpenStackSnapshot.Client.Auth;
using OpenStackSnapshot.Client.Config;
using OpenStackSnapshot.Client.Errors;
using Xunit;

namespace OpenStackSnapshot.Client.Tests;

/// <summary>
/// The resolution rules the openstack CLI cannot check here (Windows and macOS folders, what becomes of the settings
/// at sign-in); the CLI-comparable rules are held to the CLI by the integration suite's oracle test.
/// </summary>
public sealed class CloudConfigTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "oss-config-" + Guid.NewGuid().ToString("N")[..8]);

    public CloudConfigTests() => Directory.CreateDirectory(_root);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    /// <summary>How Connect-OSCloud spells its parameters for the client's messages.</summary>
    private static string CmdletSpelling(string parameter) => "-" + parameter;

    private ConfigEnvironment Environment(OSPlatform platform, params (string Name, string Value)[] variables) =>
        new(variables.ToDictionary(v => v.Name, v => v.Value), Path.Combine(_root, "cwd"), Path.Combine(_root, "home"), platform);

    private string Write(string relative, string text)
    {
        var path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void SearchFolders_FollowTheCliOrderOnEachPlatform()
    {
        var home = Path.Combine(_root, "home");
        Assert.Equal(
            new[]
            {
                Path.Combine(_root, "cwd"), Path.Combine(_root, "xdg", "openstack"), Path.Combine(home, ".config", "openstack"),
                "/etc/xdg/openstack", "/etc/openstack",
            },
            Environment(OSPlatform.Linux, ("XDG_CONFIG_HOME", Path.Combine(_root, "xdg"))).SearchFolders());
        Assert.Equal(
            new[]
            {
                Path.Combine(_root, "cwd"), Path.Combine("L", "OpenStack", "openstack"), Path.Combine("R", "openstack"),
                Path.Combine(home, ".config", "openstack"), Path.Combine("P", "OpenStack", "openstack"), "/etc/openstack",
            },
            Environment(OSPlatform.Windows, ("LOCALAPPDATA", "L"), ("APPDATA", "R"), ("ProgramData", "P")).SearchFolders());
        Assert.Contains(Path.Combine(home, "Library", "Application Support", "openstack"), Environment(OSPlatform.OSX).SearchFolders());
    }

    [Fact]
    public void ClientConfigFile_IsTriedFirst_ThenTheFolders()
    {
        var candidates = Environment(OSPlatform.Linux, ("OS_CLIENT_CONFIG_FILE", "/x/my.yaml")).Candidates("clouds", "OS_CLIENT_CONFIG_FILE");
        Assert.Equal("/x/my.yaml", candidates[0]);
        Assert.Equal(Path.Combine(_root, "cwd", "clouds.yaml"), candidates[1]);
        Assert.Equal(Path.Combine(_root, "cwd", "clouds.yml"), candidates[2]);
        Assert.Equal(Path.Combine(_root, "cwd", "clouds.json"), candidates[3]);
    }

    [Fact]
    public void PasswordCloud_BecomesPasswordAuth_WithDomainsDefaultedById()
    {
        Write("cwd/clouds.yaml",
            "clouds:\n  a:\n    auth:\n      auth_url: https://k.test/v3\n      username: alice\n      password: pw\n"
            + "      project_name: p\n    api_timeout: 12.5\n");
        var config = CloudConfigResolver.Resolve(
            new CloudConfigRequest { Cloud = "a" }, Environment(OSPlatform.Linux, ("OS_DEFAULT_DOMAIN", "corp")));
        var options = config.ToConnectionOptions();
        var auth = Assert.IsType<PasswordAuth>(options.Auth);
        Assert.Equal("alice", auth.UserName);
        Assert.Equal("corp", auth.UserDomainId);
        Assert.Equal("corp", auth.ProjectDomainId);
        Assert.Equal(TimeSpan.FromSeconds(13), options.Timeout);
        Assert.Equal("OS_DEFAULT_DOMAIN", config.Source[nameof(CloudConfig.UserDomainId)]);
    }

    [Fact]
    public void ExplicitParameters_WinOverEnvironmentAndFile()
    {
        Write("cwd/clouds.yaml",
            "clouds:\n  a:\n    auth: {auth_url: 'https://file.test/v3', username: file, password: pw, project_name: p}\n"
            + "    region_name: R1,R2\n");
        var request = new CloudConfigRequest { Cloud = "a", ParameterSpelling = CmdletSpelling }
            .Set(SettingKeys.UserName.Name, "param", "Credential")
            .Set(SettingKeys.Region.Name, "R2", "Region");
        var config = CloudConfigResolver.Resolve(request, Environment(OSPlatform.Linux, ("OS_USERNAME", "env"), ("OS_REGION_NAME", "R1")));
        Assert.Equal("param", config.UserName);
        Assert.Equal("parameter -Credential", config.Source[nameof(CloudConfig.UserName)]);
        Assert.Equal("R2", config.Region);
    }

    [Fact]
    public void ApplicationCredentialByName_NeedsItsUser()
    {
        Write("cwd/clouds.yaml",
            "clouds:\n  a:\n    auth_type: v3applicationcredential\n"
            + "    auth: {auth_url: 'https://k.test/v3', application_credential_name: nightly, application_credential_secret: s}\n");
        var config = CloudConfigResolver.Resolve(new CloudConfigRequest { Cloud = "a" }, Environment(OSPlatform.Linux));
        var error = Assert.Throws<OpenStackException>(() => config.ToConnectionOptions());
        Assert.Equal(OpenStackErrorKind.InvalidConfiguration, error.Kind);
        Assert.Contains("has no auth.username", error.Message);
        Assert.Contains("clouds.yaml:3", error.Message); // where the cloud's settings begin
    }

    [Fact]
    public void MissingPassword_SaysWhichSecureYamlWasRead_AndThatOneBesideTheConfigFileNeedsOsClientSecureFile()
    {
        // As for the CLI, a secure.yaml beside the clouds.yaml OS_CLIENT_CONFIG_FILE names is not read.
        var clouds = Write("elsewhere/clouds.yaml", "clouds:\n  a:\n    auth: {auth_url: 'https://k.test/v3', username: u, project_name: p}\n");
        Write("elsewhere/secure.yaml", "clouds:\n  a:\n    auth: {password: pw}\n");
        var error = Assert.Throws<OpenStackException>(() => CloudConfigResolver.Resolve(
            new CloudConfigRequest { Cloud = "a" }, Environment(OSPlatform.Linux, ("OS_CLIENT_CONFIG_FILE", clouds))).ToConnectionOptions());
        Assert.EndsWith("has no auth.password, and no secure.yaml was found.", error.Message);
        Assert.Contains(
            "secure.yaml is read from the folders searched for clouds.yaml or from OS_CLIENT_SECURE_FILE, never from beside a clouds.yaml "
            + "that OS_CLIENT_CONFIG_FILE names: for a secure.yaml elsewhere, set OS_CLIENT_SECURE_FILE to its path.",
            error.RecommendedAction);

        var secure = Write("elsewhere/other.yaml", "clouds:\n  b:\n    auth: {password: pw}\n");
        var both = Environment(OSPlatform.Linux, ("OS_CLIENT_CONFIG_FILE", clouds), ("OS_CLIENT_SECURE_FILE", secure));
        error = Assert.Throws<OpenStackException>(
            () => CloudConfigResolver.Resolve(new CloudConfigRequest { Cloud = "a" }, both).ToConnectionOptions());
        Assert.EndsWith($"has no auth.password, nor has the secure.yaml read ({secure}).", error.Message);
        Assert.Contains("OS_CLIENT_SECURE_FILE", error.RecommendedAction);
    }

    [Fact]
    public void AuthType_IsInferredFromTheCredentialsPresent()
    {
        Write("cwd/clouds.yaml",
            "clouds:\n  app:\n    auth: {auth_url: 'https://k.test/v3', application_credential_id: id, application_credential_secret: s}\n"
            + "  tok:\n    auth: {auth_url: 'https://k.test/v3', token: t}\n");
        Assert.IsType<ApplicationCredentialAuth>(
            CloudConfigResolver.Resolve(new CloudConfigRequest { Cloud = "app" }, Environment(OSPlatform.Linux)).ToConnectionOptions().Auth);
        Assert.IsType<TokenAuth>(
            CloudConfigResolver.Resolve(new CloudConfigRequest { Cloud = "tok" }, Environment(OSPlatform.Linux)).ToConnectionOptions().Auth);
    }

    [Fact]
    public void NoCloudNamedAndNoSettings_ListsTheCloudsConfigured()
    {
        var path = Write("cwd/clouds.yaml",
            "clouds:\n  prod:\n    auth: {auth_url: 'https://k.test/v3'}\n  lab:\n    auth: {auth_url: 'https://l.test/v3'}\n");
        Write("cwd/secure.yaml", "clouds:\n  prod:\n    auth: {password: pw}\n  staging:\n    auth: {password: pw}\n");
        var config = CloudConfigResolver.Resolve(
            new CloudConfigRequest { ParameterSpelling = CmdletSpelling }.Set(SettingKeys.AuthUrl.Name, null, "AuthUrl"),
            Environment(OSPlatform.Linux));

        var error = Assert.Throws<OpenStackException>(() => config.ToConnectionOptions());

        Assert.Equal(OpenStackErrorKind.InvalidConfiguration, error.Kind);
        Assert.EndsWith($"so the configuration has no auth.auth_url. The clouds configured in {path}: prod, lab, staging.", error.Message);
        Assert.Equal("Name one of those clouds (OS_CLOUD), set OS_AUTH_URL, or pass -AuthUrl.", error.RecommendedAction);
        Assert.Equal(error.Message, config.Problem()!.Message); // Get-OSCloudConfig says the same
    }

    [Fact]
    public void NoCloudNamedAndNoClouds_SaysWhereItLooked()
    {
        var environment = Environment(OSPlatform.Linux, ("XDG_CONFIG_DIRS", Path.Combine(_root, "site")));
        // The one folder a test cannot move is /etc/openstack: on a machine with a clouds.yaml there, the case above is this one.
        if (environment.Candidates("clouds", "OS_CLIENT_CONFIG_FILE").Any(File.Exists)) return;

        var error = Assert.Throws<OpenStackException>(() => CloudConfigResolver.Resolve(new CloudConfigRequest(), environment).ToConnectionOptions());

        Assert.EndsWith(
            "has no auth.auth_url. No cloud is configured in any clouds.yaml: "
            + $"none was found in {string.Join(", ", environment.SearchFolders())}.",
            error.Message);
        Assert.Contains(Path.Combine(_root, "cwd"), error.Message);
        Assert.StartsWith("Add a cloud to a clouds.yaml (OS_CLIENT_CONFIG_FILE names one elsewhere), set OS_AUTH_URL", error.RecommendedAction);
    }

    [Theory]
    [InlineData("", null, false)]
    [InlineData("status_code_retries: 5", null, false)] // statuses only: a refused first sign-in still gives up soon
    [InlineData("retry_budget: 600", null, true)]
    [InlineData("connect_retries: 20", null, true)]
    [InlineData("compute_connect_retries: 20", null, true)]
    [InlineData("", "MaximumRetryCount", true)]
    [InlineData("", "RetryBudgetSec", true)]
    public void TheRetries_AreChosen_OnlyWhenAFileOrAParameterSetsThem(string line, string? parameter, bool chosen)
    {
        Write("cwd/clouds.yaml",
            $"clouds:\n  a:\n    auth: {{auth_url: 'https://k.test/v3', username: u, password: pw, project_name: p}}\n    {line}\n");
        var request = new CloudConfigRequest { Cloud = "a" };
        if (parameter == "MaximumRetryCount") request.Set(SettingKeys.ConnectRetries.Name, "0", parameter);
        if (parameter == "RetryBudgetSec") request.Set(SettingKeys.RetryBudget.Name, "300", parameter);
        var options = CloudConfigResolver.Resolve(request, Environment(OSPlatform.Linux)).ToConnectionOptions();
        Assert.Equal(chosen, options.RetriesChosen);
    }

    [Theory]
    [InlineData("auth_type: kerberos", "auth_type")]
    [InlineData("interface: sideways", "interface")]
    [InlineData("verify: /path/ca.pem", "verify")]
    [InlineData("api_timeout: soon", "api_timeout")]
    [InlineData("compute_api_version: '3.0'", "compute")]
    [InlineData("compute_api_version: '2.95'", "2.35")]
    public void BadValues_AreClearErrorsNamingTheKey(string line, string named)
    {
        Write("cwd/clouds.yaml",
            $"clouds:\n  a:\n    auth: {{auth_url: 'https://k.test/v3', username: u, password: pw, project_name: p}}\n    {line}\n");
        var error = Assert.Throws<OpenStackException>(
            () => CloudConfigResolver.Resolve(new CloudConfigRequest { Cloud = "a" }, Environment(OSPlatform.Linux)).ToConnectionOptions());
        Assert.Contains(named, error.Message);
    }

    [Fact]
    public void AListWhereAValueBelongs_NamesFileAndLine()
    {
        var path = Write("cwd/clouds.yaml", "clouds:\n  a:\n    auth:\n      username: [u1, u2]\n");
        var error = Assert.Throws<OpenStackException>(
            () => CloudConfigResolver.Resolve(new CloudConfigRequest { Cloud = "a" }, Environment(OSPlatform.Linux)));
        Assert.Equal(OpenStackErrorKind.InvalidConfiguration, error.Kind);
        Assert.Contains($"{path}:4", error.Message);
    }

    [Fact]
    public void SecretsFromFiles_AreHeldAsReadOnlySecureStrings_AndNeverInTheObject()
    {
        Write("cwd/clouds.yaml",
            "clouds:\n  a:\n    auth: {auth_url: 'https://k.test/v3', username: u, password: very-secret-pw, project_name: p}\n");
        var config = CloudConfigResolver.Resolve(new CloudConfigRequest { Cloud = "a" }, Environment(OSPlatform.Linux));
        Assert.True(config.HasPassword);
        Assert.DoesNotContain(
            typeof(CloudConfig).GetProperties(),
            p => p.PropertyType == typeof(string) && (p.GetValue(config) as string)?.Contains("very-secret-pw") == true);
        var auth = Assert.IsType<PasswordAuth>(config.ToConnectionOptions().Auth);
        Assert.Equal("very-secret-pw", AuthMethod.Reveal(auth.Password));
        auth.Dispose();
        Assert.True(config.HasPassword); // the session's copy is wiped on disconnect; the resolved settings keep theirs
    }

    [Fact]
    public void Microversion_AcceptsOnlyTwoPointOneToTwoPointThirtyFive()
    {
        Assert.Equal("2.35", ComputeMicroversion.Parse("2.35", "t").ToString());
        Assert.Equal("2.1", ComputeMicroversion.Parse(" 2.1 ", "t").ToString());
        foreach (var bad in new[] { "2.36", "2.0", "2", "2.x", "3.1", "2.-1", "latest" })
            Assert.Equal(OpenStackErrorKind.InvalidArgument, Assert.Throws<OpenStackException>(() => ComputeMicroversion.Parse(bad, "t")).Kind);
    }
}
