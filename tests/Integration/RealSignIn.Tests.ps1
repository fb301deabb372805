# Signing in as users do, against the real Keystone and Nova: a clouds.yaml (+ secure.yaml) written from the
# harness's env file, an openrc-style environment, a token from `openstack token issue`, and the microversion setting.
BeforeDiscovery { . (Join-Path $PSScriptRoot 'Discovery.ps1') }

BeforeAll {
    . (Join-Path $PSScriptRoot 'RealOpenStackTestSetup.ps1')
    $script:Folder = New-TestFolder 'oss-real-signin'
    $script:Clouds = Join-Path $script:Folder 'clouds.yaml'
    $script:Secure = Join-Path $script:Folder 'secure.yaml'
    @"
clouds:
  real:
    auth:
      auth_url: $env:OSS_REAL_AUTH_URL
      username: $env:OSS_REAL_MEMBER_USER
      project_name: $env:OSS_REAL_PROJECT
      user_domain_name: $env:OSS_REAL_DOMAIN
      project_domain_name: $env:OSS_REAL_DOMAIN
    region_name: $env:OSS_REAL_REGION
    interface: public
    compute_api_version: '2.35'
  real-appcred:
    auth_type: v3applicationcredential
    auth:
      auth_url: $env:OSS_REAL_AUTH_URL
      application_credential_id: $env:OSS_REAL_APPCRED_ID
"@ | Set-Content $script:Clouds
    "clouds:`n  real:`n    auth:`n      password: '$env:OSS_REAL_MEMBER_PASSWORD'`n" +
        "  real-appcred:`n    auth:`n      application_credential_secret: '$env:OSS_REAL_APPCRED_SECRET'`n" | Set-Content $script:Secure
    $script:Saved = Clear-OSEnvironment
    function Use-CloudsYaml { $env:OS_CLIENT_CONFIG_FILE = $script:Clouds; $env:OS_CLIENT_SECURE_FILE = $script:Secure }
}

AfterAll {
    Restore-OSEnvironment $script:Saved
    Remove-Item $script:Folder -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'Sign-in with the configuration the openstack CLI uses' -Skip:$script:RealSkip {
    AfterEach { Clear-OSEnvironment | Out-Null; Get-OSSession | Disconnect-OSCloud }

    It 'connects with -Cloud from clouds.yaml + secure.yaml to the same project the CLI signs in to' {
        Use-CloudsYaml
        $session = Connect-OSCloud -Cloud real
        $session.Name | Should -Be 'real'
        $session.ProjectId | Should -Be $env:OSS_REAL_PROJECT_ID
        $session.ComputeApiVersion | Should -Be '2.35'
        { Get-OSSnapshot } | Should -Not -Throw
        $cliProject = & openstack --os-cloud real token issue -f value -c project_id
        $LASTEXITCODE | Should -Be 0
        $cliProject | Should -Be $session.ProjectId
    }

    It 'connects with OS_CLOUD and an application credential' {
        Use-CloudsYaml
        $env:OS_CLOUD = 'real-appcred'
        $session = Connect-OSCloud
        $session.AuthType | Should -Be 'v3applicationcredential'
        $session.ProjectId | Should -Be $env:OSS_REAL_PROJECT_ID
        { Get-OSSnapshot } | Should -Not -Throw
    }

    It 'connects from an openrc environment (OS_AUTH_URL, OS_USERNAME, OS_PASSWORD, OS_PROJECT_NAME, ...)' {
        $env:OS_AUTH_URL = $env:OSS_REAL_AUTH_URL; $env:OS_USERNAME = $env:OSS_REAL_MEMBER_USER; $env:OS_PASSWORD = $env:OSS_REAL_MEMBER_PASSWORD
        $env:OS_PROJECT_NAME = $env:OSS_REAL_PROJECT
        $env:OS_USER_DOMAIN_NAME = $env:OSS_REAL_DOMAIN; $env:OS_PROJECT_DOMAIN_NAME = $env:OSS_REAL_DOMAIN
        $env:OS_REGION_NAME = $env:OSS_REAL_REGION; $env:OS_INTERFACE = 'public'
        $session = Connect-OSCloud
        $session.Name | Should -Be 'envvars'
        $session.ProjectId | Should -Be $env:OSS_REAL_PROJECT_ID
        $cliProject = & openstack token issue -f value -c project_id
        $cliProject | Should -Be $session.ProjectId
        { Get-OSSnapshot } | Should -Not -Throw
    }

    It 'signs in by user id, with the default domain left to OS_DEFAULT_DOMAIN' {
        $env:OS_AUTH_URL = $env:OSS_REAL_AUTH_URL; $env:OS_USER_ID = $env:OSS_REAL_MEMBER_USER_ID; $env:OS_PASSWORD = $env:OSS_REAL_MEMBER_PASSWORD
        $env:OS_PROJECT_ID = $env:OSS_REAL_PROJECT_ID
        (Connect-OSCloud).ProjectId | Should -Be $env:OSS_REAL_PROJECT_ID
    }

    It 'signs in with a token from openstack token issue (OS_TOKEN), and lists with it' {
        Use-CloudsYaml
        $token = & openstack --os-cloud real token issue -f value -c id
        $LASTEXITCODE | Should -Be 0
        $env:OS_CLIENT_CONFIG_FILE = $null; $env:OS_CLIENT_SECURE_FILE = $null
        $env:OS_AUTH_URL = $env:OSS_REAL_AUTH_URL; $env:OS_AUTH_TYPE = 'v3token'; $env:OS_TOKEN = $token
        $session = Connect-OSCloud
        $session.AuthType | Should -Be 'token'
        $session.ProjectId | Should -Be $env:OSS_REAL_PROJECT_ID
        { Get-OSSnapshot -Session $session } | Should -Not -Throw
    }

    It 'refuses compute_api_version 2.36 before sending anything' {
        Use-CloudsYaml
        { Connect-OSCloud -Cloud real -ComputeApiVersion 2.36 } |
            Should -Throw -ErrorId 'OSInvalidArgument,OpenStackSnapshot.Commands.ConnectOSCloudCommand'
    }
}
