# Dot-sourced by every Pester file's BeforeAll: the built module, the emulator helpers and the seeded data.
$script:RepoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
$script:ModulePath = if ($env:OSS_MODULE_PATH) { $env:OSS_MODULE_PATH } else { Join-Path $script:RepoRoot 'out/OpenStackSnapshot' }
Import-Module (Join-Path $script:RepoRoot 'build/Emulator.psm1') -Force
Import-Module $script:ModulePath -Force
. (Join-Path $script:RepoRoot 'tests/Common.ps1')

# Seeded in the emulator (src/OpenStackSnapshot.Emulator/README.md).
$script:VolumeAvailable = '521752a6-acf6-4b2d-bc7a-119f9148cd8c'
$script:VolumeAvailable2 = '6f0f9a2e-3c4d-4e5f-8a6b-7c8d9e0f1a2b'
$script:VolumeAvailable3 = '8b1e4c7d-2a3f-4b5c-9d6e-0f1a2b3c4d5e'
$script:VolumeInUse = 'c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e6f'
$script:AppCredentialId = 'a1b2c3d4e5f60718293a4b5c6d7e8f90'
$script:SeededServer = 'e1f2a3b4-c5d6-4e7f-8a9b-0c1d2e3f4a5b'   # db-01's
$script:DemoProject = '3f1c5a7e9b2d4c6e8a0b1c2d3e4f5a6b'
# The tag the block-storage examples give their snapshots and scope retention by.
$script:Managed = @{ 'managed-by' = 'nightly-runbook' }

# Every request the emulator has answered so far, over all routes (Keystone's included).
function Get-RequestTotal {
    $counts = Invoke-RestMethod "$($script:Emulator.ControlUrl)/requests"
    ($counts.PSObject.Properties | Measure-Object Value -Sum).Sum
}

# The request lines -Verbose shows for a command (method, URL, status, ...).
function Get-RequestLine([scriptblock] $Command) {
    $VerbosePreference = 'Continue'
    @(& $Command 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message)
}

# Connects as the seeded member user; retries are immediate so fault tests stay fast.
function Connect-TestCloud(
    $Emulator, [string] $User = 'demo', [string] $Password = 'demo-secret', [string] $Project = 'demo', [hashtable] $Extra = @{}) {
    Connect-OSCloud -AuthUrl $Emulator.AuthUrl -Credential (New-TestCredential $User $Password) -ProjectName $Project -RetryIntervalSec 0 @Extra
}

# A fresh folder holding Write-TestCloudsYaml's two files, as Folder, Clouds and Secure; the caller removes Folder in AfterAll.
function New-TestCloudsFolder($Emulator, [string] $Prefix) {
    $folder = New-TestFolder $Prefix
    $files = [pscustomobject]@{ Folder = $folder; Clouds = (Join-Path $folder 'clouds.yaml'); Secure = (Join-Path $folder 'secure.yaml') }
    Write-TestCloudsYaml $Emulator $files.Clouds $files.Secure
    $files
}

# Clears the OS_* variables and points OpenStack at those files; returns what Restore-OSEnvironment puts back.
function Use-TestCloudsYaml($Files) {
    $saved = Clear-OSEnvironment
    $env:OS_CLIENT_CONFIG_FILE = $Files.Clouds
    $env:OS_CLIENT_SECURE_FILE = $Files.Secure
    $saved
}

# A describe block's clouds.yaml for the emulator, in use until Exit-TestCloudsYaml: the files in $script:Files, the
# OS_* variables they replaced in $script:SavedEnvironment (the runbook files' BeforeAll and AfterAll).
function Enter-TestCloudsYaml([string] $Prefix) {
    $script:Files = New-TestCloudsFolder $script:Emulator $Prefix
    $script:SavedEnvironment = Use-TestCloudsYaml $script:Files
}
function Exit-TestCloudsYaml {
    Restore-OSEnvironment $script:SavedEnvironment
    Remove-Item $script:Files.Folder -Recurse -Force -ErrorAction SilentlyContinue
}

# A clouds.yaml and secure.yaml for the emulator, as a user writes them: the password only in secure.yaml.
function Write-TestCloudsYaml($Emulator, [string] $Clouds, [string] $Secure) {
    @"
clouds:
  mycloud:
    auth:
      auth_url: $($Emulator.AuthUrl)
      username: demo
      project_name: demo
      user_domain_name: Default
      project_domain_name: Default
    regions: [RegionOne, RegionTwo]
    interface: public
  appcloud:
    auth_type: v3applicationcredential
    auth:
      auth_url: $($Emulator.AuthUrl)
      application_credential_id: $script:AppCredentialId
  tokencloud:
    auth_type: token
    auth:
      auth_url: $($Emulator.AuthUrl)
  nopassword:
    auth:
      auth_url: $($Emulator.AuthUrl)
      username: demo
      project_name: demo
"@ | Set-Content -Path $Clouds
    @"
clouds:
  mycloud:
    auth:
      password: demo-secret
  appcloud:
    auth:
      application_credential_secret: appcred-secret
"@ | Set-Content -Path $Secure
}

# Nightly-runbook tests (issue 11): a server for the emulator's attachment control, one that does not exist, and a
# snapshot made $DaysAgo days ago in $Status (forced statuses stick), on the emulator of the calling test file.
$script:Server = '0d1e2f3a-4b5c-4d6e-8f7a-9b0c1d2e3f4a'
$script:UnknownServer = 'ffffffff-0000-4000-8000-000000000000'
# The nightly test files' per-test start (a fresh emulator state, signed in) and their end.
function Reset-TestCloud { Reset-Emulator $script:Emulator; Connect-TestCloud $script:Emulator | Out-Null }
function Stop-TestEmulator { Stop-EmulatorChaos $script:Emulator; Get-OSSession | Disconnect-OSCloud; Stop-Emulator $script:Emulator }
# A file's start and end when no OS_* variable of the machine's may reach its sessions: cleared, then put back.
function Start-CleanTestEmulator { $script:Emulator = Start-Emulator; $script:SavedOSEnvironment = Clear-OSEnvironment }
function Stop-CleanTestEmulator { Restore-OSEnvironment $script:SavedOSEnvironment; Stop-TestEmulator }
# The block-storage files' per-test start: a fresh emulator state, a Compute session named 'compute', then a
# BlockStorage one (named -Name if given), which is the default.
function Reset-BlockStorageCloud([string] $Name) {
    Reset-Emulator $script:Emulator
    Connect-TestCloud $script:Emulator -Extra @{ Name = 'compute' } | Out-Null
    $block = @{ Api = 'BlockStorage' }
    if ($Name) { $block.Name = $Name }
    Connect-TestCloud $script:Emulator -Extra $block | Out-Null
}

function New-DatedSnapshot([string] $VolumeId, [string] $Name, [double] $DaysAgo, [string] $Status = 'available') {
    $snapshot = New-OSSnapshot -VolumeId $VolumeId -Name $Name -Force
    Set-EmulatorSnapshotCreatedAt $script:Emulator -Id $snapshot.Id -CreatedAt ([DateTime]::UtcNow.AddDays(-$DaysAgo))
    if ($Status -ne 'available') { Set-EmulatorSnapshotStatus $script:Emulator -Id $snapshot.Id -Status $Status }
    Get-OSSnapshot -Id $snapshot.Id
}

# What Tab offers at the end of a command line.
function Complete([string] $Line) { (TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches }

# Tab pressed again until the listing has come, as a user would: the prompt waits for it only a second, which a busy
# machine can take. Completion.Tests.ps1's slow-listing test proves that the prompt waits about a second, and no longer.
function CompleteListed([string] $Line) {
    $deadline = [DateTime]::UtcNow.AddSeconds(30)
    while (-not ($found = Complete $Line) -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 200 }
    $found
}
