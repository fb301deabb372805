# Dot-sourced by every integration file: the built module, and the real stack's identities from
# tests/real-openstack/start.sh (OSS_REAL_ENV points at its env.ps1). Without them every test is skipped.
$script:RepoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
$script:ModulePath = if ($env:OSS_MODULE_PATH) { $env:OSS_MODULE_PATH } else { Join-Path $script:RepoRoot 'out/OpenStackSnapshot' }
Import-Module $script:ModulePath -Force
Import-Module (Join-Path $script:RepoRoot 'build/RawOpenStack.psm1') -Force
. (Join-Path $script:RepoRoot 'tests/Common.ps1')
if ($env:OSS_REAL_ENV -and (Test-Path $env:OSS_REAL_ENV)) { . $env:OSS_REAL_ENV }

function Connect-RealMember {
    Connect-OSCloud -AuthUrl $env:OSS_REAL_AUTH_URL -Credential (New-TestCredential $env:OSS_REAL_MEMBER_USER $env:OSS_REAL_MEMBER_PASSWORD) -ProjectName $env:OSS_REAL_PROJECT -RetryIntervalSec 0.2
}

function Connect-RealReader {
    Connect-OSCloud -AuthUrl $env:OSS_REAL_AUTH_URL -Credential (New-TestCredential $env:OSS_REAL_READER_USER $env:OSS_REAL_READER_PASSWORD) -ProjectName $env:OSS_REAL_PROJECT -RetryIntervalSec 0.2
}

