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
    foreach ($i in 1..$Count) { Invoke-RestMethod -Method Post -Uri "$($script:Raw.Compute)/os-snapshots" -Headers $script:Headers -ContentType 'application/json' -Body $createBody | Out-Null }
}

# Import: a fresh pwsh that imports the module against one that does nothing.
Step 'import (15 runs each)'
$escaped = $ModulePath -replace "'", "''"
$bare, $import = Measure-Alternating 15 { Invoke-FreshPwsh '$null' | Out-Null }, { Invoke-FreshPwsh "Import-Module '$escaped'" | Out-Null }
$rows.Add((New-BenchRow 'Import-Module, added to a bare pwsh start' 'ms' ($import.Wall - $bare.Wall) "pwsh -c '`$null' ($([Math]::Round($bare.Wall)) ms)" $bare.Wall 'adds at most 150 ms' (($import.Wall - $bare.Wall) -le 150)))

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
$rows.Add((New-BenchRow 'Get-OSSnapshot: 5,000 in pages of 1,000' 'ms' $module.Wall 'Invoke-RestMethod paging by offset' $raw.Wall 'no slower than Invoke-RestMethod' ($module.Wall -le $raw.Wall)))

# 1,000 creates, one pipeline against a foreach loop: wall time and this process's CPU time per create.
Reset-Emulator $emulator
Connect-Both
& { 1..50 | ForEach-Object { $volume } | New-OSSnapshot -ThrottleLimit 1 | Out-Null; Send-RawCreates 50 }   # JIT and connections warmed
Step '1,000 creates (5 runs each)'
$measureCpu = { param($work) $before = Get-CpuMs; & $work; @{ Cpu = (Get-CpuMs) - $before } }
$module, $raw = Measure-Alternating 5 -Before { Reset-Emulator $emulator } { & $measureCpu { 1..1000 | ForEach-Object { $volume } | New-OSSnapshot -Name bench -ThrottleLimit 1 | Out-Null } }, { & $measureCpu { Send-RawCreates 1000 } }
$rows.Add((New-BenchRow '1,000 creates in one pipeline: wall' 'ms' $module.Wall 'Invoke-RestMethod in a foreach loop' $raw.Wall 'no slower than the loop' ($module.Wall -le $raw.Wall)))
$rows.Add((New-BenchRow '1,000 creates: pwsh CPU per create' 'ms' ($module.Cpu / 1000) 'the same for the loop' ($raw.Cpu / 1000) 'at most 0.4x the loop' ($module.Cpu -le 0.4 * $raw.Cpu)))

# 200 creates while the emulator adds 50 ms to each: one at a time against 16 in flight.
Step '200 creates at 50 ms (3 runs each)'
Reset-Emulator $emulator
Set-EmulatorSetting $emulator @{ snapshotQuota = 2000 }
Start-EmulatorChaos $emulator -Rate 1 -Kinds latency -LatencyMs 50 -Routes snapshots.create | Out-Null
try {
    $one, $sixteen = Measure-Alternating 3 { 1..200 | ForEach-Object { $volume } | New-OSSnapshot -ThrottleLimit 1 | Out-Null }, { 1..200 | ForEach-Object { $volume } | New-OSSnapshot -ThrottleLimit 16 | Out-Null }
}
finally { Stop-EmulatorChaos $emulator }
$rows.Add((New-BenchRow '200 creates at 50 ms latency, -ThrottleLimit 16' 'ms' $sixteen.Wall 'one at a time' $one.Wall 'at least 10x faster' ($one.Wall -ge 10 * $sixteen.Wall)))

# Peak working set: a fresh pwsh that makes 1,000 creates against one that does nothing.
Step 'peak working set (3 runs each)'
$peak = '[Diagnostics.Process]::GetCurrentProcess().PeakWorkingSet64'
$work = "Import-Module '$escaped'; Connect-OSCloud -AuthUrl '$AuthUrl' -Credential ([pscredential]::new('demo', (ConvertTo-SecureString 'demo-secret' -AsPlainText -Force))) -ProjectName demo | Out-Null; 1..1000 | ForEach-Object { '$volume' } | New-OSSnapshot -ThrottleLimit 1 | Out-Null; $peak"
$idle, $busy = Measure-Alternating 3 -Before { Reset-Emulator $emulator } { @{ Peak = [double](Invoke-FreshPwsh $peak) / 1MB } }, { @{ Peak = [double](Invoke-FreshPwsh $work) / 1MB } }
$rows.Add((New-BenchRow 'peak working set, 1,000 creates, above idle' 'MB' ($busy.Peak - $idle.Peak) "an idle pwsh ($([Math]::Round($idle.Peak)) MB)" $idle.Peak 'at most 40 MB above idle' (($busy.Peak - $idle.Peak) -le 40)))

$rows | ConvertTo-Json -Depth 3 | Set-Content -Path $ResultPath -Encoding utf8
