# Starts and drives the loopback emulator (src/OpenStackSnapshot.Emulator) for the demo, the tests and the benchmarks.

$script:EmulatorDll = Join-Path (Split-Path -Parent $PSScriptRoot) 'src/OpenStackSnapshot.Emulator/bin/Release/net10.0/OpenStackSnapshot.Emulator.dll'

function Start-Emulator {
    [CmdletBinding()]
    param([string[]] $ArgumentList = @())
    if (-not (Test-Path $script:EmulatorDll)) { throw "The emulator is not built: run ./build.ps1 -Task Build first ($script:EmulatorDll)." }
    $start = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
    foreach ($argument in @($script:EmulatorDll, '--port', '0', '--exit-on-stdin-close') + $ArgumentList) { $start.ArgumentList.Add($argument) }
    $start.UseShellExecute = $false
    $start.RedirectStandardOutput = $true
    $start.RedirectStandardInput = $true
    $process = [System.Diagnostics.Process]::Start($start)
    $said = Read-ProcessOutput $process '^Listening on (https?://127\.0\.0\.1:\d+/)' -Seconds 60
    if (-not $said) {
        if (-not $process.HasExited) { $process.Kill() }
        throw 'The emulator did not report its address within 60 seconds.'
    }
    $base = [regex]::Match($said[-1], 'https?://\S+/').Value
    [pscustomobject]@{
        Process    = $process
        BaseUrl    = $base
        AuthUrl    = "${base}identity/v3"
        ComputeUrl = "${base}compute/v2.1"
        BlockStorageUrl = "${base}volume/v3/3f1c5a7e9b2d4c6e8a0b1c2d3e4f5a6b"   # the demo project's, as the catalog has it
        ControlUrl = "${base}_emulator"
    }
}

# The lines a started process writes (with redirected output) up to the first that matches -Pattern, that one included;
# nothing when it ends or -Seconds pass first.
function Read-ProcessOutput {
    param([Parameter(Mandatory)] [System.Diagnostics.Process] $Process, [Parameter(Mandatory)] [string] $Pattern, [int] $Seconds = 60)
    $lines = [System.Collections.Generic.List[string]]::new()
    $deadline = [DateTime]::UtcNow.AddSeconds($Seconds)
    while ([DateTime]::UtcNow -lt $deadline) {
        $read = $Process.StandardOutput.ReadLineAsync()
        if (-not $read.Wait([Math]::Max(1, ($deadline - [DateTime]::UtcNow).TotalMilliseconds))) { return }
        if ($null -eq $read.Result) { return }
        $lines.Add($read.Result)
        if ($read.Result -match $Pattern) { return , $lines.ToArray() }
    }
}

function Stop-Emulator {
    [CmdletBinding()]
    param([Parameter(Mandatory)] $Emulator)
    $process = $Emulator.Process
    if ($process.HasExited) { return }
    $process.StandardInput.Close()          # --exit-on-stdin-close: a clean stop
    if (-not $process.WaitForExit(10000)) { $process.Kill($true); $process.WaitForExit() }
}

# One call to the test controls (README "Test controls"); -Body goes as JSON.
function Invoke-EmulatorControl {
    param([Parameter(Mandatory)] $Emulator, [Parameter(Mandatory)] [string] $Path, [string] $Method = 'Get', $Body)
    $call = @{ Method = $Method; Uri = "$($Emulator.ControlUrl)/$Path" }
    if ($null -ne $Body) { $call.ContentType = 'application/json'; $call.Body = ConvertTo-Json -InputObject $Body }
    Invoke-RestMethod @call
}

function Reset-Emulator {
    param([Parameter(Mandatory)] $Emulator)
    Invoke-EmulatorControl $Emulator reset -Method Post | Out-Null
}

function Set-EmulatorFault {
    param(
        [Parameter(Mandatory)] $Emulator,
        [Parameter(Mandatory)] [string] $Route,
        [int] $Status = 500,
        [int] $Count = 1,
        [AllowNull()] [string] $Body = $null,
        [string] $ContentType = $null,
        [string] $RetryAfter = $null,
        [int] $DelayMs = 0,
        [switch] $Drop,
        [switch] $AfterProcessing,
        [ValidateSet('body', 'connection')] [string] $Truncate,
        [switch] $ProxyPage
    )
    $fault = @{
        route = $Route; status = $Status; count = $Count; body = $Body; delayMs = $DelayMs
        drop = $Drop.IsPresent; afterProcessing = $AfterProcessing.IsPresent
    }
    # A [string] parameter turns $null into '': send these only when given, or an empty Retry-After header would go out.
    if ($ContentType) { $fault.contentType = $ContentType }
    if ($RetryAfter) { $fault.retryAfter = $RetryAfter }
    if ($Truncate -or $ProxyPage) {
        # Both bring their own body; a truncation answers the real status and a proxy page defaults to 502, so -Status only if given.
        $fault.Remove('body'); $fault.Remove('contentType')
        if (-not $PSBoundParameters.ContainsKey('Status')) { $fault.status = 0 }
        if ($Truncate) { $fault.truncate = $Truncate }
        if ($ProxyPage) { $fault.proxyPage = $true }
    }
    Invoke-EmulatorControl $Emulator faults -Method Post -Body $fault | Out-Null
}

function Clear-EmulatorFault {
    param([Parameter(Mandatory)] $Emulator)
    Invoke-EmulatorControl $Emulator faults -Method Delete | Out-Null
}

function Get-EmulatorRequestCount {
    param([Parameter(Mandatory)] $Emulator, [Parameter(Mandatory)] [string] $Route)
    $counts = Invoke-EmulatorControl $Emulator requests
    $value = $counts.PSObject.Properties[$Route]
    if ($value) { [int]$value.Value } else { 0 }
}

function Set-EmulatorSetting {
    param([Parameter(Mandatory)] $Emulator, [Parameter(Mandatory)] [hashtable] $Settings)
    Invoke-EmulatorControl $Emulator settings -Method Put -Body $Settings | Out-Null
}

function Set-EmulatorSnapshotStatus {
    param([Parameter(Mandatory)] $Emulator, [Parameter(Mandatory)] [string] $Id, [Parameter(Mandatory)] [string] $Status)
    Invoke-EmulatorControl $Emulator "snapshots/$Id/status" -Method Post -Body @{ status = $Status } | Out-Null
}

# Moves a snapshot's creation time (UTC), for age filters and reuse without waiting.
function Set-EmulatorSnapshotCreatedAt {
    param([Parameter(Mandatory)] $Emulator, [Parameter(Mandatory)] [string] $Id, [Parameter(Mandatory)] [datetime] $CreatedAt)
    $utc = $CreatedAt.ToUniversalTime().ToString('yyyy-MM-ddTHH:mm:ss.ffffffZ', [cultureinfo]::InvariantCulture)
    Invoke-EmulatorControl $Emulator "snapshots/$Id/createdAt" -Method Post -Body @{ createdAt = $utc } | Out-Null
}

# Attaches a volume (seeded or made) to a server (any id), besides db-01's seeded attachment; a reset detaches it.
function Add-EmulatorVolumeAttachment {
    param([Parameter(Mandatory)] $Emulator, [Parameter(Mandatory)] [string] $VolumeId, [Parameter(Mandatory)] [string] $ServerId, [string] $Device)
    $attachment = @{ serverId = $ServerId }
    if ($Device) { $attachment.device = $Device }
    Invoke-EmulatorControl $Emulator "volumes/$VolumeId/attachments" -Method Post -Body $attachment | Out-Null
}

# A dead cloud for -Seconds: 'unavailable' answers HAProxy's 503 (with -RetryAfter), 'refuse' closes the port, then reopens it.
function Start-EmulatorOutage {
    param(
        [Parameter(Mandatory)] $Emulator,
        [Parameter(Mandatory)] [double] $Seconds,
        [ValidateSet('unavailable', 'refuse')] [string] $Mode = 'unavailable',
        [string] $RetryAfter
    )
    $outage = @{ seconds = $Seconds; mode = $Mode }
    if ($RetryAfter) { $outage.retryAfter = $RetryAfter }
    (Invoke-EmulatorControl $Emulator outage -Method Post -Body $outage).outage
}

function Get-EmulatorOutage {
    param([Parameter(Mandatory)] $Emulator)
    (Invoke-EmulatorControl $Emulator outage).outage
}

function Stop-EmulatorOutage {
    param([Parameter(Mandatory)] $Emulator)
    Invoke-EmulatorControl $Emulator outage -Method Delete | Out-Null
}

# Chaos for a soak test: each request on -Routes (default all) gets, with probability -Rate, one fault from -Kinds (default all).
function Start-EmulatorChaos {
    param(
        [Parameter(Mandatory)] $Emulator,
        [Parameter(Mandatory)] [double] $Rate,
        [Nullable[int]] $Seed,
        [string[]] $Kinds,
        [string[]] $Routes,
        [Nullable[int]] $HeldBackMs,
        [Nullable[int]] $LatencyMs
    )
    $chaos = @{ rate = $Rate }
    foreach ($name in 'Seed', 'Kinds', 'Routes', 'HeldBackMs', 'LatencyMs') {
        if ($PSBoundParameters.ContainsKey($name)) {
            $chaos[$name.Substring(0, 1).ToLowerInvariant() + $name.Substring(1)] = $PSBoundParameters[$name]
        }
    }
    Invoke-EmulatorControl $Emulator chaos -Method Post -Body $chaos
}

function Get-EmulatorChaos {
    param([Parameter(Mandatory)] $Emulator)
    Invoke-EmulatorControl $Emulator chaos
}

function Stop-EmulatorChaos {
    param([Parameter(Mandatory)] $Emulator)
    Invoke-EmulatorControl $Emulator chaos -Method Delete | Out-Null
}

# Forces a volume's status (it sticks, as a snapshot's does).
function Set-EmulatorVolumeStatus {
    param([Parameter(Mandatory)] $Emulator, [Parameter(Mandatory)] [string] $Id, [Parameter(Mandatory)] [string] $Status)
    Invoke-EmulatorControl $Emulator "volumes/$Id/status" -Method Post -Body @{ status = $Status } | Out-Null
}

# Gives a volume another size, as if it had been extended since its snapshots.
function Set-EmulatorVolumeSize {
    param([Parameter(Mandatory)] $Emulator, [Parameter(Mandatory)] [string] $Id, [Parameter(Mandatory)] [int] $Size)
    Invoke-EmulatorControl $Emulator "volumes/$Id/size" -Method Post -Body @{ size = $Size } | Out-Null
}

# The next -Count volume creates (-On create) or reverts (-On revert) go to error in the backend, leaving -Message as
# block storage's user message about the volume.
function Add-EmulatorVolumeFailure {
    param([Parameter(Mandatory)] $Emulator, [ValidateSet('create', 'revert')] [string] $On = 'create', [string] $Message, [int] $Count = 1)
    $failure = @{ on = $On; count = $Count }
    if ($Message) { $failure.message = $Message }
    Invoke-EmulatorControl $Emulator 'volume-failures' -Method Post -Body $failure | Out-Null
}

Export-ModuleMember -Function Start-Emulator, Stop-Emulator, Read-ProcessOutput, Reset-Emulator, Set-EmulatorFault, Clear-EmulatorFault,
    Get-EmulatorRequestCount, Set-EmulatorSetting, Set-EmulatorSnapshotStatus, Set-EmulatorSnapshotCreatedAt, Add-EmulatorVolumeAttachment,
    Start-EmulatorOutage, Get-EmulatorOutage, Stop-EmulatorOutage, Start-EmulatorChaos, Get-EmulatorChaos, Stop-EmulatorChaos,
    Set-EmulatorVolumeStatus, Set-EmulatorVolumeSize, Add-EmulatorVolumeFailure
