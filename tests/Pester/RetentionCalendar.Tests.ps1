# Issue 23: Remove-OSSnapshot's calendar retention (restic's forget), its time zone, the reasons it gives, and
# Get-OSSnapshotRetention, which shows the decisions as objects and removes nothing. The rules themselves are held to
# restic by the client tests (Retention/ResticCasesTests); here: the parameters, the errors and what a user sees.
BeforeAll {
    . (Join-Path $PSScriptRoot 'EmulatorTestSetup.ps1')
    $script:Emulator = Start-Emulator

    # A snapshot of the volume made at a given UTC time, in a given status.
    function New-SnapshotAt([string] $Name, [datetime] $CreatedAt, [string] $Status = 'available',
        [string] $VolumeId = $script:VolumeAvailable) {
        $snapshot = New-OSSnapshot -VolumeId $VolumeId -Name $Name -Force
        Set-EmulatorSnapshotCreatedAt $script:Emulator -Id $snapshot.Id -CreatedAt $CreatedAt
        if ($Status -ne 'available') { Set-EmulatorSnapshotStatus $script:Emulator -Id $snapshot.Id -Status $Status }
        Get-OSSnapshot -Id $snapshot.Id
    }

    function Get-Utc([string] $Text) { [datetime]::SpecifyKind([datetime]::ParseExact($Text, 'yyyy-MM-dd HH:mm', $null), 'Utc') }

    # The names of the snapshots still there, sorted.
    function Get-LeftName { @(Get-OSSnapshot | Sort-Object Name | ForEach-Object Name) }
}
AfterAll { Stop-TestEmulator }

Describe 'Remove-OSSnapshot with calendar rules' {
    BeforeEach {
        Reset-TestCloud
        # 17:00, 18:00 and 19:00 UTC on 30 November: one day in UTC, but 22:30 and 23:30 on the 30th and 00:30 on
        # 1 December in Kolkata (+05:30), so -KeepDaily 2 keeps other snapshots there.
        $script:At17 = New-SnapshotAt 'n-17' (Get-Utc '2026-11-30 17:00')
        $script:At18 = New-SnapshotAt 'n-18' (Get-Utc '2026-11-30 18:00')
        $script:At19 = New-SnapshotAt 'n-19' (Get-Utc '2026-11-30 19:00')
    }

    It 'keeps each day''s newest, and the oldest while the rule has room, in the days of -TimeZone' {
        Get-OSSnapshot -Name 'n-*' | Remove-OSSnapshot -KeepDaily 2 -TimeZone UTC -Confirm:$false
        Get-LeftName | Should -Be @('n-17', 'n-19')

        Reset-TestCloud
        foreach ($hour in 17..19) { New-SnapshotAt "n-$hour" (Get-Utc "2026-11-30 $($hour):00") | Out-Null }
        Get-OSSnapshot -Name 'n-*' | Remove-OSSnapshot -KeepDaily 2 -TimeZone Asia/Kolkata -Confirm:$false
        Get-LeftName | Should -Be @('n-18', 'n-19')
    }

    It 'takes a Windows id, Get-TimeZone''s object, and by default the local zone' {
        $snapshots = @(Get-OSSnapshot -Name 'n-*')
        $iana = $snapshots | Get-OSSnapshotRetention -KeepDaily 2 -TimeZone Asia/Kolkata | ForEach-Object { "$_" }
        $snapshots | Get-OSSnapshotRetention -KeepDaily 2 -TimeZone 'India Standard Time' | ForEach-Object { "$_" } | Should -Be $iana
        $snapshots | Get-OSSnapshotRetention -KeepDaily 2 -TimeZone (Get-TimeZone -Id Asia/Kolkata) | ForEach-Object { "$_" } | Should -Be $iana

        $savedTz = $env:TZ
        try {
            $env:TZ = 'Asia/Kolkata'
            [TimeZoneInfo]::ClearCachedData()
            $snapshots | Get-OSSnapshotRetention -KeepDaily 2 | ForEach-Object { "$_" } | Should -Be $iana
        }
        finally {
            $env:TZ = $savedTz
            [TimeZoneInfo]::ClearCachedData()
        }
    }

    It 'takes -KeepLast as -KeepNewest' {
        Get-OSSnapshot -Name 'n-*' | Remove-OSSnapshot -KeepLast 1 -Confirm:$false
        Get-LeftName | Should -Be @('n-19')
        (Get-Command Remove-OSSnapshot).Parameters['KeepNewest'].Aliases | Should -Be @('KeepLast')
    }

    It 'counts each rule on its own and says every reason of every decision' {
        $decisions = @(Get-OSSnapshot -Name 'n-*' | Get-OSSnapshotRetention -KeepLast 1 -KeepWithin 01:00:00 -KeepHourly 2 -TimeZone UTC)

        $decisions.Snapshot.Name | Should -Be @('n-19', 'n-18', 'n-17')
        $decisions.Action | Should -Be @('Keep', 'Keep', 'Remove')
        $decisions[0].Reasons | Should -Be @('within 1h', 'last snapshot', 'hourly snapshot')
        $decisions[1].Reasons | Should -Be @('hourly snapshot')
        $decisions[2].Reasons | Should -Be @('matches no rule')
        $decisions[0].VolumeId | Should -Be $script:VolumeAvailable
        $decisions[0].ZoneTime | Should -Be ([DateTimeOffset]::new(2026, 11, 30, 19, 0, 0, [timespan]::Zero))
    }

    It 'lists with -WhatIf what would go, sends nothing, and gives each reason with -Verbose' {
        $lines = Get-WhatIfLine {
            $script:Verbose = @(Get-OSSnapshot -Name 'n-*' | Remove-OSSnapshot -KeepDaily 1 -TimeZone UTC -WhatIf -Verbose 4>&1 |
                    Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message)
        }

        $lines | Should -Be @(
            foreach ($s in $script:At17, $script:At18) {
                "What if: Performing the operation `"Remove`" on target `"snapshot $($s.Id) ($($s.Name))`"."
            })
        Get-EmulatorRequestCount $script:Emulator 'snapshots.delete' | Should -Be 0
        $script:Verbose | Should -Contain 'Retention: keep daily 1 per volume, in time zone UTC.'
        $script:Verbose | Should -Contain "Keep snapshot $($script:At19.Id) 'n-19' (2026-11-30 19:00 +00:00): daily snapshot"
        $script:Verbose | Should -Contain "Remove snapshot $($script:At17.Id) 'n-17' (2026-11-30 17:00 +00:00): matches no rule"
        @(Get-OSSnapshot).Count | Should -Be 3
    }

    It 'says with -WhatIf why what stays stays, one line per snapshot kept or left' {
        $said = @(Get-OSSnapshot -Name 'n-*' | Remove-OSSnapshot -KeepDaily 1 -TimeZone UTC -WhatIf 6>&1 | ForEach-Object { "$_" })

        $said | Should -Be @("Would keep snapshot $($script:At19.Id) 'n-19' (2026-11-30 19:00 +00:00): daily snapshot")
        Get-EmulatorRequestCount $script:Emulator 'snapshots.delete' | Should -Be 0
    }

    It 'counts with -Summary what it kept, left and removed' {
        New-SnapshotAt 'n-error' (Get-Utc '2026-11-30 20:00') 'error' | Out-Null
        New-SnapshotAt 'n-creating' (Get-Utc '2026-11-30 21:00') 'creating' | Out-Null

        $run = Get-OSSnapshot -Name 'n-*' | Remove-OSSnapshot -KeepHourly 2 -TimeZone UTC -Summary -Confirm:$false

        "$run" | Should -Be 'Remove-OSSnapshot: 0 created, 0 reused, 2 kept, 1 left, 2 removed, 0 failed'
        Get-LeftName | Should -Be @('n-18', 'n-19', 'n-creating')
    }

    It 'refuses the keep parameters with -Id, whatever the rule' {
        $failure = Get-OneError { Remove-OSSnapshot -Id $script:At17.Id -KeepDaily 1 -Confirm:$false }
        $failure.FullyQualifiedErrorId | Should -BeLike 'AmbiguousParameterSet*'
        foreach ($name in 'KeepDaily', 'KeepWithin', 'KeepWithinMonthly', 'TimeZone') {
            (Get-Command Remove-OSSnapshot).Parameters[$name].ParameterSets.Keys | Should -Be @('InputObject')
        }
        @(Get-OSSnapshot).Count | Should -Be 3
    }

    It 'warns that -TimeZone alone keeps nothing, and removes what it is given, as without it' {
        Get-OSSnapshot -Name 'n-17' | Remove-OSSnapshot -TimeZone UTC -Confirm:$false -WarningVariable warned 3>$null
        $warned.Message | Should -Be '-TimeZone has no effect without a keep parameter: every snapshot given is removed.'
        Get-LeftName | Should -Be @('n-18', 'n-19')
    }
}

Describe 'Bad retention parameters' {
    BeforeAll {
        Reset-TestCloud
        foreach ($hour in 17..19) { New-SnapshotAt "n-$hour" (Get-Utc "2026-11-30 $($hour):00") | Out-Null }
    }

    It '<Cmdlet> refuses -<Parameter> <Value> with <ErrorId> and removes nothing' -ForEach @(
        $validation = 'ParameterArgumentValidationError'
        $transformation = 'ParameterArgumentTransformationError'
        foreach ($command in 'Remove-OSSnapshot', 'Get-OSSnapshotRetention') {
            foreach ($case in @(
                    @('KeepDaily', -1, $validation, 'less than the minimum'), @('KeepNewest', -3, $validation, 'less than the minimum'),
                    @('KeepWithin', '00:00:00', $validation, 'keeps nothing'), @('KeepWithinDaily', '-1.00:00:00', $validation, 'keeps nothing'),
                    @('KeepWithinWeekly', '1.00:30:00', $validation, 'whole hours'), @('KeepWithinHourly', '00:00:30', $validation, 'whole hours'),
                    @('KeepWithinYearly', 7, $transformation, 'ticks'), @('TimeZone', 'Mars/Olympus_Mons', $transformation, 'IANA id'))) {
                @{ Cmdlet = $command; Parameter = $case[0]; Value = $case[1]; ErrorId = $case[2]; Says = $case[3] }
            }
        }
    ) {
        $before = Get-EmulatorRequestCount $script:Emulator 'snapshots.delete'
        $arguments = @{ $Parameter = $Value }
        if ($Parameter -eq 'TimeZone') { $arguments.KeepDaily = 1 }
        if ($Cmdlet -eq 'Remove-OSSnapshot') { $arguments.Confirm = $false }

        # Not named $Command: Get-OneError's own parameter is, and the block would call itself.
        $failure = Get-OneError { Get-OSSnapshot -Name 'n-*' | & $Cmdlet @arguments }

        $failure.FullyQualifiedErrorId | Should -Be "$ErrorId,OpenStackSnapshot.Commands.$($Cmdlet -replace '-')Command"
        "$failure" | Should -Match $Says
        Get-EmulatorRequestCount $script:Emulator 'snapshots.delete' | Should -Be $before
        @(Get-OSSnapshot).Count | Should -Be 3
    }
}

Describe 'Get-OSSnapshotRetention' {
    BeforeAll {
        Reset-TestCloud
        foreach ($day in 1..6) { New-SnapshotAt "d-$day" (Get-Utc "2026-11-0$day 22:00") | Out-Null }
        New-SnapshotAt 'd-error' (Get-Utc '2026-11-07 22:00') 'error' | Out-Null
        New-SnapshotAt 'other' (Get-Utc '2026-11-05 10:00') -VolumeId $script:VolumeAvailable2 | Out-Null
        $script:Snapshots = @(Get-OSSnapshot)
    }

    It 'judges each volume on its own, newest first, and sends nothing' {
        $requests = Get-RequestTotal
        $decisions = @($script:Snapshots | Get-OSSnapshotRetention -KeepDaily 2 -KeepWeekly 2 -TimeZone Europe/Berlin)

        Get-RequestTotal | Should -Be $requests
        ($decisions | Group-Object VolumeId).Name | Should -Be @($script:VolumeAvailable, $script:VolumeAvailable2)
        ($decisions | Where-Object VolumeId -EQ $script:VolumeAvailable | ForEach-Object { "$($_.Snapshot.Name) $($_.Action)" }) | Should -Be @(
            'd-error Remove', 'd-6 Keep', 'd-5 Keep', 'd-4 Remove', 'd-3 Remove', 'd-2 Remove', 'd-1 Keep')
        # 1 November 2026 is a Sunday: its snapshot is the newest of the week before, and the oldest of the list.
        ($decisions | Where-Object { $_.Snapshot.Name -eq 'd-1' }).Reasons | Should -Be @('weekly snapshot')
        ($decisions | Where-Object { $_.Snapshot.Name -eq 'other' }).Reasons | Should -Be @('daily snapshot', 'weekly snapshot')
        @(Get-OSSnapshot).Count | Should -Be 8
    }

    It 'writes decisions that bind to no removal, so piping them on removes nothing' {
        $decisions = @($script:Snapshots | Get-OSSnapshotRetention -KeepDaily 1)
        $decisions | Remove-OSSnapshot -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable failures
        $failures.Count | Should -BeGreaterThan 0
        @(Get-OSSnapshot).Count | Should -Be 8
    }

    It 'shows every available snapshot as removed without a keep parameter' {
        $decisions = @($script:Snapshots | Get-OSSnapshotRetention)
        ($decisions | Where-Object Action -EQ 'Keep') | Should -BeNullOrEmpty
        ($decisions | Where-Object { $_.Snapshot.Status -eq 'available' }).Reasons | Sort-Object -Unique | Should -Be 'matches no rule'
    }

    It 'shows a table per volume within 80 columns, on the zone''s clock' {
        $text = $script:Snapshots | Get-OSSnapshotRetention -KeepDaily 2 -KeepWeekly 2 -KeepMonthly 2 -TimeZone Asia/Kolkata |
            Out-String -Width 80
        $lines = $text -split "`n" | Where-Object { $_.Trim() }

        $lines | Should -Contain "   Volume: $($script:VolumeAvailable)"
        $lines | Where-Object { $_ -match '^Action\s+Time\s+Id\s+Reasons\s*$' } | Should -Not -BeNullOrEmpty
        # d-6 (22:00 UTC on 6 November) is 03:30 on the 7th in Kolkata.
        $newest = $script:Snapshots.Where({ $_.Name -eq 'd-6' })[0].Id.Substring(0, 8)
        # Reasons too long for the line wrap under their column rather than being cut.
        $at = [array]::IndexOf($lines, "Keep   2026-11-07 03:30 +05:30 $newest daily snapshot, weekly snapshot, monthly")
        $at | Should -BeGreaterThan 0
        $lines[$at + 1] | Should -Be "$(' ' * 41)snapshot"
        foreach ($line in $lines) { $line.TrimEnd().Length | Should -BeLessOrEqual 80 }
    }

    It 'says the policy and each decision in the verbose stream' {
        $verbose = @($script:Snapshots | Get-OSSnapshotRetention -KeepNewest 1 -TimeZone UTC -Verbose 4>&1 |
                Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message)
        $verbose[0] | Should -Be 'Retention: keep last 1 per volume, in time zone UTC.'
        @($verbose | Where-Object { $_ -like 'Volume *' }).Count | Should -Be 2
        @($verbose | Where-Object { $_ -like 'Keep snapshot *: last snapshot' }).Count | Should -Be 2
    }
}
