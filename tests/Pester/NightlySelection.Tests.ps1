# Issues 11 and 23: the selections a nightly job starts from: Get-OSVolume -ServerId and -Metadata (the volumes that
# opted in), Get-OSSnapshot -OlderThan/-NewerThan, and the coverage of the volumes chosen.
BeforeAll {
    . (Join-Path $PSScriptRoot 'EmulatorTestSetup.ps1')
    $script:Emulator = Start-Emulator
}
AfterAll { Stop-TestEmulator }

Describe 'Nightly runbooks: the selections' {
    BeforeEach { Reset-TestCloud }
    Describe 'Get-OSVolume -ServerId' {
        It 'gives the volumes attached to the servers, listing once for all of them' {
            Add-EmulatorVolumeAttachment $script:Emulator -VolumeId $script:VolumeAvailable -ServerId $script:Server -Device /dev/vdb
            Add-EmulatorVolumeAttachment $script:Emulator -VolumeId $script:VolumeAvailable3 -ServerId $script:Server -Device /dev/vdc
            Get-OSVolume | Out-Null
            $oneListing = Get-EmulatorRequestCount $script:Emulator 'volumes.detail'

            $volumes = @(Get-OSVolume -ServerId $script:Server, $script:SeededServer, $script:UnknownServer)

            $volumes.Id | Should -Be @($script:VolumeAvailable, $script:VolumeAvailable3, $script:VolumeInUse)
            Get-EmulatorRequestCount $script:Emulator 'volumes.detail' | Should -Be (2 * $oneListing)
        }

        It 'gives nothing and no error for a server without volumes' {
            $out = @(Get-OSVolume -ServerId $script:UnknownServer -ErrorAction Stop 2>&1)
            $out.Count | Should -Be 0
        }

        It 'finds a multi-attach volume from either server, once, whatever the case of the id' {
            Add-EmulatorVolumeAttachment $script:Emulator -VolumeId $script:VolumeInUse -ServerId $script:Server
            @(Get-OSVolume -ServerId $script:Server).Id | Should -Be @($script:VolumeInUse)
            @(Get-OSVolume -ServerId $script:SeededServer.ToUpperInvariant(), $script:Server).Id | Should -Be @($script:VolumeInUse)
        }

        It 'combines with -Name and -Status' {
            Add-EmulatorVolumeAttachment $script:Emulator -VolumeId $script:VolumeAvailable -ServerId $script:Server
            Add-EmulatorVolumeAttachment $script:Emulator -VolumeId $script:VolumeAvailable2 -ServerId $script:Server
            @(Get-OSVolume -ServerId $script:Server -Name data-02).Id | Should -Be @($script:VolumeAvailable2)
            @(Get-OSVolume -ServerId $script:Server -Status available).Count | Should -Be 0   # attached: in-use
        }

        It 'pipes per server into New-OSSnapshot, as the issue''s pipeline does' {
            Add-EmulatorVolumeAttachment $script:Emulator -VolumeId $script:VolumeAvailable -ServerId $script:Server
            $made = @($script:Server, $script:UnknownServer, $script:SeededServer | ForEach-Object { Get-OSVolume -ServerId $_ } |
                    New-OSSnapshot -Name nightly -Force -Wait)
            $made.VolumeId | Should -Be @($script:VolumeAvailable, $script:VolumeInUse)
            $made.Status | Should -Be @('available', 'available')
        }
    }

    Describe 'Get-OSVolume -Metadata, then Get-OSSnapshotCoverage: the volumes that opted in, and which have a recent snapshot' {
        BeforeEach {
            # data-01 and logs opt in; data-02 carries a longer value and a second key; db-01 carries nothing.
            $script:Tagging = Connect-TestCloud $script:Emulator -Extra @{ Api = 'BlockStorage'; Name = 'tagging'; NoDefault = $true }
            Set-OSVolume -Session $script:Tagging -VolumeId $script:VolumeAvailable, $script:VolumeAvailable3 -Metadata @{ backup = 'nightly' }
            Set-OSVolume -Session $script:Tagging -VolumeId $script:VolumeAvailable2 -Metadata @{ backup = 'nightly-weekly'; owner = 'ops' }
            $script:OptedIn = @($script:VolumeAvailable, $script:VolumeAvailable3) | Sort-Object
        }
        AfterEach { Disconnect-OSCloud -Session $script:Tagging }

        It 'chooses the same volumes through Nova''s proxy as through Cinder, every pair exactly' {
            (@(Get-OSVolume -Metadata @{ backup = 'nightly' }).Id | Sort-Object) | Should -Be $script:OptedIn   # the default: Compute
            (@(Get-OSVolume -Session $script:Tagging -Metadata @{ backup = 'nightly' }).Id | Sort-Object) | Should -Be $script:OptedIn
            @(Get-OSVolume -Metadata @{ backup = 'nightly-weekly'; owner = 'ops' }).Id | Should -Be @($script:VolumeAvailable2)
            @(Get-OSVolume -Metadata @{ backup = 'nightly'; owner = 'ops' }).Count | Should -Be 0
        }

        It 'covers a chosen volume by its newest available snapshot, whichever job made it; one in error or too old does not count' {
            $other = New-DatedSnapshot $script:VolumeAvailable 'weekly-1' (2 / 24)                # another job's, two hours old
            $old = New-DatedSnapshot $script:VolumeAvailable3 'nightly-old' 2
            New-DatedSnapshot $script:VolumeAvailable3 'nightly-new' (1 / 24) 'error' | Out-Null   # recent, but no backup
            New-DatedSnapshot $script:VolumeAvailable2 'nightly-x' (1 / 24) | Out-Null            # recent, but not chosen

            $coverage = @(Get-OSVolume -Metadata @{ backup = 'nightly' } | Get-OSSnapshotCoverage -MaxAge 1.00:00:00)

            ($coverage.VolumeId | Sort-Object) | Should -Be $script:OptedIn
            $covered = @($coverage | Where-Object Covered)
            $covered.VolumeId | Should -Be @($script:VolumeAvailable)
            $covered[0].NewestSnapshotId | Should -Be $other.Id
            $logs = @($coverage | Where-Object -Not Covered)
            $logs.VolumeId | Should -Be @($script:VolumeAvailable3)
            $logs[0].NewestSnapshotId | Should -Be $old.Id
            $logs[0].SnapshotCount | Should -Be 1
        }

        It 'checks no volume when none opted in, rather than every volume, and lists no snapshot' {
            $listings = Get-EmulatorRequestCount $script:Emulator 'snapshots.detail'
            @(Get-OSVolume -Metadata @{ backup = 'hourly' } | Get-OSSnapshotCoverage -ErrorAction Stop).Count | Should -Be 0
            Get-EmulatorRequestCount $script:Emulator 'snapshots.detail' | Should -Be $listings
        }
    }

    Describe 'Get-OSSnapshot -OlderThan and -NewerThan' {
        BeforeEach {
            $script:Hour = New-DatedSnapshot $script:VolumeAvailable 'nightly-a' (1 / 24)
            $script:ThreeDays = New-DatedSnapshot $script:VolumeAvailable 'nightly-b' 3
            $script:TenDays = New-DatedSnapshot $script:VolumeAvailable2 'other' 10
        }

        It 'keeps what was created longer ago than -OlderThan' {
            @(Get-OSSnapshot -OlderThan 2.00:00:00).Id | Should -Be @($script:ThreeDays.Id, $script:TenDays.Id)
        }

        It 'keeps what was created within -NewerThan' {
            @(Get-OSSnapshot -NewerThan (New-TimeSpan -Days 2)).Id | Should -Be @($script:Hour.Id)
        }

        It 'takes a window with both, and combines with the other filters' {
            @(Get-OSSnapshot -OlderThan 2.00:00:00 -NewerThan 5.00:00:00).Id | Should -Be @($script:ThreeDays.Id)
            @(Get-OSSnapshot -Name 'nightly-*' -OlderThan 2.00:00:00).Id | Should -Be @($script:ThreeDays.Id)
            @(Get-OSSnapshot -VolumeId $script:VolumeAvailable2 -OlderThan 1.00:00:00).Id | Should -Be @($script:TenDays.Id)
            @(Get-OSSnapshot -Status error -OlderThan 1.00:00:00).Count | Should -Be 0
        }

        It 'refuses a bare number, which PowerShell would read as ticks, and says how to write a span' {
            foreach ($command in { Get-OSSnapshot -OlderThan 7 }, { Get-OSSnapshot -NewerThan 2 },
                { New-OSSnapshot -VolumeId $script:VolumeAvailable -Name nightly -ReuseNewerThan 20 },
                { New-OSSnapshot -VolumeId $script:VolumeAvailable -Name nightly -Wait -Timeout 600 },
                { Wait-OSSnapshot -Id $script:Hour.Id -Timeout 60 }, { Remove-OSSnapshot -Id $script:Hour.Id -Wait -Timeout 60 -Confirm:$false }) {
                $failure = Get-OneError $command
                $failure.FullyQualifiedErrorId | Should -BeLike 'ParameterArgumentTransformationError,*'
                "$failure" | Should -BeLike '*write 7.00:00:00 or (New-TimeSpan -Days 7)*'
            }
            Get-EmulatorRequestCount $script:Emulator 'snapshots.create' | Should -Be 3   # the set-up's only
        }

        It 'takes spans as TimeSpan objects and as strings' {
            @(Get-OSSnapshot -OlderThan '2.00:00:00').Id | Should -Be @($script:ThreeDays.Id, $script:TenDays.Id)
            @(Get-OSSnapshot -NewerThan '20:00:00').Id | Should -Be @($script:Hour.Id)
            @(Get-OSSnapshot -NewerThan ([timespan]::FromDays(4)) -OlderThan (New-TimeSpan -Days 2)).Id | Should -Be @($script:ThreeDays.Id)
        }

        It 'refuses a negative span before sending anything' {
            $failure = Get-OneError { Get-OSSnapshot -OlderThan -1.00:00:00 }
            $failure.FullyQualifiedErrorId | Should -BeLike 'ParameterArgumentValidationError,*'
        }
    }
}
