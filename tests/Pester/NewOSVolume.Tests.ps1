# Issue 24: New-OSVolume, a volume from a snapshot through both APIs: binding (a volume piped in is refused), the size,
# the block-storage-only parameters, -Wait and a volume that fails, a create whose answer was lost, and the errors.
BeforeAll {
    . (Join-Path $PSScriptRoot 'EmulatorTestSetup.ps1')
    $script:Emulator = Start-Emulator
    $script:TinyVolume = 'd4e5f6a7-b8c9-4dae-9f01-2b3c4d5e6f70'

    # An available snapshot of data-02 (10 GiB), through the default session.
    function New-ReadySnapshot([string] $Name = 'source', [string] $VolumeId = $script:VolumeAvailable2) {
        New-OSSnapshot -VolumeId $VolumeId -Name $Name -Force -Wait -ErrorAction Stop
    }
}
AfterAll { Stop-TestEmulator }

Describe 'New-OSVolume on a <Api> session' -ForEach @(@{ Api = 'Compute' }, @{ Api = 'BlockStorage' }) {
    BeforeEach {
        Reset-Emulator $script:Emulator
        Connect-TestCloud $script:Emulator -Extra @{ Api = $Api } | Out-Null
        $script:Snapshot = New-ReadySnapshot
    }

    It 'makes a volume of the snapshot''s size from a piped snapshot, and writes it at once' {
        $volume = $script:Snapshot | New-OSVolume -Name restored -Description 'from the nightly'
        $volume.GetType().FullName | Should -Be 'OpenStackSnapshot.Client.Models.Volume'
        $volume.Name | Should -Be restored
        $volume.Description | Should -Be 'from the nightly'
        $volume.SnapshotId | Should -Be $script:Snapshot.Id
        $volume.Size | Should -Be 10
        $volume.Status | Should -Be creating
        $volume.CreatedAt.Kind | Should -Be 'Utc'
    }

    It 'reads the snapshot once for its size when only the id is given' {
        $shows = if ($Api -eq 'Compute') { 'snapshots.show' } else { 'cinder.snapshots.show' }
        $before = Get-EmulatorRequestCount $script:Emulator $shows
        (New-OSVolume $script:Snapshot.Id -Name by-id).Size | Should -Be 10
        Get-EmulatorRequestCount $script:Emulator $shows | Should -Be ($before + 1)
        ($script:Snapshot | New-OSVolume -Name by-object).Size | Should -Be 10
        Get-EmulatorRequestCount $script:Emulator $shows | Should -Be ($before + 1) -Because 'a piped snapshot carries its size'
    }

    It 'makes a larger volume in the zone asked for' {
        $volume = New-OSVolume -SnapshotId $script:Snapshot.Id -Size 25 -AvailabilityZone nova -Name bigger -Wait
        $volume.Size | Should -Be 25
        $volume.AvailabilityZone | Should -Be nova
        $volume.Status | Should -Be available
    }

    It 'refuses a size smaller than the snapshot before sending' {
        $creates = if ($Api -eq 'Compute') { 'volumes.create' } else { 'cinder.volumes.create' }
        $record = Get-OneError { New-OSVolume -SnapshotId $script:Snapshot.Id -Size 3 }
        $record.FullyQualifiedErrorId | Should -Be 'OSInvalidArgument,OpenStackSnapshot.Commands.NewOSVolumeCommand'
        $record.Exception.Message | Should -Match 'at least as large as the snapshot, 10 GiB; 3 GiB was asked for'
        $record.TargetObject | Should -Be $script:Snapshot.Id
        Get-EmulatorRequestCount $script:Emulator $creates | Should -Be 0
    }

    It 'with -Wait, writes each volume once it is available' {
        Set-EmulatorSetting $script:Emulator @{ snapshotDelayMs = 300 }
        $volumes = $script:Snapshot, $script:Snapshot | New-OSVolume -Name twin -Wait
        $volumes | Should -HaveCount 2
        $volumes.Status | Should -Be @('available', 'available')
    }

    It 'takes ids and objects that name a snapshot from the pipeline, by <Property>' -ForEach @(
        @{ Property = 'SnapshotId' }, @{ Property = 'snapshot_id' }, @{ Property = 'Id' }
    ) {
        ([pscustomobject]@{ $Property = $script:Snapshot.Id } | New-OSVolume).SnapshotId | Should -Be $script:Snapshot.Id
        ($script:Snapshot.Id | New-OSVolume).SnapshotId | Should -Be $script:Snapshot.Id
    }

    It 'refuses a volume piped in, and says how to pick one of its snapshots' {
        $volume = $script:Snapshot | New-OSVolume -Name made -Wait
        $record = Get-OneError { $volume | New-OSVolume }
        $record.FullyQualifiedErrorId | Should -BeLike 'ParameterArgumentTransformationError,*'
        $record.Exception.Message | Should -Match "A volume \($($volume.Id)\) was given where a snapshot is expected"
        $record.Exception.Message | Should -Match "Get-OSSnapshot -VolumeId $($volume.Id)"
        @(Get-OSVolume | Where-Object SnapshotId -EQ $script:Snapshot.Id) | Should -HaveCount 1 -Because 'nothing more was made'
    }

    It 'sends nothing under -WhatIf' {
        $creates = if ($Api -eq 'Compute') { 'volumes.create' } else { 'cinder.volumes.create' }
        $lines = Get-WhatIfLine { $script:Snapshot | New-OSVolume -Name preview -WhatIf }
        $lines | Should -Be "What if: Performing the operation `"Create volume 'preview'`" on target `"snapshot $($script:Snapshot.Id) (source)`"."
        Get-EmulatorRequestCount $script:Emulator $creates | Should -Be 0
    }

    It 'reports a snapshot that is not available with block storage''s reason (OSBadRequest)' {
        Set-EmulatorSnapshotStatus $script:Emulator -Id $script:Snapshot.Id -Status error
        $record = Get-OneError { New-OSVolume -SnapshotId $script:Snapshot.Id -Size 10 }
        $record.FullyQualifiedErrorId | Should -Be 'OSBadRequest,OpenStackSnapshot.Commands.NewOSVolumeCommand'
        $record.Exception.Message | Should -Match "Originating snapshot status must be one of 'available' values"
        $record.Exception.Message | Should -Match 'request id req-'
    }

    It 'reports a zone that does not exist with block storage''s reason (OSBadRequest)' {
        $record = Get-OneError { $script:Snapshot | New-OSVolume -AvailabilityZone mars }
        $record.FullyQualifiedErrorId | Should -Be 'OSBadRequest,OpenStackSnapshot.Commands.NewOSVolumeCommand'
        $record.Exception.Message | Should -Match "Availability zone 'mars' is invalid"
    }

    It 'reports an unknown snapshot as OSNotFound' {
        $record = Get-OneError { New-OSVolume -SnapshotId 00000000-0000-4000-8000-000000000000 }
        $record.FullyQualifiedErrorId | Should -Be 'OSNotFound,OpenStackSnapshot.Commands.NewOSVolumeCommand'
    }

    It 'reports the <Quota> quota by name (OSQuotaExceeded)' -ForEach @(
        @{ Quota = 'volumes'; Size = $null; First = 1 }, @{ Quota = 'gigabytes'; Size = 2; First = 0 }
    ) {
        # tiny: 2 volumes, 3 GiB; tiny-01 (1 GiB) and its snapshot (1 GiB) use two.
        Connect-TestCloud $script:Emulator -User tiny -Password tiny-secret -Project tiny -Extra @{ Api = $Api } | Out-Null
        $tiny = New-ReadySnapshot tiny $script:TinyVolume
        if ($First) { $tiny | New-OSVolume -Name first | Out-Null }
        $extra = if ($Size) { @{ Size = $Size } } else { @{} }
        $record = Get-OneError { $tiny | New-OSVolume -Name over @extra }
        $record.FullyQualifiedErrorId | Should -Be 'OSQuotaExceeded,OpenStackSnapshot.Commands.NewOSVolumeCommand'
        $record.CategoryInfo.Category | Should -Be 'QuotaExceeded'
        $record.Exception.Message | Should -Match "The project's $Quota quota is used up"
        $record.ErrorDetails.RecommendedAction | Should -Match $Quota
    }

    It 'finds a create whose answer was lost, and does not send it again' {
        $creates = if ($Api -eq 'Compute') { 'volumes.create' } else { 'cinder.volumes.create' }
        Set-EmulatorFault $script:Emulator -Route $creates -Status 0 -Drop -AfterProcessing
        $verbose = $script:Snapshot | New-OSVolume -Name reconciled -Verbose 4>&1
        $volume = @($verbose | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] })
        $volume | Should -HaveCount 1
        $volume[0].Name | Should -Be reconciled
        ($verbose | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message -join "`n" |
            Should -Match "volume 'reconciled' from snapshot $($script:Snapshot.Id) was found again as $($volume[0].Id)"
        Get-EmulatorRequestCount $script:Emulator $creates | Should -Be 1
    }

    It 'sends a lost create again only once its absence is established, so it makes exactly one volume' {
        # The create answers 504 without being carried out: it is looked for, looked for again after the grace, then resent.
        $creates = if ($Api -eq 'Compute') { 'volumes.create' } else { 'cinder.volumes.create' }
        Set-EmulatorFault $script:Emulator -Route $creates -Status 504
        $verbose = $script:Snapshot | New-OSVolume -Name made-on-resend -Verbose 4>&1
        $volume = @($verbose | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] })
        $volume | Should -HaveCount 1
        $said = ($verbose | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message -join "`n"
        $said | Should -Match "checked: \d+ volumes listed, looking for the volume 'made-on-resend' from snapshot $($script:Snapshot.Id)"
        $said | Should -Match 'sending it again \(send 2 of at most 3\)'
        $said | Should -Match 'no twin from an earlier send'
        Get-EmulatorRequestCount $script:Emulator $creates | Should -Be 2
        @(Get-OSVolume | Where-Object Name -EQ made-on-resend) | Should -HaveCount 1
    }

    It 'says there is nothing to match on when the volume has no name' {
        $creates = if ($Api -eq 'Compute') { 'volumes.create' } else { 'cinder.volumes.create' }
        Set-EmulatorFault $script:Emulator -Route $creates -Status 504 -AfterProcessing
        $record = Get-OneError { $script:Snapshot | New-OSVolume }
        $record.FullyQualifiedErrorId | Should -Be 'OSServiceUnavailable,OpenStackSnapshot.Commands.NewOSVolumeCommand'
        $record.Exception.Message | Should -Match 'had no name, so there is nothing safe to find it again by'
        Get-EmulatorRequestCount $script:Emulator $creates | Should -Be 1
    }

    It 'keeps several creates in flight and writes them in input order' {
        $snapshots = foreach ($i in 1..3) { New-ReadySnapshot "s$i" $script:VolumeAvailable3 }
        $volumes = $snapshots | New-OSVolume -ThrottleLimit 3
        $volumes.SnapshotId | Should -Be $snapshots.Id
    }
}

Describe 'New-OSVolume''s block-storage-only parameters' {
    BeforeEach {
        Reset-Emulator $script:Emulator
        Connect-TestCloud $script:Emulator | Out-Null
        $script:Snapshot = New-ReadySnapshot
    }

    It 'refuses -<Parameter> on a Compute session before sending, naming -Api BlockStorage' -ForEach @(
        @{ Parameter = 'Metadata'; Arguments = @{ Metadata = @{ purpose = 'drill' } } }
        @{ Parameter = 'VolumeType'; Arguments = @{ VolumeType = '__DEFAULT__' } }
    ) {
        $thrown = { $script:Snapshot | New-OSVolume @Arguments } | Should -Throw -PassThru
        $thrown.FullyQualifiedErrorId | Should -Be 'OSInvalidArgument,OpenStackSnapshot.Commands.NewOSVolumeCommand'
        $thrown.ErrorDetails.Message | Should -Match "^-$Parameter cannot be used on this session"
        $thrown.ErrorDetails.Message | Should -Match 'Connect-OSCloud -Api BlockStorage'
        Get-EmulatorRequestCount $script:Emulator 'volumes.create' | Should -Be 0
    }

    It 'gives metadata and a type on a BlockStorage session' {
        Connect-TestCloud $script:Emulator -Extra @{ Api = 'BlockStorage' } | Out-Null
        $volume = $script:Snapshot | New-OSVolume -Metadata @{ purpose = 'drill'; owner = 'dba' } -VolumeType __DEFAULT__ -Wait
        $volume.Metadata['purpose'] | Should -Be drill
        $volume.Metadata['owner'] | Should -Be dba
        $volume.VolumeType | Should -Be __DEFAULT__
    }

    It 'reports a volume type that does not exist with block storage''s reason (OSBadRequest)' {
        Connect-TestCloud $script:Emulator -Extra @{ Api = 'BlockStorage' } | Out-Null
        $record = Get-OneError { $script:Snapshot | New-OSVolume -VolumeType gold }
        $record.FullyQualifiedErrorId | Should -Be 'OSBadRequest,OpenStackSnapshot.Commands.NewOSVolumeCommand'
        $record.Exception.Message | Should -Match 'Volume type with name gold could not be found'
    }

    It 'with -Wait, reports a volume that went to error with block storage''s reason (OSVolumeFailed)' {
        Connect-TestCloud $script:Emulator -Extra @{ Api = 'BlockStorage' } | Out-Null
        Add-EmulatorVolumeFailure $script:Emulator -Message 'schedule allocate volume:Could not find any available weighted backend.'
        $record = Get-OneError { $script:Snapshot | New-OSVolume -Name doomed -Wait }
        $record.FullyQualifiedErrorId | Should -Be 'OSVolumeFailed,OpenStackSnapshot.Commands.NewOSVolumeCommand'
        $record.CategoryInfo.Category | Should -Be 'InvalidResult'
        $record.Exception.Message |
            Should -Match "went to status 'error'\. Block storage says: schedule allocate volume:Could not find any available weighted backend\."
        $record.ErrorDetails.RecommendedAction | Should -Match 'Remove-OSVolume'
    }

    It 'with -Wait on a Compute session, reports the failed volume without a reason (Nova''s proxy has none)' {
        Add-EmulatorVolumeFailure $script:Emulator
        $record = Get-OneError { $script:Snapshot | New-OSVolume -Name doomed -Wait }
        $record.FullyQualifiedErrorId | Should -Be 'OSVolumeFailed,OpenStackSnapshot.Commands.NewOSVolumeCommand'
        $record.Exception.Message | Should -Match "went to status 'error'\.$"
    }
}
