# Issue 12 part 3: the nightly-pipeline features unchanged on a BlockStorage session (-ThrottleLimit, Wait-OSSnapshot,
# -ReuseNewerThan scoped by -Metadata, -Summary), every request going to Cinder's routes and none to Nova's proxy.
BeforeAll {
    . (Join-Path $PSScriptRoot 'EmulatorTestSetup.ps1')
    Start-CleanTestEmulator
    $script:Volumes = @($script:VolumeAvailable, $script:VolumeAvailable2, $script:VolumeAvailable3)

    # Nova's proxy routes that a BlockStorage session must never call.
    function Get-ProxyRequestCount {
        ('snapshots.create', 'snapshots.detail', 'snapshots.show', 'snapshots.delete' |
            ForEach-Object { Get-EmulatorRequestCount $script:Emulator $_ } | Measure-Object -Sum).Sum
    }
}
AfterAll { Stop-CleanTestEmulator }

Describe 'A nightly pipeline on a BlockStorage session' {
    BeforeEach {
        Reset-Emulator $script:Emulator
        Connect-TestCloud $script:Emulator -Extra @{ Api = 'BlockStorage' } | Out-Null
    }

    It 'creates with -ThrottleLimit through Cinder, tagged and in input order' {
        $made = @($script:Volumes | New-OSSnapshot -Name nightly -Metadata $script:Managed -ThrottleLimit 3)

        $made.VolumeId | Should -Be $script:Volumes
        $made | ForEach-Object { $_.Metadata['managed-by'] | Should -Be 'nightly-runbook' }
        Get-EmulatorRequestCount $script:Emulator 'cinder.snapshots.create' | Should -Be 3
        Get-ProxyRequestCount | Should -Be 0
    }

    It 'waits with Wait-OSSnapshot through Cinder until the snapshots are available' {
        Set-EmulatorSetting $script:Emulator @{ snapshotDelayMs = 300 }
        $created = @($script:Volumes | New-OSSnapshot -Name nightly -ThrottleLimit 2)
        $created.Status | Sort-Object -Unique | Should -Be 'creating'

        $available = @($created | Wait-OSSnapshot -Timeout 00:01:00)

        $available.Id | Should -Be $created.Id
        $available.Status | Sort-Object -Unique | Should -Be 'available'
        (Get-EmulatorRequestCount $script:Emulator 'cinder.snapshots.detail') + (Get-EmulatorRequestCount $script:Emulator 'cinder.snapshots.show') |
            Should -BeGreaterThan 0
        Get-ProxyRequestCount | Should -Be 0
    }

    It 'reuses with -ReuseNewerThan only a snapshot carrying the run''s metadata, and -Summary counts it' {
        $untagged = New-OSSnapshot -VolumeId $script:VolumeAvailable -Name nightly
        $run = {
            $script:VolumeAvailable, $script:VolumeAvailable2 |
                New-OSSnapshot -Name nightly -Metadata $script:Managed -ReuseNewerThan 20:00:00 -Wait -ThrottleLimit 2 -Summary
        }

        $first = & $run
        $second = & $run

        $first.Created | Should -Be 2
        $first.Reused | Should -Be 0
        $first.Snapshots.Id | Should -Not -Contain $untagged.Id
        $second.Created | Should -Be 0
        $second.Reused | Should -Be 2
        $second.Snapshots.Id | Should -Be $first.Snapshots.Id
        $second.Failed | Should -Be 0
        Get-EmulatorRequestCount $script:Emulator 'cinder.snapshots.create' | Should -Be 3
        Get-ProxyRequestCount | Should -Be 0
    }

    It 'keeps the newest tagged snapshot with -Summary and leaves the untagged one alone' {
        $untagged = New-OSSnapshot -VolumeId $script:VolumeAvailable -Name nightly
        Set-EmulatorSnapshotCreatedAt $script:Emulator -Id $untagged.Id -CreatedAt ([DateTime]::UtcNow.AddDays(-5))
        $tagged = foreach ($day in 1..3) {
            $snapshot = New-OSSnapshot -VolumeId $script:VolumeAvailable -Name nightly -Metadata $script:Managed
            Set-EmulatorSnapshotCreatedAt $script:Emulator -Id $snapshot.Id -CreatedAt ([DateTime]::UtcNow.AddDays(-$day))
            $snapshot
        }

        $summary = Get-OSSnapshot -Metadata $script:Managed | Remove-OSSnapshot -KeepNewest 1 -Wait -Summary -Confirm:$false

        $summary.Kept | Should -Be 1
        $summary.Removed | Should -Be 2
        $summary.Left | Should -Be 0
        $summary.Snapshots.Id | Sort-Object | Should -Be (@($tagged[1].Id, $tagged[2].Id) | Sort-Object)
        @(Get-OSSnapshot).Id | Sort-Object | Should -Be (@($untagged.Id, $tagged[0].Id) | Sort-Object)
        Get-ProxyRequestCount | Should -Be 0
    }
}
