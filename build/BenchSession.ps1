# Run in a fresh pwsh by build.ps1 -Task Bench, against the emulator on 127.0.0.1. Each case runs the module and
# what a user would write instead alternately, so both meet the same machine load; the rows go to $ResultPath.
param([string] $ModulePath, [string] $AuthUrl, [string] $ControlUrl, [string] $ResultPath)
$ErrorActionPreference = 'Stop'
. (Join-Path $PSScriptRoot 'Build.ps1')   # Invoke-FreshPwsh
Import-Module (Join-Path $PSScriptRoot 'BenchTools.psm1')
Import-Module (Join-Path $PSScriptRoot 'RawOpenStack.psm1')
Import-Module (Join-Path $PSScriptRoot 'Emulator.psm1')
Import-Module $ModulePath
$emulator = [pscustomobject]@{ AuthUrl = $AuthUrl; ControlUrl = $ControlUrl }
$volume = '521752a6-acf6-4b2d-bc7a-119f9148cd8c'
$credential = [pscredential]::new('demo', (ConvertTo-SecureString 'demo-secret' -AsPlainText -Force))
$rows = [Collections.Generic.List[object]]::new()
$self = [Diagnostics.Process]::GetCurrentProcess()
function Get-CpuMs { $self.Refresh(); $self.TotalProcessorTime.TotalMilliseconds }
function Step([string] $Text) { Write-Host "  $Text" -ForegroundColor DarkGray }

function Connect-Both {
    Connect-OSCloud -AuthUrl $AuthUrl -Credential $credential -ProjectName demo | Out-Null
    $script:Raw = Get-RawToken $AuthUrl $credential demo
    $script:Headers = @{ 'X-Auth-Token' = $script:Raw.Token; 'X-OpenStack-Nova-API-Version' = '2.1' }
}
$createBody = @{ snapshot = @{ volume_id = $volume; display_name = 'bench'; force = $false } } | ConvertTo-Json
function Send-RawCreates([int] $Count) {
    $create = @{
        Method = 'Post'; Uri = "$($script:Raw.Compute)/os-snapshots"; Headers = $script:Headers
        ContentType = 'application/json'; Body = $createBody
    }
    foreach ($i in 1..$Count) { Invoke-RestMethod @create | Out-Null }
}

# Import: a fresh pwsh that imports the module against one that does nothing.
Step 'import (15 runs each)'
$escaped = $ModulePath -replace "'", "''"
$bare, $import = Measure-Alternating 15 { Invoke-FreshPwsh '$null' | Out-Null }, { Invoke-FreshPwsh "Import-Module '$escaped'" | Out-Null }
$row = @{
    Case = 'Import-Module, added to a bare pwsh start'; Unit = 'ms'; Module = ($import.Wall - $bare.Wall)
    Versus = "pwsh -c '`$null' ($([Math]::Round($bare.Wall)) ms)"; Comparison = $bare.Wall
    Target = 'adds at most 150 ms'; Met = (($import.Wall - $bare.Wall) -le 150)
}
$rows.Add((New-BenchRow @row))

# Listing 5,000 snapshots in pages of 1,000 (Nova's default max_limit), first, while the project holds exactly those.
Step 'list 5,000 (seeding)'
Reset-Emulator $emulator
Set-EmulatorSetting $emulator @{ pageLimit = 1000; snapshotQuota = 5000 }
Connect-Both
1..5000 | ForEach-Object { $volume } | New-OSSnapshot -Name seeded -ThrottleLimit 16 | Out-Null
Step 'list 5,000 (7 runs each)'
$list = { (Get-OSSnapshot | Measure-Object).Count }
$rawList = {
    $all = [Collections.Generic.List[object]]::new(); $offset = 0
    do {
        $page = (Invoke-RestMethod -Uri "$($script:Raw.Compute)/os-snapshots/detail?limit=1000&offset=$offset" -Headers $script:Headers).snapshots
        $all.AddRange([object[]]@($page)); $offset += @($page).Count
    } while (@($page).Count -gt 0)
    $all.Count
}
if ((& $list) -ne 5000 -or (& $rawList) -ne 5000) { throw 'The listing case needs exactly 5,000 snapshots in the project.' }
$module, $raw = Measure-Alternating 7 { & $list | Out-Null }, { & $rawList | Out-Null }
$row = @{
    Case = 'Get-OSSnapshot: 5,000 in pages of 1,000'; Unit = 'ms'; Module = $module.Wall
    Versus = 'Invoke-RestMethod paging by offset'; Comparison = $raw.Wall
    Target = 'no slower than Invoke-RestMethod'; Met = ($module.Wall -le $raw.Wall)
}
$rows.Add((New-BenchRow @row))

# 1,000 creates, one pipeline against a foreach loop: wall time and this process's CPU time per create.
Reset-Emulator $emulator
Connect-Both
& { 1..50 | ForEach-Object { $volume } | New-OSSnapshot -ThrottleLimit 1 | Out-Null; Send-RawCreates 50 }   # JIT and connections warmed
Step '1,000 creates (5 runs each)'
$measureCpu = { param($work) $before = Get-CpuMs; & $work; @{ Cpu = (Get-CpuMs) - $before } }
$pipeline = { & $measureCpu { 1..1000 | ForEach-Object { $volume } | New-OSSnapshot -Name bench -ThrottleLimit 1 | Out-Null } }
$loop = { & $measureCpu { Send-RawCreates 1000 } }
$module, $raw = Measure-Alternating 5 -Before { Reset-Emulator $emulator } $pipeline, $loop
$row = @{
    Case = '1,000 creates in one pipeline: wall'; Unit = 'ms'; Module = $module.Wall
    Versus = 'Invoke-RestMethod in a foreach loop'; Comparison = $raw.Wall
    Target = 'no slower than the loop'; Met = ($module.Wall -le $raw.Wall)
}
$rows.Add((New-BenchRow @row))
$row = @{
    Case = '1,000 creates: pwsh CPU per create'; Unit = 'ms'; Module = ($module.Cpu / 1000)
    Versus = 'the same for the loop'; Comparison = ($raw.Cpu / 1000)
    Target = 'at most 0.4x the loop'; Met = ($module.Cpu -le 0.4 * $raw.Cpu)
}
$rows.Add((New-BenchRow @row))

# 200 creates while the emulator adds 50 ms to each: one at a time against 16 in flight.
Step '200 creates at 50 ms (3 runs each)'
Reset-Emulator $emulator
Set-EmulatorSetting $emulator @{ snapshotQuota = 2000 }
Start-EmulatorChaos $emulator -Rate 1 -Kinds latency -LatencyMs 50 -Routes snapshots.create | Out-Null
try {
    $oneAtATime = { 1..200 | ForEach-Object { $volume } | New-OSSnapshot -ThrottleLimit 1 | Out-Null }
    $sixteenInFlight = { 1..200 | ForEach-Object { $volume } | New-OSSnapshot -ThrottleLimit 16 | Out-Null }
    $one, $sixteen = Measure-Alternating 3 $oneAtATime, $sixteenInFlight
}
finally { Stop-EmulatorChaos $emulator }
$row = @{
    Case = '200 creates at 50 ms latency, -ThrottleLimit 16'; Unit = 'ms'; Module = $sixteen.Wall
    Versus = 'one at a time'; Comparison = $one.Wall
    Target = 'at least 10x faster'; Met = ($one.Wall -ge 10 * $sixteen.Wall)
}
$rows.Add((New-BenchRow @row))

# Peak working set: a fresh pwsh that makes 1,000 creates against one that does nothing.
Step 'peak working set (3 runs each)'
$peak = '[Diagnostics.Process]::GetCurrentProcess().PeakWorkingSet64'
$work = "Import-Module '$escaped'; Connect-OSCloud -AuthUrl '$AuthUrl' " +
    "-Credential ([pscredential]::new('demo', (ConvertTo-SecureString 'demo-secret' -AsPlainText -Force))) -ProjectName demo | Out-Null; " +
    "1..1000 | ForEach-Object { '$volume' } | New-OSSnapshot -ThrottleLimit 1 | Out-Null; $peak"
$idlePwsh = { @{ Peak = [double](Invoke-FreshPwsh $peak) / 1MB } }
$busyPwsh = { @{ Peak = [double](Invoke-FreshPwsh $work) / 1MB } }
$idle, $busy = Measure-Alternating 3 -Before { Reset-Emulator $emulator } $idlePwsh, $busyPwsh
$row = @{
    Case = 'peak working set, 1,000 creates, above idle'; Unit = 'MB'; Module = ($busy.Peak - $idle.Peak)
    Versus = "an idle pwsh ($([Math]::Round($idle.Peak)) MB)"; Comparison = $idle.Peak
    Target = 'at most 40 MB above idle'; Met = (($busy.Peak - $idle.Peak) -le 40)
}
$rows.Add((New-BenchRow @row))

$rows | ConvertTo-Json -Depth 3 | Set-Content -Path $ResultPath -Encoding utf8
