# Issue 11: New-OSSnapshot -ReuseNewerThan, so a re-run nightly job makes no second snapshot, and its -Summary.
BeforeAll {
    . (Join-Path $PSScriptRoot 'EmulatorTestSetup.ps1')
    $script:Emulator = Start-Emulator
}
AfterAll { Stop-TestEmulator }

Describe 'New-OSSnapshot -ReuseNewerThan' {
    BeforeEach { Reset-TestCloud }
    It 'writes the existing snapshot on a re-run, with a verbose line, and creates nothing' {
        $first = @($script:VolumeAvailable, $script:VolumeAvailable2 | New-OSSnapshot -Name nightly -ReuseNewerThan 20:00:00 -Wait)
        $creates = Get-EmulatorRequestCount $script:Emulator 'snapshots.create'

        $out = @($script:VolumeAvailable, $script:VolumeAvailable2 | New-OSSnapshot -Name nightly -ReuseNewerThan 20:00:00 -Wait -Verbose 4>&1)

        Get-EmulatorRequestCount $script:Emulator 'snapshots.create' | Should -Be $creates
        $snapshots = @($out | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] })
        $snapshots.Id | Should -Be $first.Id
        $said = @($out | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -like '*already has snapshot*' })
        $said.Count | Should -Be 2
        $said[0].Message | Should -BeLike ("Volume $($script:VolumeAvailable) already has snapshot $($first[0].Id) 'nightly' " +
            '(available, created *), within -ReuseNewerThan 20:00:00*')
    }

    It 'lists the snapshots once for the whole pipeline' {
        New-OSSnapshot -VolumeId $script:VolumeInUse -Name other -Force | Out-Null   # so the listing is not empty
        Get-OSSnapshot | Out-Null
        $oneListing = Get-EmulatorRequestCount $script:Emulator 'snapshots.detail'
        $script:VolumeAvailable, $script:VolumeAvailable2, $script:VolumeAvailable3 | New-OSSnapshot -Name nightly -ReuseNewerThan 20:00:00 | Out-Null
        Get-EmulatorRequestCount $script:Emulator 'snapshots.detail' | Should -Be (2 * $oneListing)
    }

    It 'creates when the only match is older than the span, failed, being deleted, or of another name' {
        New-DatedSnapshot $script:VolumeAvailable 'nightly' (21 / 24) | Out-Null
        New-DatedSnapshot $script:VolumeAvailable2 'nightly' 0.1 'error' | Out-Null
        New-DatedSnapshot $script:VolumeAvailable3 'nightly' 0.1 'deleting' | Out-Null
        New-DatedSnapshot $script:VolumeInUse 'nightly-other' 0.1 | Out-Null
        $creates = Get-EmulatorRequestCount $script:Emulator 'snapshots.create'

        $made = @($script:VolumeAvailable, $script:VolumeAvailable2, $script:VolumeAvailable3, $script:VolumeInUse |
                New-OSSnapshot -Name nightly -Force -ReuseNewerThan 20:00:00)

        (Get-EmulatorRequestCount $script:Emulator 'snapshots.create') - $creates | Should -Be 4
        $made.Status | Should -Be @('creating', 'creating', 'creating', 'creating')
    }

    It 'reuses one still creating, and waits for it with -Wait' {
        $existing = New-DatedSnapshot $script:VolumeAvailable 'nightly' 0 'creating'
        $reuse = @{ VolumeId = $script:VolumeAvailable; Name = 'nightly'; ReuseNewerThan = '20:00:00'; Wait = $true; Timeout = '00:00:03' }
        $out = New-OSSnapshot @reuse -ErrorAction SilentlyContinue -ErrorVariable failed
        $out | Should -BeNullOrEmpty
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'OSTimeout,*'   # forced to stay creating
        $failed[0].TargetObject | Should -Be $existing.Id
        Get-EmulatorRequestCount $script:Emulator 'snapshots.create' | Should -Be 1   # the set-up's only
    }

    It 'snapshots a volume given twice in one pipeline once, even with creates in flight' {
        $made = @($script:VolumeAvailable, $script:VolumeAvailable2, $script:VolumeAvailable |
                New-OSSnapshot -Name nightly -ReuseNewerThan 20:00:00 -ThrottleLimit 8)
        Get-EmulatorRequestCount $script:Emulator 'snapshots.create' | Should -Be 2
        $made.Count | Should -Be 3
        $made[2].Id | Should -Be $made[0].Id
    }

    It 'counts a volume given twice with -Wait -Summary as one created, as the one create sent' {
        $run = $script:VolumeAvailable, $script:VolumeAvailable | New-OSSnapshot -Name nightly -ReuseNewerThan 20:00:00 -Wait -Summary
        Get-EmulatorRequestCount $script:Emulator 'snapshots.create' | Should -Be 1
        $run.Created | Should -Be 1
        $run.Reused | Should -Be 0
        $run.Snapshots.Count | Should -Be 1
    }

    It 'refuses an item without a name with OSInvalidArgument, and goes on with the others' {
        $items = [pscustomobject]@{ VolumeId = $script:VolumeAvailable }, [pscustomobject]@{ VolumeId = $script:VolumeAvailable2; Name = 'nightly' }
        $out = @($items | New-OSSnapshot -ReuseNewerThan 20:00:00 -ErrorAction Continue 2>&1)
        $out[0].FullyQualifiedErrorId | Should -BeLike 'OSInvalidArgument,*'
        $out[0].TargetObject | Should -Be $script:VolumeAvailable
        $out[1].Name | Should -Be 'nightly'
        Get-EmulatorRequestCount $script:Emulator 'snapshots.create' | Should -Be 1
    }

    It 'creates nothing for a volume whose listing failed, and lists again for the next' {
        Set-EmulatorFault $script:Emulator -Route snapshots.detail -Status 500 -Count 1
        $out = @($script:VolumeAvailable, $script:VolumeAvailable2 | New-OSSnapshot -Name nightly -ReuseNewerThan 20:00:00 -ErrorAction Continue 2>&1)
        $out[0].FullyQualifiedErrorId | Should -BeLike 'OSServerError,*'
        $out[0].TargetObject | Should -Be $script:VolumeAvailable
        $out[1].VolumeId | Should -Be $script:VolumeAvailable2
        Get-EmulatorRequestCount $script:Emulator 'snapshots.create' | Should -Be 1
    }

    It 'shows reuse under -WhatIf and confirms only what it would create' {
        $existing = New-OSSnapshot -VolumeId $script:VolumeAvailable -Name nightly
        $lines = Get-WhatIfLine { $script:VolumeAvailable, $script:VolumeAvailable2 | New-OSSnapshot -Name nightly -ReuseNewerThan 20:00:00 -WhatIf }
        $lines | Should -Be @("What if: Performing the operation `"Create snapshot 'nightly'`" on target `"volume $($script:VolumeAvailable2)`".")
        Get-EmulatorRequestCount $script:Emulator 'snapshots.create' | Should -Be 1
        $existing | Should -Not -BeNullOrEmpty
    }

    It 'writes a summary with -Summary: created, reused and the failures'' ErrorIds, in place of the snapshots' {
        New-OSSnapshot -VolumeId $script:VolumeAvailable -Name nightly | Out-Null
        $run = @(Get-OSVolume | New-OSSnapshot -Name nightly -ReuseNewerThan 20:00:00 -Wait -Summary -ErrorAction SilentlyContinue)

        $run.Count | Should -Be 1
        $run[0].Created | Should -Be 2
        $run[0].Reused | Should -Be 1
        $run[0].FailedErrorIds | Should -Be @('OSVolumeNotAvailable')   # db-01 is attached and -Force was not given
        $run[0].Errors[0].TargetObject | Should -Be $script:VolumeInUse
        $run[0].Snapshots.VolumeId | Should -Be @($script:VolumeAvailable, $script:VolumeAvailable2, $script:VolumeAvailable3)
        "$($run[0])" | Should -Be 'New-OSSnapshot: 2 created, 1 reused, 0 kept, 0 left, 0 removed, 1 failed (OSVolumeNotAvailable)'
    }
}
