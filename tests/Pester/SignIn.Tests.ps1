# Signing in the OpenStack way against the emulator: clouds.yaml and secure.yaml, OS_* variables, Get-OSCloudConfig,
# tab completion, tokens, the microversion setting and configuration errors. The resolution rules themselves are
# held to the openstack CLI by tests/Integration/CloudConfigOracle.Tests.ps1.
BeforeAll {
    . (Join-Path $PSScriptRoot 'EmulatorTestSetup.ps1')
    Import-Module (Join-Path $script:RepoRoot 'build/RawOpenStack.psm1') -Force
    $script:Emulator = Start-Emulator
    $script:Files = New-TestCloudsFolder $script:Emulator 'oss-signin'
    $script:Folder = $script:Files.Folder
    $script:Clouds = $script:Files.Clouds
    $script:Secure = $script:Files.Secure
}
AfterAll {
    Stop-Emulator $script:Emulator
    Remove-Item $script:Folder -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'Connect-OSCloud with clouds.yaml' {
    BeforeEach {
        Reset-Emulator $script:Emulator
        $script:SavedEnvironment = Use-TestCloudsYaml $script:Files
    }
    AfterEach { Restore-OSEnvironment $script:SavedEnvironment }

    It 'connects to a cloud by name, with the password from secure.yaml, and names the session after it' {
        $session = Connect-OSCloud -Cloud mycloud -RetryIntervalSec 0
        $session.Name | Should -Be 'mycloud'
        $session.ProjectName | Should -Be 'demo'
        $session.Region | Should -Be 'RegionOne'
        (New-OSSnapshot -VolumeId $script:VolumeAvailable -Name from-yaml).VolumeId | Should -Be $script:VolumeAvailable
    }

    It 'connects to the cloud OS_CLOUD names, as the CLI does' {
        $env:OS_CLOUD = 'appcloud'
        $session = Connect-OSCloud
        $session.Name | Should -Be 'appcloud'
        $session.AuthType | Should -Be 'v3applicationcredential'
    }

    It 'lets an explicit project name win over a project id from the file or OS_PROJECT_ID' {
        $env:OS_PROJECT_ID = 'ffffffffffffffffffffffffffffffff'
        (Get-OSCloudConfig -Cloud mycloud).ProjectId | Should -Be 'ffffffffffffffffffffffffffffffff'
        $session = Connect-OSCloud -Cloud mycloud -ProjectName demo
        $session.ProjectName | Should -Be 'demo'
    }

    It 'lets parameters win over the file' {
        $session = Connect-OSCloud -Cloud mycloud -Region RegionTwo -Name prod2
        $session.Region | Should -Be 'RegionTwo'
        $session.Name | Should -Be 'prod2'
    }

    It 'reads a clouds.yaml in the current directory when no file is named' {
        $env:OS_CLIENT_CONFIG_FILE = $null; $env:OS_CLIENT_SECURE_FILE = $null
        Push-Location $script:Folder
        try { (Connect-OSCloud -Cloud mycloud).Name | Should -Be 'mycloud' } finally { Pop-Location }
    }

    It 'tab-completes cloud names for -Cloud' {
        $line = 'Connect-OSCloud -Cloud my'
        $completions = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText
        $completions | Should -Contain 'mycloud'
        $completions | Should -Not -Contain 'appcloud'
        $line = 'Get-OSCloudConfig -Cloud '
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText |
            Should -Be @('mycloud', 'appcloud', 'tokencloud', 'nopassword')
    }

    It 'stops with OSCloudNotFound naming the file and the clouds it has' {
        $record = $null
        try { Connect-OSCloud -Cloud nope } catch { $record = $_ }
        $record.FullyQualifiedErrorId | Should -Be 'OSCloudNotFound,OpenStackSnapshot.Commands.ConnectOSCloudCommand'
        $record.Exception.Message | Should -Match ([regex]::Escape($script:Clouds))
        $record.Exception.Message | Should -Match 'mycloud, appcloud'
        $record.ErrorDetails.RecommendedAction | Should -Not -BeNullOrEmpty
    }

    It 'stops with OSInvalidConfiguration naming the file and line of a YAML error' {
        $bad = Join-Path $script:Folder 'bad.yaml'
        "clouds:`n  broken:`n    auth: {auth_url: [`n" | Set-Content $bad -NoNewline
        $env:OS_CLIENT_CONFIG_FILE = $bad
        $record = $null
        try { Connect-OSCloud -Cloud broken } catch { $record = $_ }
        $record.FullyQualifiedErrorId | Should -Be 'OSInvalidConfiguration,OpenStackSnapshot.Commands.ConnectOSCloudCommand'
        $record.CategoryInfo.Category | Should -Be 'InvalidData'
        $record.Exception.Message | Should -Match "$([regex]::Escape($bad)).*line 4"
    }

    It 'stops with OSInvalidConfiguration naming the missing key, and sends nothing' {
        $record = $null
        try { Connect-OSCloud -Cloud nopassword } catch { $record = $_ }
        $record.FullyQualifiedErrorId | Should -Be 'OSInvalidConfiguration,OpenStackSnapshot.Commands.ConnectOSCloudCommand'
        $record.Exception.Message | Should -Match ("cloud 'nopassword' \($([regex]::Escape($script:Clouds)):\d+\) has no auth\.password, " +
            "nor has the secure\.yaml read \($([regex]::Escape($script:Secure))\)\.")
        $record.ErrorDetails.RecommendedAction | Should -Match 'OS_PASSWORD'
        # Where a secure.yaml is read from, since one beside a clouds.yaml named by OS_CLIENT_CONFIG_FILE is not.
        $record.ErrorDetails.RecommendedAction | Should -BeLike ('*secure.yaml is read from the folders searched for clouds.yaml ' +
            'or from OS_CLIENT_SECURE_FILE*set OS_CLIENT_SECURE_FILE to its path.*')
        Get-EmulatorRequestCount $script:Emulator 'identity.tokens' | Should -Be 0
    }

    It 'refuses compute_api_version 2.36 before any request, saying why' {
        $record = $null
        try { Connect-OSCloud -Cloud mycloud -ComputeApiVersion 2.36 } catch { $record = $_ }
        $record.FullyQualifiedErrorId | Should -Be 'OSInvalidArgument,OpenStackSnapshot.Commands.ConnectOSCloudCommand'
        $record.Exception.Message | Should -Match 'only up to microversion 2\.35'
        Get-EmulatorRequestCount $script:Emulator 'identity.tokens' | Should -Be 0
    }

    It 'sends the chosen microversion and explains a 404 from the version document' {
        $session = Connect-OSCloud -Cloud mycloud -ComputeApiVersion 2.20
        $session.ComputeApiVersion | Should -Be '2.20'
        @(Get-OSSnapshot).Count | Should -Be 0
        $notFound = '{"itemNotFound": {"code": 404, "message": "The resource could not be found."}}'
        Set-EmulatorFault $script:Emulator -Route 'snapshots.detail' -Status 404 -Body $notFound
        $record = $null
        try { Get-OSSnapshot } catch { $record = $_ }
        $record.FullyQualifiedErrorId | Should -Be 'OSApiNotAvailable,OpenStackSnapshot.Commands.GetOSSnapshotCommand'
        $record.Exception.Message | Should -Match 'microversion 2\.20'
        $record.Exception.Message | Should -Match "Nova's v2\.1 API with microversions 2\.1 to 2\.\d+, so it lacks the os-snapshots proxy API"
        Get-EmulatorRequestCount $script:Emulator 'compute.versions' | Should -Be 1
    }
}

Describe 'Connect-OSCloud from OS_* variables' {
    BeforeEach { Reset-Emulator $script:Emulator; $script:SavedEnvironment = Clear-OSEnvironment }
    AfterEach { Restore-OSEnvironment $script:SavedEnvironment }

    It 'signs in with an openrc environment and no parameters' {
        $env:OS_AUTH_URL = $script:Emulator.AuthUrl; $env:OS_USERNAME = 'demo'; $env:OS_PASSWORD = 'demo-secret'
        $env:OS_PROJECT_NAME = 'demo'; $env:OS_USER_DOMAIN_NAME = 'Default'; $env:OS_PROJECT_DOMAIN_ID = 'default'; $env:OS_REGION_NAME = 'RegionTwo'
        $session = Connect-OSCloud
        $session.Name | Should -Be 'envvars'
        $session.Region | Should -Be 'RegionTwo'
        $config = Get-OSCloudConfig
        $config.Source.UserName | Should -Be 'OS_USERNAME'
        $config.Source.HasPassword | Should -Be 'OS_PASSWORD'
        $config.HasPassword | Should -BeTrue
    }

    It 'says what is missing when nothing is configured' {
        $record = $null
        try { Connect-OSCloud } catch { $record = $_ }
        $record.FullyQualifiedErrorId | Should -Be 'OSInvalidConfiguration,OpenStackSnapshot.Commands.ConnectOSCloudCommand'
        $record.Exception.Message | Should -Match 'auth\.auth_url'
        $record.ErrorDetails.RecommendedAction | Should -Match 'OS_AUTH_URL.*-AuthUrl'
    }

    It 'lists the clouds of clouds.yaml when none is named and nothing else is set' {
        $env:OS_CLIENT_CONFIG_FILE = $script:Clouds
        $env:OS_CLIENT_SECURE_FILE = $script:Secure
        $record = $null
        try { Connect-OSCloud } catch { $record = $_ }
        $record.FullyQualifiedErrorId | Should -Be 'OSInvalidConfiguration,OpenStackSnapshot.Commands.ConnectOSCloudCommand'
        $record.CategoryInfo.Category | Should -Be 'InvalidData'
        $record.Exception.Message | Should -BeExactly (
            'No cloud was named (OS_CLOUD) and no OS_* variable describes one, so the configuration has no auth.auth_url. ' +
            "The clouds configured in $($script:Clouds): mycloud, appcloud, tokencloud, nopassword.")
        $record.ErrorDetails.RecommendedAction |
            Should -BeLike 'Name one of those clouds (OS_CLOUD), set OS_AUTH_URL, or pass -AuthUrl. *Connect-OSCloud -Cloud <name>*'
    }

    # The one folder a test cannot move is /etc/openstack: a machine with a clouds.yaml there has the case above.
    It 'says where it looked when there is no clouds.yaml at all' -Skip:(
        @(Get-ChildItem /etc/openstack -Filter 'clouds.*' -ErrorAction SilentlyContinue).Count -gt 0) {
        $empty = New-TestFolder 'oss-noclouds'
        $saved = Clear-OSEnvironment -Also HOME, XDG_CONFIG_DIRS
        $record = $null
        try {
            $env:HOME = $empty
            $env:XDG_CONFIG_DIRS = Join-Path $empty 'site'
            Push-Location $empty
            try { Connect-OSCloud } catch { $record = $_ } finally { Pop-Location }
        }
        finally { Restore-OSEnvironment $saved; Remove-Item $empty -Recurse -Force }
        $record.FullyQualifiedErrorId | Should -Be 'OSInvalidConfiguration,OpenStackSnapshot.Commands.ConnectOSCloudCommand'
        $record.CategoryInfo.Category | Should -Be 'InvalidData'
        $folders = $empty, (Join-Path $empty '.config/openstack'), (Join-Path $empty 'site/openstack'), '/etc/openstack'
        $record.Exception.Message | Should -BeExactly (
            'No cloud was named (OS_CLOUD) and no OS_* variable describes one, so the configuration has no auth.auth_url. ' +
            "No cloud is configured in any clouds.yaml: none was found in $($folders -join ', ').")
        $record.ErrorDetails.RecommendedAction |
            Should -BeLike 'Add a cloud to a clouds.yaml (OS_CLIENT_CONFIG_FILE names one elsewhere), set OS_AUTH_URL, or pass -AuthUrl.*'
    }
}

Describe 'Get-OSCloudConfig' {
    BeforeEach { $script:SavedEnvironment = Use-TestCloudsYaml $script:Files }
    AfterEach { Restore-OSEnvironment $script:SavedEnvironment }

    It 'shows the settings that would be used and where each came from, with no secret' {
        $env:OS_INTERFACE = 'internal'
        $config = Get-OSCloudConfig -Cloud mycloud
        $config.Name | Should -Be 'mycloud'
        $config.AuthUrl | Should -Be $script:Emulator.AuthUrl
        $config.Interface | Should -Be 'internal'
        $config.Source.Interface | Should -Be 'OS_INTERFACE'
        $config.Source.AuthUrl | Should -Match "^$([regex]::Escape($script:Clouds)):\d+$"
        $config.Source.HasPassword | Should -Match "^$([regex]::Escape($script:Secure)):\d+$"
        $config.HasPassword | Should -BeTrue
        $config.ConfigFile | Should -Be $script:Clouds
        $config.SecureFile | Should -Be $script:Secure
        $config.PSObject.Properties.Name | Should -Not -Contain 'Password'
        (($config | Format-List * | Out-String) + ($config | ConvertTo-Json -Depth 4)) | Should -Not -Match 'demo-secret'
    }

    It 'shows settings that would not work, and says beside them what would stop Connect-OSCloud' {
        $env:OS_INTERFACE = 'sideways'
        $config = Get-OSCloudConfig -Cloud mycloud -ErrorVariable problems -ErrorAction SilentlyContinue
        $config.Interface | Should -Be 'sideways'
        $problems[0].FullyQualifiedErrorId | Should -Be 'OSInvalidConfiguration,OpenStackSnapshot.Commands.GetOSCloudConfigCommand'
        $problems[0].Exception.Message | Should -Match "interface .*OS_INTERFACE.*'sideways' is not public, internal or admin"
        $env:OS_INTERFACE = $null; $env:OS_COMPUTE_API_VERSION = '2.90'
        Get-OSCloudConfig -Cloud nopassword -ErrorVariable problems -ErrorAction SilentlyContinue | Out-Null
        $problems[0].Exception.Message | Should -Match 'auth\.password'
        { Connect-OSCloud -Cloud mycloud } | Should -Throw -ErrorId 'OSInvalidConfiguration,OpenStackSnapshot.Commands.ConnectOSCloudCommand'
    }

    It 'without -Cloud resolves what Connect-OSCloud with no parameters would use' {
        $env:OS_CLOUD = 'appcloud'
        (Get-OSCloudConfig).Name | Should -Be 'appcloud'
        (Get-OSCloudConfig).HasApplicationCredentialSecret | Should -BeTrue
    }
}

Describe 'Connect-OSCloud -Token' {
    BeforeEach { Reset-Emulator $script:Emulator; $script:SavedEnvironment = Clear-OSEnvironment }
    AfterEach { Restore-OSEnvironment $script:SavedEnvironment; Set-EmulatorSetting $script:Emulator @{ tokenTtlSeconds = 3600 } }

    It 'signs in with an existing token and its catalog, and never revokes it' {
        $raw = Get-RawToken $script:Emulator.AuthUrl (New-TestCredential) 'demo'
        $session = Connect-OSCloud -AuthUrl $script:Emulator.AuthUrl -Token (ConvertTo-SecureString $raw.Token -AsPlainText -Force)
        $session.AuthType | Should -Be 'token'
        $session.ProjectName | Should -Be 'demo'
        Get-EmulatorRequestCount $script:Emulator 'identity.tokens.validate' | Should -Be 1
        @(Get-OSSnapshot -Session $session).Count | Should -Be 0
        Disconnect-OSCloud -Session $session
        Get-EmulatorRequestCount $script:Emulator 'identity.tokens.revoke' | Should -Be 0
        (Send-Raw -Method Get -Url "$($raw.Compute)/os-snapshots" -Headers @{ 'X-Auth-Token' = $raw.Token }).Status | Should -Be 200
    }

    It 'reads OS_TOKEN, and says there is nothing to renew it from once it expires' {
        Set-EmulatorSetting $script:Emulator @{ tokenTtlSeconds = 2 }
        $env:OS_AUTH_URL = $script:Emulator.AuthUrl; $env:OS_TOKEN = (Get-RawToken $script:Emulator.AuthUrl (New-TestCredential) 'demo').Token
        $session = Connect-OSCloud
        $session.AuthType | Should -Be 'token'
        Start-Sleep -Milliseconds 2500
        $record = $null
        try { Get-OSSnapshot -Session $session } catch { $record = $_ }
        $record.FullyQualifiedErrorId | Should -Be 'OSAuthenticationFailed,OpenStackSnapshot.Commands.GetOSSnapshotCommand'
        $record.Exception.Message | Should -Match 'expired at .*nothing to renew it from'
        Get-EmulatorRequestCount $script:Emulator 'snapshots.detail' | Should -Be 0
    }
}
