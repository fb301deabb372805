# Issue 24: Restore-OSSnapshot reverts a volume in place (block storage's revert, microversion 3.40 on that request):
# Cinder's rules checked before anything is sent, -WhatIf, -Wait, a failed revert, what Cinder still refuses, and a
# Compute session refused for the whole command.
BeforeAll {
    . (Join-Path $PSScriptRoot 'EmulatorTestSetup.ps1')
    $script:Emulator = Start-Emulator

    function New-ReadySnapshot([string] $Name, [string] $VolumeId = $script:VolumeAvailable2) {
        New-OSSnapshot -VolumeId $VolumeId -Name $Name -Force -Wait -ErrorAction Stop
    }
}
AfterAll { Stop-TestEmulator }

Describe 'Restore-OSSnapshot' {
    BeforeEach {
        Reset-Emulator $script:Emulator
        Connect-TestCloud $script:Emulator -Extra @{ Api = 'BlockStorage' } | Out-Null
    }

    It 'reverts the volume to its newest snapshot, at microversion 3.40 on that request only' {
        New-ReadySnapshot older | Out-Null
        $newest = New-ReadySnapshot newest
        $debug = @($newest | Restore-OSSnapshot -Confirm:$false -Debug 5>&1 |
            Where-Object { $_ -is [System.Management.Automation.DebugRecord] }).Message -join "`n"
        Get-EmulatorRequestCount $script:Emulator 'cinder.volumes.action' | Should -Be 1
        $debug | Should -Match "POST \S+/volumes/$script:VolumeAvailable2/action"
        $debug | Should -Match 'volume 3\.40'
        $debug | Should -Match 'volume 3\.31' -Because 'the reads before it keep the pinned version'
        (Get-OSVolume -VolumeId $script:VolumeAvailable2).Status | Should -BeIn 'reverting', 'available'
    }

    It 'with -Wait -PassThru, writes the volume once it is available again' {
        Set-EmulatorSetting $script:Emulator @{ snapshotDelayMs = 400 }
        $snapshot = New-ReadySnapshot newest
        $volume = $snapshot | Restore-OSSnapshot -Wait -PassThru -Confirm:$false
        $volume.Id | Should -Be $script:VolumeAvailable2
        $volume.Status | Should -Be available
        (Get-OSSnapshot -Id $snapshot.Id).Status | Should -Be available
    }

    It 'without -Wait, -PassThru writes the volume as it was when the revert was asked for' {
        Set-EmulatorSetting $script:Emulator @{ snapshotDelayMs = 2000 }
        $snapshot = New-ReadySnapshot newest
        ($snapshot | Restore-OSSnapshot -PassThru -Confirm:$false).Status | Should -Be available
        (Get-OSVolume -VolumeId $script:VolumeAvailable2).Status | Should -Be reverting
    }

    It 'takes snapshot ids, by position and from the pipeline' {
        $snapshot = New-ReadySnapshot newest
        Restore-OSSnapshot $snapshot.Id -Wait -Confirm:$false
        $snapshot.Id | Restore-OSSnapshot -Wait -Confirm:$false
        Get-EmulatorRequestCount $script:Emulator 'cinder.volumes.action' | Should -Be 2
    }

    It 'refuses an older snapshot before sending, naming the newest (OSRevertRefused)' {
        $older = New-ReadySnapshot older
        $newest = New-ReadySnapshot newest
        $record = Get-OneError { $older | Restore-OSSnapshot -Confirm:$false }
        $record.FullyQualifiedErrorId | Should -Be 'OSRevertRefused,OpenStackSnapshot.Commands.RestoreOSSnapshotCommand'
        $record.Exception.Message | Should -Match "is not the newest snapshot of volume $script:VolumeAvailable2"
        $record.Exception.Message | Should -Match "which is $($newest.Id) 'newest'"
        $record.ErrorDetails.RecommendedAction | Should -Match 'New-OSVolume'
        $record.TargetObject | Should -Be $older.Id
        Get-EmulatorRequestCount $script:Emulator 'cinder.volumes.action' | Should -Be 0
    }

    It 'refuses an older snapshot whatever the newest one''s status is' {
        $older = New-ReadySnapshot older
        $newest = New-ReadySnapshot newest
        Set-EmulatorSnapshotStatus $script:Emulator -Id $newest.Id -Status error
        $record = Get-OneError { $older | Restore-OSSnapshot -Confirm:$false }
        $record.FullyQualifiedErrorId | Should -Be 'OSRevertRefused,OpenStackSnapshot.Commands.RestoreOSSnapshotCommand'
        $record.Exception.Message | Should -Match "$($newest.Id) 'newest' \(error,"
    }

    It 'refuses a snapshot that is not available before sending (OSRevertRefused), which leaves the volume as it was' {
        $snapshot = New-ReadySnapshot newest
        Set-EmulatorSnapshotStatus $script:Emulator -Id $snapshot.Id -Status error
        $record = Get-OneError { $snapshot | Restore-OSSnapshot -Confirm:$false }
        $record.FullyQualifiedErrorId | Should -Be 'OSRevertRefused,OpenStackSnapshot.Commands.RestoreOSSnapshotCommand'
        $record.Exception.Message | Should -Match "Snapshot $($snapshot.Id) 'newest' is error: block storage reverts only to an available snapshot"
        (Get-OSVolume -VolumeId $script:VolumeAvailable2).Status | Should -Be available
        Get-EmulatorRequestCount $script:Emulator 'cinder.volumes.action' | Should -Be 0
    }

    It 'refuses an attached volume before sending, naming the server (OSVolumeAttached)' {
        $snapshot = New-ReadySnapshot db $script:VolumeInUse
        $record = Get-OneError { $snapshot | Restore-OSSnapshot -Confirm:$false }
        $record.FullyQualifiedErrorId | Should -Be 'OSVolumeAttached,OpenStackSnapshot.Commands.RestoreOSSnapshotCommand'
        $record.Exception.Message | Should -Match "Volume $script:VolumeInUse is attached to server $script:SeededServer"
        Get-EmulatorRequestCount $script:Emulator 'cinder.volumes.action' | Should -Be 0
    }

    It 'refuses a volume whose size differs from the snapshot''s before sending (OSRevertRefused)' {
        $snapshot = New-ReadySnapshot newest
        Set-EmulatorVolumeSize $script:Emulator -Id $script:VolumeAvailable2 -Size 30
        $record = Get-OneError { $snapshot | Restore-OSSnapshot -Confirm:$false }
        $record.FullyQualifiedErrorId | Should -Be 'OSRevertRefused,OpenStackSnapshot.Commands.RestoreOSSnapshotCommand'
        $record.Exception.Message | Should -Match "Volume $script:VolumeAvailable2 is 30 GiB and snapshot $($snapshot.Id) 'newest' 10 GiB"
    }

    It 'refuses a volume that is not available before sending (OSRevertRefused)' {
        $snapshot = New-ReadySnapshot newest
        Set-EmulatorVolumeStatus $script:Emulator -Id $script:VolumeAvailable2 -Status error
        $record = Get-OneError { $snapshot | Restore-OSSnapshot -Confirm:$false }
        $record.FullyQualifiedErrorId | Should -Be 'OSRevertRefused,OpenStackSnapshot.Commands.RestoreOSSnapshotCommand'
        $record.Exception.Message |
            Should -Match "Volume $script:VolumeAvailable2 is error: block storage reverts a volume only while it is available"
    }

    It 'reports what block storage still refuses (a newer snapshot made meanwhile) as OSRevertRefused with its reason' {
        $snapshot = New-ReadySnapshot newest
        $body = '{"badRequest": {"code": 400, "message": "Specified snapshot ' + $snapshot.Id + ' is None or not the latest one of volume ' +
            $script:VolumeAvailable2 + '."}}'
        Set-EmulatorFault $script:Emulator -Route 'cinder.volumes.action' -Status 400 -Body $body
        $record = Get-OneError { $snapshot | Restore-OSSnapshot -Confirm:$false }
        $record.FullyQualifiedErrorId | Should -Be 'OSRevertRefused,OpenStackSnapshot.Commands.RestoreOSSnapshotCommand'
        $record.Exception.Message |
            Should -Match "Block storage refused to revert volume $script:VolumeAvailable2 to snapshot $($snapshot.Id): Specified snapshot"
        $record.Exception.Message | Should -Match 'HTTP 400'
    }

    It 'reports a cloud without revert (microversion 3.40 refused) as OSApiNotAvailable, which stops the command' {
        $snapshot = New-ReadySnapshot newest
        Set-EmulatorFault $script:Emulator -Route 'cinder.volumes.action' -Status 406 `
            -Body '{"computeFault": {"code": 406, "message": "Version 3.40 is not supported by the API. Minimum is 3.0 and maximum is 3.27."}}'
        $thrown = { $snapshot | Restore-OSSnapshot -Confirm:$false } | Should -Throw -PassThru
        $thrown.FullyQualifiedErrorId | Should -Be 'OSApiNotAvailable,OpenStackSnapshot.Commands.RestoreOSSnapshotCommand'
        $thrown.Exception.Message | Should -Match 'needs microversion 3\.40'
        $thrown.Exception.Message | Should -Match 'maximum is 3\.27'
    }

    It 'with -Wait, reports a revert that failed in the backend (OSVolumeFailed), with block storage''s reason' {
        $snapshot = New-ReadySnapshot newest
        Add-EmulatorVolumeFailure $script:Emulator -On revert -Message 'revert volume:The driver could not revert.'
        $record = Get-OneError { $snapshot | Restore-OSSnapshot -Wait -Confirm:$false }
        $record.FullyQualifiedErrorId | Should -Be 'OSVolumeFailed,OpenStackSnapshot.Commands.RestoreOSSnapshotCommand'
        $record.Exception.Message |
            Should -Match "Volume $script:VolumeAvailable2 went to status 'error'\. Block storage says: revert volume:The driver could not revert\."
        $record.ErrorDetails.RecommendedAction | Should -Match 'make a new volume from it instead'
    }

    It 'sends no revert under -WhatIf, and says what would be reverted' {
        $snapshot = New-ReadySnapshot newest
        $lines = Get-WhatIfLine { $snapshot | Restore-OSSnapshot -WhatIf }
        $lines | Should -Be ("What if: Performing the operation `"Revert to snapshot $($snapshot.Id) (newest): the data written since is lost`" " +
            "on target `"volume $script:VolumeAvailable2 (data-02)`".")
        Get-EmulatorRequestCount $script:Emulator 'cinder.volumes.action' | Should -Be 0
    }

    It 'asks first: its confirm impact is High' {
        (Get-Command Restore-OSSnapshot).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false).ConfirmImpact |
            Should -Be 'High'
    }

    It 'refuses a volume piped in, whose Id is not a snapshot''s' {
        $volume = Get-OSVolume -VolumeId $script:VolumeAvailable2
        $record = Get-OneError { $volume | Restore-OSSnapshot -Confirm:$false }
        $record.FullyQualifiedErrorId | Should -BeLike 'ParameterArgumentTransformationError,*'
        Get-EmulatorRequestCount $script:Emulator 'cinder.volumes.action' | Should -Be 0
    }

    It 'reports an unknown snapshot as OSNotFound and goes on with the next' {
        $snapshot = New-ReadySnapshot newest
        $records = @()
        '00000000-0000-4000-8000-000000000000', $snapshot.Id | Restore-OSSnapshot -Confirm:$false -ErrorVariable records -ErrorAction SilentlyContinue
        $records | Should -HaveCount 1
        $records[0].FullyQualifiedErrorId | Should -Be 'OSNotFound,OpenStackSnapshot.Commands.RestoreOSSnapshotCommand'
        Get-EmulatorRequestCount $script:Emulator 'cinder.volumes.action' | Should -Be 1
    }
}

Describe 'Restore-OSSnapshot on a Compute session' {
    BeforeAll {
        Reset-Emulator $script:Emulator
        Connect-TestCloud $script:Emulator | Out-Null
        $script:Snapshot = New-ReadySnapshot newest
    }

    It 'stops before anything is sent, naming -Api BlockStorage' {
        $before = Get-RequestTotal
        $thrown = { $script:Snapshot | Restore-OSSnapshot -Confirm:$false } | Should -Throw -PassThru
        $thrown.FullyQualifiedErrorId | Should -Be 'OSInvalidArgument,OpenStackSnapshot.Commands.RestoreOSSnapshotCommand'
        $thrown.Exception.Message | Should -Match 'cannot revert a volume to a snapshot; the block-storage API can'
        $thrown.ErrorDetails.RecommendedAction | Should -Match 'Connect-OSCloud -Api BlockStorage'
        Get-RequestTotal | Should -Be $before
    }
}
