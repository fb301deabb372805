# Issues 11, 21 and 23: examples/Invoke-NightlySnapshot.ps1 run in the test's own session: help, two runs in a row (by
# server, and by metadata through either API), calendar retention, coverage, -WhatIf, and the exit code of each failure.
# Run as a scheduler runs it (pwsh -File): RunbookScheduled.Tests.ps1; the caller's sessions: RunbookSessions.Tests.ps1.
BeforeAll {
    . (Join-Path $PSScriptRoot 'EmulatorTestSetup.ps1')
    $script:Emulator = Start-Emulator
    $script:Runbook = Join-Path $script:RepoRoot 'examples/Invoke-NightlySnapshot.ps1'
}
AfterAll { Stop-TestEmulator }

Describe 'examples/Invoke-NightlySnapshot.ps1' {
    BeforeEach { Reset-TestCloud }
    BeforeAll { Enter-TestCloudsYaml 'oss-nightly' }
    AfterAll { Exit-TestCloudsYaml }

    It 'has help for the script and each parameter' {
        $help = Get-Help $script:Runbook -Full
        $help.Synopsis | Should -BeLike 'Snapshots the volumes of some servers*'
        $names = 'Cloud', 'ServerId', 'VolumeName', 'Prefix', 'KeepNewest', 'ReuseNewerThan', 'Timeout', 'Api', 'VolumeMetadata',
            'KeepHourly', 'KeepDaily', 'KeepWeekly', 'KeepMonthly', 'KeepYearly', 'KeepWithin', 'KeepWithinHourly', 'KeepWithinDaily',
            'KeepWithinWeekly', 'KeepWithinMonthly', 'KeepWithinYearly', 'TimeZone', 'MaxAge'
        foreach ($name in $names) {
            ($help.parameters.parameter | Where-Object Name -EQ $name).description.Text | Should -Not -BeNullOrEmpty -Because "-$name needs help"
        }
        @($help.examples.example).Count | Should -BeGreaterOrEqual 3
        # What surprises a scheduled run: the date in the name, and the statuses retention cannot delete.
        "$($help.description.Text)" | Should -BeLike '*re-run after midnight UTC*once per scheduled night*'
        "$($help.description.Text)" | Should -BeLike '*error_deleting, backing-up*Cinder deletes only available and error snapshots*'
        # What a scheduler acts on, and that a caller's sessions are safe.
        "$($help.description.Text)" | Should -BeLike '*Exit codes*0  every step succeeded*1  a step failed*2  nothing was done*module*sign-in failed*'
        "$($help.description.Text)" | Should -BeLike "*caller's sessions and default session are left as they were*"
        # The policy: the default that stays, and what a volume not covered does to the exit code.
        "$($help.description.Text)" | Should -BeLike '*Without any keep parameter the policy is -KeepNewest 7*only those given apply*'
        "$($help.description.Text)" | Should -BeLike '*1  a step failed*or a volume found is not*covered*'
    }

    It 'run twice in a row, the second run creates nothing and reuses every snapshot; retention keeps the newest' {
        Add-EmulatorVolumeAttachment $script:Emulator -VolumeId $script:VolumeAvailable -ServerId $script:Server -Device /dev/vdb
        Add-EmulatorVolumeAttachment $script:Emulator -VolumeId $script:VolumeAvailable2 -ServerId $script:Server -Device /dev/vdc
        # Three earlier nights on each volume, and a snapshot of another job that retention must not touch.
        $old = foreach ($volume in $script:VolumeAvailable, $script:VolumeAvailable2) {
            foreach ($day in 1..3) { New-DatedSnapshot $volume "nightly-old$day" $day }
        }
        $foreign = New-DatedSnapshot $script:VolumeAvailable 'weekly-1' 30

        $first = & $script:Runbook -Cloud mycloud -ServerId $script:Server, $script:UnknownServer -KeepNewest 2 -InformationVariable log1
        $LASTEXITCODE | Should -Be 0
        $creates = Get-EmulatorRequestCount $script:Emulator 'snapshots.create'
        $second = & $script:Runbook -Cloud mycloud -ServerId $script:Server, $script:UnknownServer -KeepNewest 2 -InformationVariable log2
        $LASTEXITCODE | Should -Be 0

        $first.Volumes | Should -Be 2
        $first.Created | Should -Be 2
        $first.Reused | Should -Be 0
        $first.Kept | Should -Be 4
        $first.Removed | Should -Be 4
        $first.Failed | Should -Be 0
        $first.Covered | Should -Be 2
        $first.NotCovered | Should -Be 0
        $second.Covered | Should -Be 2
        $second.Created | Should -Be 0
        $second.Reused | Should -Be 2
        $second.Removed | Should -Be 0
        $second.Snapshots.Id | Should -Be $first.Snapshots.Id
        Get-EmulatorRequestCount $script:Emulator 'snapshots.create' | Should -Be $creates
        $left = @(Get-OSSnapshot -Session (Connect-TestCloud $script:Emulator))
        ($left.Id | Sort-Object) | Should -Be (@($first.Snapshots.Id) + $old[0].Id + $old[3].Id + $foreign.Id | Sort-Object)
        @($log1).Count | Should -Be 4   # volumes, snapshots, retention, coverage
        "$($log1[2])" | Should -BeLike '*retention per volume, newest 2: Remove-OSSnapshot: 0 created, 0 reused, 4 kept, 0 left, 4 removed, 0 failed'
        "$($log2[3])" | Should -BeLike '*coverage, newest snapshot younger than 1.00:00:00: 2 covered, 0 not covered'
        "$($log2[1])" | Should -BeLike "*snapshots 'nightly-*': New-OSSnapshot: 0 created, 2 reused, 0 kept, 0 left, 0 removed, 0 failed"
        @(Get-OSSession).Count | Should -Be 1 -Because 'the runbook disconnects its own session; the test''s stays'
    }

    It 'changes nothing with -WhatIf, the retention of older nights included' {
        foreach ($day in 1..3) { New-DatedSnapshot $script:VolumeAvailable "nightly-old$day" $day | Out-Null }
        $creates = Get-EmulatorRequestCount $script:Emulator 'snapshots.create'
        $lines = Get-WhatIfLine { & $script:Runbook -Cloud mycloud -VolumeName 'data-*' -KeepNewest 1 -WhatIf }
        @($lines | Where-Object { $_ -like '*"Remove"*' }).Count | Should -Be 2   # nightly-old2 and nightly-old3
        Get-EmulatorRequestCount $script:Emulator 'snapshots.create' | Should -Be $creates
        Get-EmulatorRequestCount $script:Emulator 'snapshots.delete' | Should -Be 0
        @(Get-OSSnapshot -Session (Connect-TestCloud $script:Emulator)).Count | Should -Be 3
    }

    It 'chooses the volumes that opted in by metadata through <Api>; run twice in a row, the second reuses, both exit 0' -ForEach @(
        @{ Api = 'BlockStorage'; Listing = 'cinder.volumes.detail'; Other = 'volumes.detail' }   # Cinder filters
        @{ Api = 'Compute'; Listing = 'volumes.detail'; Other = 'cinder.volumes.detail' }        # filtered here, from Nova's view
    ) {
        # Two volumes opt in; a third carries another policy's value, and db-01 no tag at all.
        $tagging = Connect-TestCloud $script:Emulator -Extra @{ Api = 'BlockStorage'; Name = 'tagging'; NoDefault = $true }
        Set-OSVolume -Session $tagging -VolumeId $script:VolumeAvailable, $script:VolumeAvailable3 -Metadata @{ backup = 'nightly' }
        Set-OSVolume -Session $tagging -VolumeId $script:VolumeAvailable2 -Metadata @{ backup = 'weekly' }
        Disconnect-OSCloud -Session $tagging
        $listings = Get-EmulatorRequestCount $script:Emulator $Listing
        $others = Get-EmulatorRequestCount $script:Emulator $Other
        $chosen = @($script:VolumeAvailable, $script:VolumeAvailable3) | Sort-Object

        $first = & $script:Runbook -Cloud mycloud -Api $Api -VolumeMetadata @{ backup = 'nightly' } -InformationVariable log1
        $firstExit = $LASTEXITCODE
        $second = & $script:Runbook -Cloud mycloud -Api $Api -VolumeMetadata @{ backup = 'nightly' } -InformationVariable log2
        $secondExit = $LASTEXITCODE

        $firstExit | Should -Be 0
        $secondExit | Should -Be 0
        Get-EmulatorRequestCount $script:Emulator $Listing | Should -BeGreaterThan $listings -Because "the volumes are listed through $Api"
        Get-EmulatorRequestCount $script:Emulator $Other | Should -Be $others -Because 'the other API is not asked'
        $first.Volumes | Should -Be 2
        ($first.Snapshots.VolumeId | Sort-Object) | Should -Be $chosen
        $first.Created | Should -Be 2
        $first.Covered | Should -Be 2
        $first.NotCovered | Should -Be 0
        ($first.Coverage.VolumeId | Sort-Object) | Should -Be $chosen
        $first.Failed | Should -Be 0
        $second.Created | Should -Be 0
        $second.Reused | Should -Be 2
        $second.Snapshots.Id | Should -Be $first.Snapshots.Id
        $second.Covered | Should -Be 2
        $second.NotCovered | Should -Be 0
        "$($log1[0])" | Should -BeLike '*: 2 volumes to snapshot'
        "$($log2[3])" | Should -BeLike '*: 2 covered, 0 not covered'
        (@(Get-OSSnapshot).VolumeId | Sort-Object) | Should -Be $chosen -Because 'only the volumes that opted in were snapshotted'
    }

    It 'takes -VolumeMetadata as key=value strings too, and refuses <Case> before signing in (exit code 2)' -ForEach @(
        @{ Case = 'an empty table, which would choose every volume'; Metadata = @(@{}); Says = '*needs at least one pair*' }
        @{ Case = 'a string without ='; Metadata = @('backup'); Says = "*takes a hashtable*'backup' is neither*" }
        @{ Case = 'a key given twice'; Metadata = @(@{ backup = 'nightly' }, 'backup=weekly'); Says = "*gives the key 'backup' twice*" }
    ) {
        $tagging = Connect-TestCloud $script:Emulator -Extra @{ Api = 'BlockStorage'; Name = 'tagging'; NoDefault = $true }
        Set-OSVolume -Session $tagging -VolumeId $script:VolumeAvailable -Metadata @{ backup = 'nightly'; tier = 'gold' }
        Set-OSVolume -Session $tagging -VolumeId $script:VolumeAvailable2 -Metadata @{ backup = 'nightly' }
        Disconnect-OSCloud -Session $tagging
        $run = & $script:Runbook -Cloud mycloud -VolumeMetadata 'backup=nightly', 'tier=gold'
        $LASTEXITCODE | Should -Be 0
        $run.Snapshots.VolumeId | Should -Be @($script:VolumeAvailable)

        $signIns = Get-EmulatorRequestCount $script:Emulator 'identity.tokens'
        & $script:Runbook -Cloud mycloud -VolumeMetadata $Metadata -ErrorAction SilentlyContinue -ErrorVariable refused | Out-Null
        $LASTEXITCODE | Should -Be 2
        # -ErrorVariable holds the record once per scope it was thrown through, and as the trap wrote it: one error.
        @($refused | ForEach-Object { "$_" } | Select-Object -Unique).Count | Should -Be 1
        $refused[-1].FullyQualifiedErrorId | Should -Be 'VolumeMetadataInvalid,Invoke-NightlySnapshot.ps1'
        "$($refused[-1])" | Should -BeLike $Says
        Get-EmulatorRequestCount $script:Emulator 'identity.tokens' | Should -Be $signIns
    }

    It 'keeps what -KeepDaily keeps on the days of -TimeZone <Zone>, and no -KeepNewest besides' -ForEach @(
        @{ Zone = 'Asia/Kolkata'; Removed = 'c' }   # +05:30: a and b fall on two days, c is the fourth day
        @{ Zone = 'Etc/UTC'; Removed = 'a' }        # a and b share a day, b is its newest; c is the third day
    ) {
        # Three earlier snapshots of data-01 around UTC midnights: a and b on one UTC day, 17:00 and 20:00 (22:30 and
        # 01:30 the next day in Kolkata), c at noon the day before.
        $midnight = [DateTime]::UtcNow.Date
        $at = @{ a = $midnight.AddDays(-2).AddHours(17); b = $midnight.AddDays(-2).AddHours(20); c = $midnight.AddDays(-3).AddHours(12) }
        $earlier = @{}
        foreach ($key in 'c', 'a', 'b') {
            $earlier[$key] = New-OSSnapshot -VolumeId $script:VolumeAvailable -Name "nightly-old-$key" -Force
            Set-EmulatorSnapshotCreatedAt $script:Emulator -Id $earlier[$key].Id -CreatedAt $at[$key]
        }

        $run = & $script:Runbook -Cloud mycloud -VolumeName data-01 -KeepDaily 3 -TimeZone $Zone -InformationVariable log

        $LASTEXITCODE | Should -Be 0
        $run.Created | Should -Be 1
        $run.Kept | Should -Be 3 -Because 'the default -KeepNewest 7 would have kept all four'
        $run.Removed | Should -Be 1
        $kept = @($run.Snapshots.Id) + @('a', 'b', 'c' | Where-Object { $_ -ne $Removed } | ForEach-Object { $earlier[$_].Id })
        (@(Get-OSSnapshot -Name 'nightly-*').Id | Sort-Object) | Should -Be ($kept | Sort-Object)
        "$($log[2])" | Should -BeLike ("*retention per volume, daily 3 in time zone ${Zone}: " +
            'Remove-OSSnapshot: 0 created, 0 reused, 3 kept, 0 left, 1 removed, 0 failed')
    }

    It 'combines the calendar counts with -KeepNewest when both are given' {
        foreach ($day in 1..3) { New-DatedSnapshot $script:VolumeAvailable "nightly-old$day" $day | Out-Null }
        $run = & $script:Runbook -Cloud mycloud -VolumeName data-01 -KeepNewest 3 -KeepDaily 1 -TimeZone Etc/UTC -InformationVariable log
        $LASTEXITCODE | Should -Be 0
        # The newest three (tonight's, a day and two days old); the daily rule alone would keep one, the default seven all.
        $run.Kept | Should -Be 3
        $run.Removed | Should -Be 1
        "$($log[2])" | Should -BeLike '*retention per volume, newest 3, daily 1 in time zone Etc/UTC: *3 kept, 0 left, 1 removed, 0 failed'
    }

    It 'ends with exit code 1, names the volume and writes VolumeNotCovered when a volume''s snapshot failed' {
        Set-EmulatorFault $script:Emulator -Route snapshots.create -Status 403 -Count 1
        $run = & $script:Runbook -Cloud mycloud -VolumeName data-01, logs -ErrorAction SilentlyContinue -ErrorVariable failures `
            -InformationVariable log
        $LASTEXITCODE | Should -Be 1
        $missing = @($script:VolumeAvailable, $script:VolumeAvailable3 | Where-Object { $_ -notin $run.Snapshots.VolumeId })
        $missing.Count | Should -Be 1
        $run.Covered | Should -Be 1
        $run.NotCovered | Should -Be 1
        @($run.Coverage | Where-Object -Not Covered).VolumeId | Should -Be $missing
        $run.FailedErrorIds | Should -Be @('OSForbidden') -Because 'a volume not covered is counted in NotCovered, not as a failed step'
        $notCovered = @($failures | Where-Object FullyQualifiedErrorId -Like 'VolumeNotCovered,*')
        $notCovered.Count | Should -Be 1
        $notCovered[0].TargetObject | Should -Be $missing[0]
        $notCovered[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        "$($notCovered[0])" | Should -BeLike "Volume * ($($missing[0])) has no available snapshot younger than 1.00:00:00: it has none."
        "$($log[3])" | Should -BeLike "*: 1 covered, 1 not covered: * ($($missing[0]))"
    }

    It 'ends with exit code 1 when the snapshot reused is older than -MaxAge' {
        $tonight = 'nightly-' + [DateTime]::UtcNow.ToString('yyyyMMdd', [cultureinfo]::InvariantCulture)
        $earlier = New-DatedSnapshot $script:VolumeAvailable $tonight (10 / 24)
        $run = & $script:Runbook -Cloud mycloud -VolumeName data-01 -MaxAge 06:00:00 -ErrorAction SilentlyContinue -ErrorVariable failures
        $LASTEXITCODE | Should -Be 1
        $run.Reused | Should -Be 1
        $run.Created | Should -Be 0
        $run.Failed | Should -Be 0
        $run.NotCovered | Should -Be 1
        @($failures).Count | Should -Be 1
        "$($failures[0])" | Should -BeLike "*younger than 06:00:00: its newest, $($earlier.Id), was made * (10:0?:?? ago)."
    }

    It 'under -WhatIf logs the coverage as it was, and a volume not yet covered is no error' {
        $run = & $script:Runbook -Cloud mycloud -VolumeName data-01 -WhatIf -InformationVariable log -ErrorVariable failures 6>$null
        $LASTEXITCODE | Should -Be 0
        $run.Created | Should -Be 0
        $run.Covered | Should -Be 0
        $run.NotCovered | Should -Be 1
        @($failures).Count | Should -Be 0
        "$($log[3])" | Should -BeLike "*: 0 covered, 1 not covered: data-01 ($script:VolumeAvailable), as before this run (-WhatIf made nothing)"
        Get-EmulatorRequestCount $script:Emulator 'snapshots.create' | Should -Be 0
    }

    It 'ends with exit code 1 and the ErrorId when the volume listing fails' {
        Set-EmulatorFault $script:Emulator -Route volumes.detail -Status 500 -Count 1
        $run = & $script:Runbook -Cloud mycloud -ServerId $script:Server -ErrorAction SilentlyContinue
        $LASTEXITCODE | Should -Be 1
        $run.Failed | Should -Be 1
        $run.FailedErrorIds | Should -Be @('OSServerError')
    }

    It 'ends with exit code 1 and OSNotFound when a volume name matches nothing' {
        $run = & $script:Runbook -Cloud mycloud -VolumeName 'data-01', 'no-such-volume' -KeepNewest 1 -ErrorAction SilentlyContinue
        $LASTEXITCODE | Should -Be 1
        $run.Created | Should -Be 1
        $run.FailedErrorIds | Should -Be @('OSNotFound')
    }

    It 'ends with exit code 1 and the ErrorId when the retention''s listing fails' {
        # Both listings fail: the reuse look-up's (so nothing is created) and the retention's.
        Set-EmulatorFault $script:Emulator -Route snapshots.detail -Status 500 -Count 2
        $run = & $script:Runbook -Cloud mycloud -VolumeName 'data-01' -KeepNewest 1 -ErrorAction SilentlyContinue
        $LASTEXITCODE | Should -Be 1
        $run.Created | Should -Be 0
        $run.FailedErrorIds | Should -Be @('OSServerError', 'OSServerError')
    }

    It 'ends with exit code 1 and the ErrorIds when a volume fails' {
        Set-EmulatorFault $script:Emulator -Route snapshots.create -Status 403 -Count 1
        $run = & $script:Runbook -Cloud mycloud -VolumeName 'data-01', 'logs' -KeepNewest 1 -ErrorAction SilentlyContinue
        $LASTEXITCODE | Should -Be 1
        $run.Created | Should -Be 1
        $run.FailedErrorIds | Should -Be @('OSForbidden')
    }
}
