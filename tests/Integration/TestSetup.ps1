# Dot-sourced by every integration file: the built module, and the real stack's identities from
# tests/real-openstack/start.sh (OSS_REAL_ENV points at its env.ps1). Without them every test is skipped.
$script:RepoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
$script:ModulePath = if ($env:OSS_MODULE_PATH) { $env:OSS_MODULE_PATH } else { Join-Path $script:RepoRoot 'out/OpenStackSnapshot' }
Import-Module $script:ModulePath -Force
if ($env:OSS_REAL_ENV -and (Test-Path $env:OSS_REAL_ENV)) { . $env:OSS_REAL_ENV }

function New-RealCredential([string] $User, [string] $Password) {
    [pscredential]::new($User, (ConvertTo-SecureString $Password -AsPlainText -Force))
}

function Connect-RealMember {
    Connect-OSCloud -AuthUrl $env:OSS_REAL_AUTH_URL -Credential (New-RealCredential $env:OSS_REAL_MEMBER_USER $env:OSS_REAL_MEMBER_PASSWORD) -ProjectName $env:OSS_REAL_PROJECT -RetryIntervalSec 0.2
}

function Connect-RealReader {
    Connect-OSCloud -AuthUrl $env:OSS_REAL_AUTH_URL -Credential (New-RealCredential $env:OSS_REAL_READER_USER $env:OSS_REAL_READER_PASSWORD) -ProjectName $env:OSS_REAL_PROJECT -RetryIntervalSec 0.2
}

# Runs a command and returns the one ErrorRecord it produced, terminating or not.
function Get-OneError([scriptblock] $Command) {
    $records = @()
    try { $records += @(& $Command 2>&1 | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] }) } catch { $records += $_ }
    $records.Count | Should -Be 1
    $records[0]
}
