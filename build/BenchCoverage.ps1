# Run in a fresh pwsh by build.ps1 -Task Bench (issue 23 part 7): Get-OSSnapshotCoverage's decision over generated data,
# 10,000 volumes and 50,000 snapshots, beside the same decision written as a PowerShell loop, and what a pwsh that makes
# it holds above an idle one. No cloud is needed: the decision is the client's CoverageCheck, which the cmdlet calls once
# with the volumes and its one listing of snapshots, so the listing's cost (a cloud's) is not in these figures.
# -PeakOnly: only generate, decide once and print this process's peak working set in MB (the memory row's fresh pwsh).
param([string] $ModulePath, [string] $ResultPath, [switch] $PeakOnly, [int] $VolumeCount = 10000, [int] $SnapshotCount = 50000)
$ErrorActionPreference = 'Stop'
Import-Module $ModulePath
Get-OSSession | Out-Null   # loads the client, in its own load context: its types are reached through the assembly below
$client = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'OpenStackSnapshot.Client' } | Select-Object -First 1
$volumeType = $client.GetType('OpenStackSnapshot.Client.Models.Volume', $true)
$snapshotType = $client.GetType('OpenStackSnapshot.Client.Models.Snapshot', $true)
$attachmentType = $client.GetType('OpenStackSnapshot.Client.Models.VolumeAttachment', $true)
$checkType = $client.GetType('OpenStackSnapshot.Client.Snapshots.Coverage.CoverageCheck', $true)
$now = [DateTime]::UtcNow
$maxAge = [TimeSpan]::FromDays(1)

# Every third volume attached to a server; snapshots spread over the volumes, one to four days old by the hour, one in ten
# failed and one in 25 still creating, as a project with a few nights of backups has them.
$list = [Collections.Generic.List[int]].GetGenericTypeDefinition()
$volumes = [Activator]::CreateInstance($list.MakeGenericType($volumeType), $VolumeCount)
$snapshots = [Activator]::CreateInstance($list.MakeGenericType($snapshotType), $SnapshotCount)
$detached = [Array]::CreateInstance($attachmentType, 0)
foreach ($i in 0..($VolumeCount - 1)) {
    $attachments = $detached
    if ($i % 3 -eq 0) {
        $attachments = [Array]::CreateInstance($attachmentType, 1)
        $attachments[0] = $attachmentType::new("att-$i", ('{0:x8}-5e4e-4000-8000-000000000000' -f ($i % 500)), '/dev/vdb')
    }
    $volumes.Add($volumeType::new(('{0:x8}-0000-4000-8000-{1:x12}' -f $i, $i), "vol-$i", $null, 'available', 10, 'nova', $null,
            $now.AddDays(-30), $null, $attachments, $null, 'p-bench'))
}
foreach ($i in 0..($SnapshotCount - 1)) {
    $status = if ($i % 10 -eq 0) { 'error' } elseif ($i % 25 -eq 0) { 'creating' } else { 'available' }
    $volume = $i % $VolumeCount
    $snapshots.Add($snapshotType::new(('{0:x8}-5a45-4000-8000-{1:x12}' -f $i, $i), ('{0:x8}-0000-4000-8000-{1:x12}' -f $volume, $volume),
            'nightly', $null, $status, 10, $now.AddHours(-(($i * 7) % 96)), $null, 'p-bench'))
}

$module = {
    @{ Allocated = & {
            $before = [GC]::GetAllocatedBytesForCurrentThread()
            $script:Coverage = $checkType::Check($volumes, $snapshots, $now, $maxAge)
            ([GC]::GetAllocatedBytesForCurrentThread() - $before) / 1MB
        }
    }
}

if ($PeakOnly) {
    & $module | Out-Null
    if ($script:Coverage.Count -ne $VolumeCount) { throw "The decision gave $($script:Coverage.Count) coverages for $VolumeCount volumes." }
    [Diagnostics.Process]::GetCurrentProcess().PeakWorkingSet64 / 1MB
    return
}

. (Join-Path $PSScriptRoot 'Build.ps1')   # Invoke-FreshPwsh
Import-Module (Join-Path $PSScriptRoot 'BenchTools.psm1')
function Step([string] $Text) { Write-Host "  $Text" -ForegroundColor DarkGray }

# What a user would write without the cmdlet: one pass over the listing into hashtables, then one object per volume.
$loop = {
    @{ Allocated = & {
            $before = [GC]::GetAllocatedBytesForCurrentThread()
            $newest = @{}; $count = @{}
            foreach ($snapshot in $snapshots) {
                if ($snapshot.Status -ne 'available') { continue }
                $count[$snapshot.VolumeId] = 1 + $count[$snapshot.VolumeId]
                $seen = $newest[$snapshot.VolumeId]
                if ($null -eq $seen -or $snapshot.CreatedAt -gt $seen.CreatedAt) { $newest[$snapshot.VolumeId] = $snapshot }
            }
            $script:LoopCoverage = foreach ($volume in $volumes) {
                $seen = $newest[$volume.Id]
                [pscustomobject]@{
                    VolumeId = $volume.Id; VolumeName = $volume.Name; NewestSnapshotId = $seen.Id; NewestCreatedAt = $seen.CreatedAt
                    SnapshotCount = [int]$count[$volume.Id]; Covered = $null -ne $seen -and ($now - $seen.CreatedAt) -lt $maxAge
                }
            }
            ([GC]::GetAllocatedBytesForCurrentThread() - $before) / 1MB
        }
    }
}

Step "coverage of $VolumeCount volumes from $SnapshotCount snapshots (7 runs each)"
& $module | Out-Null; & $loop | Out-Null   # JIT warmed
$covered = @($script:Coverage | Where-Object Covered).Count
if ($covered -ne @($script:LoopCoverage | Where-Object Covered).Count) { throw 'The loop and the cmdlet''s decision disagree.' }
$decided, $looped = Measure-Alternating 7 $module, $loop
$rows = [Collections.Generic.List[object]]::new()
$row = @{
    Case = "coverage of $('{0:N0}' -f $VolumeCount) volumes from $('{0:N0}' -f $SnapshotCount) snapshots: decision"; Unit = 'ms'
    Module = $decided.Wall; Versus = 'the same in a PowerShell loop'; Comparison = $looped.Wall
    Target = 'under 1 s'; Met = ($decided.Wall -lt 1000)
}
$rows.Add((New-BenchRow @row))
$row = @{
    Case = 'coverage: managed memory the decision allocates'; Unit = 'MB'; Module = $decided.Allocated
    Versus = 'the same for the loop'; Comparison = $looped.Allocated; Target = ''; Met = $true
}
$rows.Add((New-BenchRow @row))

# Peak working set: a fresh pwsh that imports the module, holds the generated data and decides, against an idle one.
Step 'coverage: peak working set (3 runs each)'
$escaped = $PSCommandPath -replace "'", "''"
$escapedModule = $ModulePath -replace "'", "''"
$idlePwsh = { @{ Peak = [double](Invoke-FreshPwsh '[Diagnostics.Process]::GetCurrentProcess().PeakWorkingSet64') / 1MB } }
$busyPwsh = { @{ Peak = [double](@(Invoke-FreshPwsh "& '$escaped' -ModulePath '$escapedModule' -PeakOnly")[-1]) } }
$idle, $busy = Measure-Alternating 3 $idlePwsh, $busyPwsh
$row = @{
    Case = "peak working set, coverage of $('{0:N0}' -f $VolumeCount) volumes, above idle"; Unit = 'MB'; Module = ($busy.Peak - $idle.Peak)
    Versus = "an idle pwsh ($([Math]::Round($idle.Peak)) MB)"; Comparison = $idle.Peak
    Target = 'under 100 MB above idle'; Met = (($busy.Peak - $idle.Peak) -lt 100)
}
$rows.Add((New-BenchRow @row))

Write-Host ("  {0:N0} of {1:N0} volumes covered within {2}" -f $covered, $VolumeCount, $maxAge) -ForegroundColor DarkGray
$rows | ConvertTo-Json -Depth 3 | Set-Content -Path $ResultPath -Encoding utf8
