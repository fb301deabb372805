# The openstack CLI (Debian's python3-openstackclient, which the real-OpenStack harness installs) is the oracle for
# how configuration resolves: for every fixture of CloudConfigFixtures.psd1, `openstack configuration show -f json`
# and Get-OSCloudConfig must pick the same cloud, region, interface, project, user, domains, TLS settings and
# microversion, and fail for the same fixtures. The matrix is written to out/test-results/cloud-config-oracle.md.
BeforeDiscovery {
    $script:Fixtures = (Import-PowerShellDataFile (Join-Path $PSScriptRoot 'CloudConfigFixtures.psd1')).Fixtures
    $script:NoCli = -not (Get-Command openstack -CommandType Application -ErrorAction SilentlyContinue)
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'RealOpenStackTestSetup.ps1')
    $script:Rows = [System.Collections.Generic.List[string]]::new()

    # Lays a fixture out in a fresh folder: home/.config/openstack, cwd, and a folder for OS_CLIENT_CONFIG_FILE.
    function New-FixtureTree($Fixture) {
        $root = New-TestFolder 'oss-oracle'
        $tree = @{ Root = $root; Home = (Join-Path $root 'home'); Cwd = (Join-Path $root 'cwd'); Environment = @{} }
        $folders = @{ Home = (Join-Path $tree.Home '.config/openstack'); Cwd = $tree.Cwd; File = (Join-Path $root 'elsewhere') }
        foreach ($folder in $folders.Values) { New-Item -ItemType Directory -Path $folder -Force | Out-Null }
        foreach ($place in 'Home', 'Cwd', 'File') {
            $files = $Fixture["${place}Files"]
            if (-not $files) { continue }
            foreach ($file in $files.Keys) {
                $path = Join-Path $folders[$place] $file
                Set-Content -Path $path -Value $files[$file] -NoNewline
                if ($place -eq 'File') { $tree.Environment['OS_CLIENT_CONFIG_FILE'] = $path }
            }
        }
        if ($Fixture.Environment) { foreach ($key in $Fixture.Environment.Keys) { $tree.Environment[$key] = $Fixture.Environment[$key] } }
        $tree
    }

    # The CLI in a clean environment: only HOME, PATH and the fixture's variables.
    function Invoke-Oracle($Tree, [string] $Cloud) {
        $arguments = @('-i', "HOME=$($Tree.Home)", 'PATH=/usr/bin:/bin', 'LANG=C.UTF-8')
        foreach ($key in $Tree.Environment.Keys) { $arguments += "$key=$($Tree.Environment[$key])" }
        $arguments += 'openstack', 'configuration', 'show', '-f', 'json'
        if ($Cloud) { $arguments += '--os-cloud', $Cloud }
        Push-Location $Tree.Cwd
        try { $output = & env @arguments 2>&1; $exit = $LASTEXITCODE } finally { Pop-Location }
        $text = ($output | ForEach-Object { "$_" }) -join "`n"
        [pscustomobject]@{ Failed = $exit -ne 0; Text = $text; Json = $(if ($exit -eq 0) { $text | ConvertFrom-Json -AsHashtable }) }
    }

    # The module in this process, with the same environment (every other OS_* and XDG_* variable cleared).
    function Invoke-Module($Tree, [string] $Cloud) {
        $saved = Clear-OSEnvironment -Also (@([Environment]::GetEnvironmentVariables().Keys | Where-Object { $_ -like 'XDG_*' }) + 'HOME')
        try {
            [Environment]::SetEnvironmentVariable('HOME', $Tree.Home)
            foreach ($key in $Tree.Environment.Keys) { [Environment]::SetEnvironmentVariable($key, $Tree.Environment[$key]) }
            Push-Location $Tree.Cwd
            try {
                $parameters = @{}; if ($Cloud) { $parameters.Cloud = $Cloud }
                # Only a terminating error fails the fixture; what would stop Connect-OSCloud is written beside the object.
                [pscustomobject]@{ Config = (Get-OSCloudConfig @parameters -ErrorAction SilentlyContinue); Error = $null }
            }
            catch { [pscustomobject]@{ Config = $null; Error = $_ } }
            finally { Pop-Location }
        }
        finally { Restore-OSEnvironment $saved }
    }

    # What the CLI ends up using. configuration show prints before the auth plugin is loaded, so a credential given
    # on the command line or in OS_* stands at the top level next to the file's auth.*; loading it makes the top
    # level win (osc-lib's _validate_auth), which is what is compared. Project and domain keys are already in auth.*.
    function Get-OracleValue([hashtable] $Json, [string] $Key) {
        $top = $Json[$Key]; $auth = $Json["auth.$Key"]
        $value = if ($null -ne $top -and "$top" -ne '') { $top } else { $auth }
        if ($null -eq $value -or "$value" -eq '') { $null } else { "$value" }
    }

    function Compare-Resolution($Json, $Config, $Fixture) {
        $differences = @()
        $pairs = [ordered]@{
            AuthUrl = 'auth_url'; UserName = 'username'; UserId = 'user_id'; ProjectName = 'project_name'; ProjectId = 'project_id'
            UserDomainName = 'user_domain_name'; ProjectDomainName = 'project_domain_name'; ApplicationCredentialId = 'application_credential_id'
            CACertificatePath = 'cacert'; ClientCertificatePath = 'cert'; ClientKeyPath = 'key'
        }
        foreach ($property in $pairs.Keys) {
            $expected = Get-OracleValue $Json $pairs[$property]
            if ("$expected" -ne "$($Config.$property)") { $differences += "$property cli='$expected' module='$($Config.$property)'" }
        }
        # Domain ids: compared where the CLI prints one (it adds OS_DEFAULT_DOMAIN only when it loads the plugin).
        foreach ($pair in @(@('UserDomainId', 'user_domain_id'), @('ProjectDomainId', 'project_domain_id'))) {
            $expected = Get-OracleValue $Json $pair[1]
            if ($expected -and $expected -ne $Config.($pair[0])) { $differences += "$($pair[0]) cli='$expected' module='$($Config.($pair[0]))'" }
        }
        if (-not $Json['auth.user_domain_name'] -and -not $Json['auth.user_domain_id'] -and $Config.UserName -and
            $Config.UserDomainId -ne $Json['default_domain']) {
            $differences += "UserDomainId cli-default='$($Json['default_domain'])' module='$($Config.UserDomainId)'"
        }
        $secretKeys = @(@('HasPassword', 'password'), @('HasApplicationCredentialSecret', 'application_credential_secret'), @('HasToken', 'token'))
        foreach ($secret in $secretKeys) {
            $present = [bool](Get-OracleValue $Json $secret[1])
            if ($present -ne $Config.($secret[0])) { $differences += "$($secret[0]) cli=$present module=$($Config.($secret[0]))" }
        }
        $region = Get-OracleValue $Json 'region_name'
        if ("$region" -ne "$($Config.Region)") { $differences += "Region cli='$region' module='$($Config.Region)'" }
        if ($Json['interface'] -ne $Config.Interface) { $differences += "Interface cli='$($Json['interface'])' module='$($Config.Interface)'" }
        if ([bool]$Json['verify'] -ne $Config.VerifyCertificate) {
            $differences += "VerifyCertificate cli=$($Json['verify']) module=$($Config.VerifyCertificate)"
        }
        $microversion = if ($Json['compute_api_version']) { "$($Json['compute_api_version'])" } else { '2.1' }
        if ($microversion -ne $Config.ComputeApiVersion) {
            $differences += "ComputeApiVersion cli='$microversion' module='$($Config.ComputeApiVersion)'"
        }
        $timeout = if ($null -ne $Json['api_timeout']) { [int]$Json['api_timeout'] } else { 60 }
        if ($timeout -ne $Config.TimeoutSec) { $differences += "TimeoutSec cli=$timeout module=$($Config.TimeoutSec)" }
        $cloud = if ($Json['cloud']) { $Json['cloud'] }
            elseif ($Json.Keys -contains 'auth_url' -or $Json.Keys -contains 'username') { 'envvars' }
            else { $null }
        if ("$cloud" -ne "$($Config.Name)") { $differences += "Name cli='$cloud' module='$($Config.Name)'" }
        # auth_type: the CLI prints 'password' when none is set (and would fail for an application credential); the
        # module infers it from the credentials present. Compared where the fixture says it.
        $fileTexts = (@($Fixture.HomeFiles, $Fixture.CwdFiles, $Fixture.FileFiles) | ForEach-Object { if ($_) { $_.Values } }) -join ''
        $explicitType = "$($Fixture.Environment.OS_AUTH_TYPE)$fileTexts" -match 'auth_type'
        if ($explicitType) {
            $type = switch ($Json['auth_type']) { 'v3password' { 'password' } 'v3token' { 'token' } default { $_ } }
            if ($type -ne $Config.AuthType) { $differences += "AuthType cli='$type' module='$($Config.AuthType)'" }
        }
        $differences
    }
}

AfterAll {
    if ($script:Rows.Count) {
        $results = Join-Path $script:RepoRoot 'out/test-results'
        New-Item -ItemType Directory -Path $results -Force | Out-Null
        @('| fixture | openstack CLI | Get-OSCloudConfig | same |', '|---|---|---|---|') + $script:Rows |
            Set-Content (Join-Path $results 'cloud-config-oracle.md')
    }
}

Describe 'Configuration resolves as the openstack CLI resolves it' -Skip:$script:NoCli {
    It '<Name>' -ForEach $script:Fixtures {
        $fixture = $_
        $tree = New-FixtureTree $fixture
        try {
            $oracle = Invoke-Oracle $tree $fixture.Cloud
            $module = Invoke-Module $tree $fixture.Cloud
            if ($fixture.Error) {
                $oracle.Failed | Should -BeTrue -Because "the CLI refuses this fixture too: $($oracle.Text)"
                $module.Error.FullyQualifiedErrorId | Should -BeLike "$($fixture.Error),*"
                $cliError = ($oracle.Text -split "`n")[-1]
                $moduleError = "$($module.Error.FullyQualifiedErrorId.Split(',')[0]): $($module.Error.Exception.Message)"
                $script:Rows.Add("| $($fixture.Name) | error: $cliError | $moduleError | yes |")
                return
            }
            $oracle.Failed | Should -BeFalse -Because $oracle.Text
            $module.Error | Should -BeNullOrEmpty
            $differences = @(Compare-Resolution $oracle.Json $module.Config $fixture)
            $c = $module.Config
            $summary = "cloud=$($c.Name) user=$($c.UserName ?? $c.UserId ?? $c.ApplicationCredentialId) project=$($c.ProjectName ?? $c.ProjectId) " +
                "region=$($c.Region) interface=$($c.Interface) verify=$($c.VerifyCertificate) microversion=$($c.ComputeApiVersion)"
            $verdict = if ($differences) { 'differs' } else { 'same settings' }
            $same = if ($differences) { 'no: ' + ($differences -join '; ') } else { 'yes' }
            $script:Rows.Add("| $($fixture.Name) | $verdict | $summary | $same |")
            $differences | Should -BeNullOrEmpty

            # Better than the CLI: it prints OS_PASSWORD and application credential secrets even when masking (a
            # credential given in OS_* stands outside auth.*, which is all it masks); the module shows no secret.
            $secrets = [regex]::Matches(($fixture | ConvertTo-Json -Depth 5), 'secret-[A-Za-z0-9-]+') | ForEach-Object Value | Sort-Object -Unique
            $shown = ($c | Format-List * | Out-String) + ($c | ConvertTo-Json -Depth 5)
            foreach ($secret in $secrets) { $shown | Should -Not -Match ([regex]::Escape($secret)) }
        }
        finally { Remove-Item $tree.Root -Recurse -Force -ErrorAction SilentlyContinue }
    }

    It 'the CLI itself prints secrets from OS_* while masking; the module never does' {
        $tree = New-FixtureTree @{
            Environment = @{
                OS_AUTH_URL = 'http://env.example/v3'; OS_USERNAME = 'u'; OS_PASSWORD = 'secret-leak-pw'; OS_PROJECT_NAME = 'p'
                OS_APPLICATION_CREDENTIAL_SECRET = 'secret-leak-ac'
            }
        }
        try {
            (Invoke-Oracle $tree).Text |
                Should -Match 'secret-leak-pw' -Because 'osc-lib 2.6 masks only auth.* keys (documented here, so a fixed CLI shows up)'
            $module = Invoke-Module $tree
            (($module.Config | Format-List * | Out-String) + ($module.Config | ConvertTo-Json -Depth 5)) | Should -Not -Match 'secret-leak'
            $module.Config.HasPassword | Should -BeTrue
        }
        finally { Remove-Item $tree.Root -Recurse -Force -ErrorAction SilentlyContinue }
    }
}
