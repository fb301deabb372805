# Issue 24: Remove-OSVolume by id, name and object through both APIs; block storage's refusals said one by one
# (attached, snapshots left, busy), -Wait until gone (one already gone is then no error), -WhatIf, and binding.
BeforeAll {
    . (Join-Path $PSScriptRoot 'EmulatorTestSetup.ps1')
    $script:Emulator = Start-Emulator

    # A volume made from a fresh snapshot of data-02, available; the snapshot is removed so nothing holds the volume.
    function New-ScratchVolume([string] $Name = 'scratch') {
        $snapshot = New-OSSnapshot -VolumeId $script:VolumeAvailable2 -Name "for-$Name" -Wait -ErrorAction Stop
        $volume = $snapshot | New-OSVolume -Name $Name -Wait -ErrorAction Stop
        $snapshot | Remove-OSSnapshot -Wait -Confirm:$false -ErrorAction Stop
        $volume
    }
}
AfterAll { Stop-TestEmulator }

Describe 'Remove-OSVolume on a <Api> session' -ForEach @(@{ Api = 'Compute' }, @{ Api = 'BlockStorage' }) {
    BeforeEach {
        Reset-Emulator $script:Emulator
        Connect-TestCloud $script:Emulator -Extra @{ Api = $Api } | Out-Null
        $script:Deletes = if ($Api -eq 'Compute') { 'volumes.delete' } else { 'cinder.volumes.delete' }
    }

    It 'removes a volume object and, with -Wait, returns once it is gone' {
        Set-EmulatorSetting $script:Emulator @{ snapshotDelayMs = 300 }
        $volume = New-ScratchVolume
        $volume | Remove-OSVolume -Wait -Confirm:$false
        { Get-OSVolume -VolumeId $volume.Id -ErrorAction Stop } | Should -Throw -ErrorId 'OSNotFound,*'
    }

    It 'removes by id, and by name with wildcards' {
        $one = New-ScratchVolume restored-1
        $two = New-ScratchVolume restored-2
        Remove-OSVolume $one.Id -Confirm:$false
        Remove-OSVolume -Name 'restored-*' -Wait -Confirm:$false
        @(Get-OSVolume | Where-Object Name -Like 'restored-*') | Should -HaveCount 0
        Get-EmulatorRequestCount $script:Emulator $script:Deletes |
            Should -Be 2 -Because 'restored-1 was gone already, so the name found only restored-2'
    }

    It 'reports a name without wildcards that matches nothing as OSNotFound' {
        $record = Get-OneError { Remove-OSVolume -Name no-such-volume -Confirm:$false }
        $record.FullyQualifiedErrorId | Should -Be 'OSNotFound,OpenStackSnapshot.Commands.RemoveOSVolumeCommand'
        $record.TargetObject | Should -Be 'no-such-volume'
    }

    It 'says an attached volume is attached, naming the server (OSVolumeAttached)' {
        $record = Get-OneError { Remove-OSVolume -Id $script:VolumeInUse -Confirm:$false }
        $record.FullyQualifiedErrorId | Should -Be 'OSVolumeAttached,OpenStackSnapshot.Commands.RemoveOSVolumeCommand'
        $record.Exception.Message | Should -Match "attached to server $script:SeededServer \(/dev/vdb\)"
        $record.Exception.Message | Should -Match 'request id req-'
        $record.TargetObject | Should -Be $script:VolumeInUse
    }

    It 'says a volume with snapshots has them, naming them (OSVolumeHasSnapshots)' {
        $snapshot = New-OSSnapshot -VolumeId $script:VolumeAvailable3 -Name keeps-it -Wait
        $record = Get-OneError { Remove-OSVolume -Id $script:VolumeAvailable3 -Confirm:$false }
        $record.FullyQualifiedErrorId | Should -Be 'OSVolumeHasSnapshots,OpenStackSnapshot.Commands.RemoveOSVolumeCommand'
        $record.Exception.Message | Should -Match "still has 1 snapshot \($($snapshot.Id) 'keeps-it'\)"
        $record.ErrorDetails.RecommendedAction | Should -Match 'Remove-OSSnapshot'
    }

    It 'says a busy volume is busy, naming its status (OSVolumeBusy)' {
        $volume = New-ScratchVolume
        Set-EmulatorVolumeStatus $script:Emulator -Id $volume.Id -Status reverting
        $record = Get-OneError { $volume | Remove-OSVolume -Confirm:$false }
        $record.FullyQualifiedErrorId | Should -Be 'OSVolumeBusy,OpenStackSnapshot.Commands.RemoveOSVolumeCommand'
        $record.CategoryInfo.Category | Should -Be 'ResourceBusy'
        $record.Exception.Message | Should -Match 'cannot be deleted while it is reverting'
    }

    It 'takes a volume already being deleted as done' {
        Set-EmulatorSetting $script:Emulator @{ snapshotDelayMs = 2000 }
        $volume = New-ScratchVolume
        $volume | Remove-OSVolume -Confirm:$false
        $verbose = $volume | Remove-OSVolume -Confirm:$false -Verbose 4>&1
        ($verbose | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message -join "`n" | Should -Match 'already being deleted'
    }

    It 'with -Wait, takes a volume that is already gone as done; without, it is OSNotFound' {
        $volume = New-ScratchVolume
        $volume | Remove-OSVolume -Wait -Confirm:$false
        { $volume | Remove-OSVolume -Wait -Confirm:$false -ErrorAction Stop } | Should -Not -Throw
        $record = Get-OneError { $volume | Remove-OSVolume -Confirm:$false }
        $record.FullyQualifiedErrorId | Should -Be 'OSNotFound,OpenStackSnapshot.Commands.RemoveOSVolumeCommand'
    }

    It 'removes a volume given twice once' {
        $volume = New-ScratchVolume
        $volume, $volume | Remove-OSVolume -Confirm:$false
        Get-EmulatorRequestCount $script:Emulator $script:Deletes | Should -Be 1
    }

    It 'with -PassThru, writes each volume as it was' {
        $volume = New-ScratchVolume
        $written = Remove-OSVolume -Id $volume.Id -PassThru -Confirm:$false
        $written.Id | Should -Be $volume.Id
        $written.Name | Should -Be scratch
    }

    It 'sends nothing under -WhatIf' {
        $volume = New-ScratchVolume
        $lines = Get-WhatIfLine { $volume | Remove-OSVolume -WhatIf }
        $lines | Should -Be "What if: Performing the operation `"Remove`" on target `"volume $($volume.Id) (scratch)`"."
        Get-EmulatorRequestCount $script:Emulator $script:Deletes | Should -Be 0
    }

    It 'refuses a snapshot piped in, whose Id is not a volume''s' {
        $snapshot = New-OSSnapshot -VolumeId $script:VolumeAvailable3 -Name not-a-volume -Wait
        $record = Get-OneError { $snapshot | Remove-OSVolume -Confirm:$false }
        $record.FullyQualifiedErrorId | Should -BeLike 'ParameterArgumentTransformationError,*'
        $record.Exception.Message | Should -Match "A snapshot \($($snapshot.Id)\) was given where a volume is expected"
        Get-EmulatorRequestCount $script:Emulator $script:Deletes | Should -Be 0
    }

    It 'takes objects that name a volume by <Property>' -ForEach @(@{ Property = 'VolumeId' }, @{ Property = 'volume_id' }, @{ Property = 'Id' }) {
        $volume = New-ScratchVolume
        [pscustomobject]@{ $Property = $volume.Id } | Remove-OSVolume -Wait -Confirm:$false
        { Get-OSVolume -VolumeId $volume.Id -ErrorAction Stop } | Should -Throw -ErrorId 'OSNotFound,*'
    }
}
