# Run in a fresh pwsh by build.ps1 -Task Bench: the retention decision (issue 23) over 100,000 snapshots of 1,000
# volumes, two years of nightlies each, beside the keep-last a user writes with Group-Object and Sort-Object. The
# client library is loaded on its own (the decision needs no cloud), so the figures are the decision's alone. Memory is
# the managed heap above what this pwsh held before: the snapshots and their decisions, held at once.
param([string] $ModulePath, [string] $ResultPath)
$ErrorActionPreference = 'Stop'
Import-Module (Join-Path $PSScriptRoot 'BenchTools.psm1')
function Get-HeapMB { [GC]::GetTotalMemory($true) / 1MB }
Add-Type -Path (Join-Path $ModulePath 'dependencies/Core/OpenStackSnapshot.Client.dll')

Write-Host '  retention over 100,000 snapshots (generating)' -ForegroundColor DarkGray
$random = [Random]::new(23)
$start = [DateTime]::new(2024, 12, 6, 0, 0, 0, [DateTimeKind]::Utc)
$idle = Get-HeapMB
$snapshots = [Collections.Generic.List[OpenStackSnapshot.Client.Models.Snapshot]]::new(100000)
$rows = [Collections.Generic.List[object]]::new(100000)
foreach ($v in 1..1000) {
    $volumeId = [guid]::new($v, 0, 0, [byte[]](0, 0, 0, 0, 0, 0, 0, 1)).ToString()
    foreach ($n in 0..99) {
        $created = $start.AddDays($n * 7.3).AddMinutes($random.Next(0, 600))
        $id = [guid]::NewGuid().ToString()
        $snapshots.Add([OpenStackSnapshot.Client.Models.Snapshot]::new($id, $volumeId, "nightly-$n", $null, 'available', 10, $created, $null, $null))
        $rows.Add(@($id, $volumeId, $created))
    }
}
$policy = [OpenStackSnapshot.Client.Snapshots.Retention.RetentionPolicy]@{ Daily = 7; Weekly = 4; Monthly = 12; Yearly = 3 }
$utc = [TimeZoneInfo]::Utc
$decided = [OpenStackSnapshot.Client.Snapshots.Retention.SnapshotRetention]::Decide($snapshots, $policy, $utc, $null)
$moduleMB = (Get-HeapMB) - $idle   # the generator's plain rows too, so this overstates the module a little
# What a user's script works on: the same snapshots as PowerShell objects, measured the same way.
$before = Get-HeapMB
$plain = [Collections.Generic.List[object]]::new(100000)
foreach ($r in $rows) { $plain.Add([pscustomobject]@{ Id = $r[0]; VolumeId = $r[1]; CreatedAt = $r[2]; Status = 'available' }) }
$removedByScript = $plain | Group-Object VolumeId | ForEach-Object { $_.Group | Sort-Object CreatedAt -Descending | Select-Object -Skip 7 }
$scriptMB = (Get-HeapMB) - $before

Write-Host '  retention over 100,000 snapshots (5 runs each)' -ForegroundColor DarkGray
$module, $script = Measure-Alternating 5 {
    [OpenStackSnapshot.Client.Snapshots.Retention.SnapshotRetention]::Decide($snapshots, $policy, $utc, $null) | Out-Null
}, {
    $plain | Group-Object VolumeId | ForEach-Object { $_.Group | Sort-Object CreatedAt -Descending | Select-Object -Skip 7 } | Out-Null
}
$result = @(
    New-BenchRow -Case 'Retention decision: 100,000 snapshots of 1,000 volumes (daily 7, weekly 4, monthly 12, yearly 3)' -Unit 'ms' `
        -Module $module.Wall -Versus 'keep-last 7 with Group-Object and Sort-Object' -Comparison $script.Wall `
        -Target 'under 1 s' -Met ($module.Wall -lt 1000)
    New-BenchRow -Case 'Retention decision: memory above an idle pwsh (the 100,000 snapshots included)' -Unit 'MB' `
        -Module $moduleMB -Versus 'the keep-last script''s objects and result' -Comparison $scriptMB -Target 'under 100 MB' -Met ($moduleMB -lt 100)
)
$result | ConvertTo-Json -Depth 3 | Set-Content -Path $ResultPath
