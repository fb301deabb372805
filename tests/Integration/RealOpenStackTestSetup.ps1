# Dot-sourced by every integration file: the built module, and the real stack's identities from
# tests/real-openstack/start.sh (OSS_REAL_ENV points at its env.ps1). Without them every test is skipped.
$script:RepoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
$script:ModulePath = if ($env:OSS_MODULE_PATH) { $env:OSS_MODULE_PATH } else { Join-Path $script:RepoRoot 'out/OpenStackSnapshot' }
Import-Module $script:ModulePath -Force
Import-Module (Join-Path $script:RepoRoot 'build/RawOpenStack.psm1') -Force
. (Join-Path $script:RepoRoot 'tests/Common.ps1')
if ($env:OSS_REAL_ENV -and (Test-Path $env:OSS_REAL_ENV)) { . $env:OSS_REAL_ENV }

function Connect-RealMember([hashtable] $Extra = @{}) {
    $credential = New-TestCredential $env:OSS_REAL_MEMBER_USER $env:OSS_REAL_MEMBER_PASSWORD
    Connect-OSCloud -AuthUrl $env:OSS_REAL_AUTH_URL -Credential $credential -ProjectName $env:OSS_REAL_PROJECT -RetryIntervalSec 0.2 @Extra
}

# The real stack's administrator (every project's snapshots through Cinder's all_tenants).
function Connect-RealAdmin([hashtable] $Extra = @{}) {
    $credential = New-TestCredential $env:OSS_REAL_ADMIN_USER $env:OSS_REAL_ADMIN_PASSWORD
    Connect-OSCloud -AuthUrl $env:OSS_REAL_AUTH_URL -Credential $credential -ProjectName $env:OSS_REAL_ADMIN_PROJECT -RetryIntervalSec 0.2 @Extra
}

function Connect-RealReader {
    $credential = New-TestCredential $env:OSS_REAL_READER_USER $env:OSS_REAL_READER_PASSWORD
    Connect-OSCloud -AuthUrl $env:OSS_REAL_AUTH_URL -Credential $credential -ProjectName $env:OSS_REAL_PROJECT -RetryIntervalSec 0.2
}


# Cinder's admin action on a snapshot of the demo project, through the admin project's URL.
function Set-RealSnapshotStatus([string] $Id, [string] $Status) {
    $credential = New-TestCredential $env:OSS_REAL_ADMIN_USER $env:OSS_REAL_ADMIN_PASSWORD
    $admin = Get-RawToken $env:OSS_REAL_AUTH_URL $credential $env:OSS_REAL_ADMIN_PROJECT
    $cinder = $env:OSS_REAL_CINDER_URL.Replace($env:OSS_REAL_PROJECT_ID, $env:OSS_REAL_ADMIN_PROJECT_ID)
    $body = @{ 'os-reset_status' = @{ status = $Status } } | ConvertTo-Json
    $answer = Send-Raw -Method Post -Url "$cinder/snapshots/$Id/action" -Headers @{ 'X-Auth-Token' = $admin.Token } -Body $body
    if ($answer.Status -ne 202) { throw "os-reset_status to ${Status}: HTTP $($answer.Status) $($answer.Text)" }
}

# A test file's start: this run's id for names and tags (so reruns never meet), a tag of it, and the list of snapshots
# made, which Remove-RealTestSnapshot clears in AfterAll.
function Start-RealTestRun {
    $script:Run = [guid]::NewGuid().ToString('n').Substring(0, 6)
    $script:Managed = @{ 'managed-by' = "it-$script:Run" }
    $script:Created = [System.Collections.Generic.List[string]]::new()
    $script:Volumes = [System.Collections.Generic.List[string]]::new()
}
function Track($snapshots) { foreach ($s in $snapshots) { if ($s) { $script:Created.Add($s.Id) } }; $snapshots }
function TrackVolume($volumes) { foreach ($v in $volumes) { if ($v) { $script:Volumes.Add($v.Id) } }; $volumes }

# One tracked snapshot with metadata, made through the session's API and available; one second apart, since MariaDB
# keeps whole seconds in created_at.
function New-TaggedSnapshot([string] $VolumeId, [string] $Name, [hashtable] $Metadata = $script:Managed) {
    Start-Sleep -Milliseconds 1100
    Track (New-OSSnapshot -VolumeId $VolumeId -Name $Name -Force -Metadata $Metadata -Wait -Timeout 00:02:00 -ErrorAction Stop)
}

# A test file's cleanup, before its snapshots': the volumes it made that are still there (they may be made from them).
function Remove-RealTestVolume([string[]] $Ids) {
    if ($Ids.Count -eq 0 -or -not $env:OSS_REAL_ENV) { return }
    Connect-RealMember | Out-Null
    Get-OSVolume | Where-Object Id -In $Ids | Remove-OSVolume -Wait -Timeout 00:02:00 -Confirm:$false -ErrorAction SilentlyContinue
}

# A test file's cleanup: the snapshots it made that are still there are made deletable and deleted.
function Remove-RealTestSnapshot([string[]] $Ids) {
    if ($Ids.Count -eq 0 -or -not $env:OSS_REAL_ENV) { return }
    Connect-RealMember | Out-Null
    $left = @(Get-OSSnapshot | Where-Object Id -In $Ids)
    foreach ($stuck in $left | Where-Object Status -NotIn 'available', 'error') { Set-RealSnapshotStatus $stuck.Id 'available' }
    $left | Remove-OSSnapshot -Confirm:$false -Wait -Timeout 00:02:00 -ErrorAction SilentlyContinue
}
