<#
.SYNOPSIS
Writes restic-cases.json: seeded random snapshot histories and retention policies in several time zones, each with what
restic's forget policy keeps and why, as an oracle program around restic's snapshot_policy.go answers.

.DESCRIPTION
The oracle is not part of this repository (it is restic's code): a small Go program built around restic's
internal/data/snapshot_policy.go and duration.go with a stub Snapshot type. It reads {"cases":[{name, zone, policy,
snapshots:[{id, time}]}]} on stdin, converts each time into the zone (time.In), calls ApplyPolicy and writes the same
cases back with keep:[{id, reasons}] and remove:[ids]. The snapshots are handed to it newest first, ties by id, the
order RetentionRules uses, so restic's stable sort keeps it.
#>
param(
    [Parameter(Mandatory)] [string] $Oracle,
    [Parameter(Mandatory)] [string] $ResticCommit,
    [int] $Seed = 23,
    [int] $CasesPerZone = 32,
    [string] $OutFile = (Join-Path $PSScriptRoot 'restic-cases.json')
)
$ErrorActionPreference = 'Stop'
$random = [Random]::new($Seed)

# Whole-hour, half-hour and 45-minute offsets, with and without daylight saving (Lord Howe's shifts by 30 minutes);
# each with the months its clocks change in, so some histories cross a change.
$zones = [ordered]@{
    'UTC' = 3, 10; 'Asia/Kolkata' = 3, 10; 'Asia/Kathmandu' = 3, 10; 'Australia/Adelaide' = 4, 10
    'Australia/Lord_Howe' = 4, 10; 'America/St_Johns' = 3, 11; 'Europe/Berlin' = 3, 10; 'America/New_York' = 3, 11
}

function Get-Span {
    # Days and hours as a TimeSpan gives them; now and then months or years too, which the engine also counts as restic does.
    $span = [ordered]@{ Years = 0; Months = 0; Days = $random.Next(0, 40); Hours = $random.Next(0, 24) }
    if ($random.NextDouble() -lt 0.1) { $span.Months = $random.Next(1, 14) }
    if ($random.NextDouble() -lt 0.05) { $span.Years = $random.Next(1, 3) }
    if ($span.Years + $span.Months + $span.Days + $span.Hours -eq 0) { $span.Hours = 1 }
    $span
}

function Get-Policy {
    $policy = [ordered]@{}
    while ($policy.Count -eq 0) {
        foreach ($rule in 'Last', 'Hourly', 'Daily', 'Weekly', 'Monthly', 'Yearly') {
            if ($random.NextDouble() -lt 0.3) { $policy[$rule] = $random.Next(1, 12) }
        }
        foreach ($rule in 'Within', 'WithinHourly', 'WithinDaily', 'WithinWeekly', 'WithinMonthly', 'WithinYearly') {
            if ($random.NextDouble() -lt 0.2) { $policy[$rule] = Get-Span }
        }
    }
    $policy
}

# The instants (UTC) a zone's clocks change in a year, with the offsets before and after.
function Get-ClockChange([TimeZoneInfo] $Zone, [int] $Year) {
    $at = [datetime]::new($Year, 1, 1, 0, 0, 0, [DateTimeKind]::Utc)
    $before = $Zone.GetUtcOffset($at)
    for ($hour = 0; $hour -lt 24 * 366; $hour++) {
        $after = $Zone.GetUtcOffset($at.AddHours($hour))
        if ($after -ne $before) {
            # Found within the hour; the change itself is on a quarter hour.
            $instant = $at.AddHours($hour - 1)
            while ($Zone.GetUtcOffset($instant) -eq $before) { $instant = $instant.AddMinutes(15) }
            [pscustomobject]@{ At = $instant; Before = $before; After = $after }
            $before = $after
        }
    }
}

# A newest snapshot whose span, counted back in calendar days, ends on a wall time the clocks skip or repeat: where Go's
# time.Date resolves it decides which snapshots near the change are within. Returns the history and the span.
function Get-HistoryAcrossChange([string] $Zone) {
    $info = [TimeZoneInfo]::FindSystemTimeZoneById($Zone)
    $changes = @(Get-ClockChange $info $random.Next(2019, 2025))
    if ($changes.Count -eq 0) { return $null }
    $change = $changes[$random.Next(0, $changes.Count)]
    $low = [Math]::Min($change.Before.TotalMinutes, $change.After.TotalMinutes)
    $width = [Math]::Abs(($change.After - $change.Before).TotalMinutes)
    # A wall time inside the skipped or repeated stretch, and the same wall time some days later.
    $wall = [datetime]::SpecifyKind($change.At.AddMinutes($low + $random.Next(0, [int]$width)), [DateTimeKind]::Unspecified)
    $days = $random.Next(1, 4)
    $newest = [TimeZoneInfo]::ConvertTimeToUtc($wall.AddDays($days), $info)
    $times = [System.Collections.Generic.List[datetime]]::new()
    $times.Add($newest)
    foreach ($i in -36..36) { $times.Add($change.At.AddMinutes($i * 5 + $random.Next(0, 5))) }
    @{ Times = $times; Span = [ordered]@{ Years = 0; Months = 0; Days = $days; Hours = @(0, 0, 1)[$random.Next(0, 3)] } }
}

# A history of UTC times: nightly, hourly near a clock change, a burst of several a day, or scattered over a year.
function Get-History([string] $Zone, [int[]] $ChangeMonths) {
    $year = $random.Next(2019, 2025)
    $times = [System.Collections.Generic.List[datetime]]::new()
    switch ($random.Next(0, 4)) {
        0 {
            $start = [datetime]::new($year, $random.Next(1, 13), 1, $random.Next(0, 24), $random.Next(0, 60), 0, [DateTimeKind]::Utc)
            foreach ($day in 0..$random.Next(5, 120)) {
                if ($random.NextDouble() -lt 0.9) { $times.Add($start.AddDays($day).AddMinutes($random.Next(-90, 90))) }
            }
        }
        1 {
            $month = $ChangeMonths[$random.Next(0, 2)]
            $start = [datetime]::new($year, $month, $random.Next(1, 28), 0, $random.Next(0, 60), 0, [DateTimeKind]::Utc)
            $step = @(15, 30, 60, 90)[$random.Next(0, 4)]
            foreach ($i in 0..$random.Next(10, 120)) { $times.Add($start.AddMinutes($i * $step + $random.Next(0, 10))) }
        }
        2 {
            $start = [datetime]::new($year, $random.Next(1, 13), $random.Next(1, 28), 0, 0, 0, [DateTimeKind]::Utc)
            foreach ($i in 0..$random.Next(5, 60)) { $times.Add($start.AddHours($random.Next(0, 24 * 21))) }
        }
        3 {
            $start = [datetime]::new($year, 1, 1, 0, 0, 0, [DateTimeKind]::Utc)
            foreach ($i in 0..$random.Next(5, 80)) { $times.Add($start.AddMinutes($random.Next(0, 60 * 24 * 730))) }
        }
    }
    # A few exact ties, which both sides must order alike (newest first, then by id).
    foreach ($i in 1..$random.Next(0, 3)) { $times.Add($times[$random.Next(0, $times.Count)]) }
    $times
}

$cases = @(foreach ($zone in $zones.Keys) {
    foreach ($n in 1..$CasesPerZone) {
        $policy = Get-Policy
        $history = Get-History $zone $zones[$zone]
        # A quarter of a zone's cases (where it changes its clocks) put a span's end on a skipped or repeated wall time.
        $across = if ($n % 4 -eq 0) { Get-HistoryAcrossChange $zone }
        if ($across) {
            $history = $across.Times
            $rule = @('Within', 'WithinHourly', 'WithinDaily', 'WithinWeekly')[$random.Next(0, 4)]
            $policy[$rule] = $across.Span
        }
        $ordered = @($history | Sort-Object -Descending)
        $snapshots = for ($i = 0; $i -lt $ordered.Count; $i++) {
            [ordered]@{ id = 's{0:d3}' -f $i; time = $ordered[$i].ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", [cultureinfo]::InvariantCulture) }
        }
        [ordered]@{ name = "$zone #$n"; zone = $zone; policy = $policy; snapshots = @($snapshots) }
    }
})

$answered = @((@{ cases = $cases } | ConvertTo-Json -Depth 6 -Compress | & $Oracle | ConvertFrom-Json).cases)
if ($LASTEXITCODE -ne 0) { throw "The oracle failed ($LASTEXITCODE)." }

# One line per case: the times newest first (ids are s000, s001, ... in that order) and the kept ones' reasons by index.
# The times and policy are taken from what was sent (ConvertFrom-Json would turn the times into DateTimes).
$lines = for ($c = 0; $c -lt $cases.Count; $c++) {
    $case = $cases[$c]
    if ($answered[$c].name -ne $case.name) { throw "The oracle answered out of order at case $c." }
    $keep = [ordered]@{}
    foreach ($kept in $answered[$c].keep) { $keep[[string][int]$kept.id.Substring(1)] = @($kept.reasons) }
    $compact = [ordered]@{ name = $case.name; zone = $case.zone; policy = $case.policy; times = @($case.snapshots.time); keep = $keep }
    '    ' + ($compact | ConvertTo-Json -Depth 6 -Compress)
}
$header = [ordered]@{ restic = $ResticCommit; seed = $Seed; produced = 'tests/OpenStackSnapshot.Client.Tests/Retention/README.md' }
$text = "{`n  `"about`": $($header | ConvertTo-Json -Compress),`n  `"cases`": [`n" + ($lines -join ",`n") + "`n  ]`n}`n"
[IO.File]::WriteAllText($OutFile, $text)
"$(@($answered).Count) cases written to $OutFile"
