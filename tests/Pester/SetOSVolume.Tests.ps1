# Issue 23 part 4: Set-OSVolume, so a runbook or an owner opts a volume in or out of a backup policy by metadata. On a
# BlockStorage session: merged and removed metadata, by id, by name and from the pipeline, -PassThru, -WhatIf, errors per
# item. On a Compute session: refused before sending, naming -Api BlockStorage.
BeforeAll {
    . (Join-Path $PSScriptRoot 'EmulatorTestSetup.ps1')
    Start-CleanTestEmulator
    $script:Nightly = @{ backup = 'nightly' }
    $script:Missing = '00000000-0000-4000-8000-000000000000'
}
AfterAll { Stop-CleanTestEmulator }

Describe 'Set-OSVolume on a BlockStorage session' {
    BeforeEach { Reset-BlockStorageCloud }

    It 'merges metadata into a volume given by id, writing nothing without -PassThru' {
        Set-OSVolume -VolumeId $script:VolumeAvailable -Metadata @{ owner = 'dba' } | Should -BeNullOrEmpty

        $written = Set-OSVolume -VolumeId $script:VolumeAvailable -Metadata $script:Nightly

        $written | Should -BeNullOrEmpty
        Get-EmulatorRequestCount $script:Emulator 'cinder.volumes.show' | Should -Be 0   # nothing read back without -PassThru
        Get-EmulatorRequestCount $script:Emulator 'cinder.volumes.metadata.create' | Should -Be 2
        $volume = Get-OSVolume -VolumeId $script:VolumeAvailable
        $volume.Metadata.Keys | Sort-Object | Should -Be @('backup', 'owner')
        $volume.Metadata['backup'] | Should -Be 'nightly'
    }

    It 'removes keys (. and / in them too, a missing one without an error) in one replace, and writes the result with -PassThru' {
        Set-OSVolume -VolumeId $script:VolumeAvailable -Metadata @{ backup = 'nightly'; '..' = '1'; 'x/y' = '2'; keep = 'z' }

        $updated = Set-OSVolume -VolumeId $script:VolumeAvailable -RemoveMetadataKey backup, '..', 'x/y', absent `
            -Metadata @{ backup = 'weekly' } -PassThru -ErrorAction Stop

        $updated.GetType().FullName | Should -Be 'OpenStackSnapshot.Client.Models.Volume'
        $updated.Id | Should -Be $script:VolumeAvailable
        $updated.Metadata.Keys | Sort-Object | Should -Be @('backup', 'keep')
        $updated.Metadata['backup'] | Should -Be 'weekly'
        Get-EmulatorRequestCount $script:Emulator 'cinder.volumes.metadata.list' | Should -Be 1
        Get-EmulatorRequestCount $script:Emulator 'cinder.volumes.metadata.replace' | Should -Be 1
    }

    It 'sends no replace when the keys to remove are not there' {
        Set-OSVolume -VolumeId $script:VolumeAvailable -Metadata $script:Nightly

        Set-OSVolume -VolumeId $script:VolumeAvailable -RemoveMetadataKey Backup -ErrorAction Stop

        Get-EmulatorRequestCount $script:Emulator 'cinder.volumes.metadata.replace' | Should -Be 0
        (Get-OSVolume -VolumeId $script:VolumeAvailable).Metadata['backup'] | Should -Be 'nightly'   # keys count exactly
    }

    It 'tags every volume piped in by its Id, as Get-OSVolume -Metadata then finds them' {
        Get-OSVolume -Name data-* | Set-OSVolume -Metadata $script:Nightly

        @(Get-OSVolume -Metadata $script:Nightly).Name | Sort-Object | Should -Be @('data-01', 'data-02')
    }

    It 'binds the VolumeId of a piped snapshot and of a piped coverage' {
        $snapshot = New-OSSnapshot -VolumeId $script:VolumeAvailable2 -Name tagged

        $snapshot | Set-OSVolume -Metadata $script:Nightly
        Get-OSSnapshotCoverage -VolumeId $script:VolumeAvailable3 | Set-OSVolume -Metadata @{ backup = 'weekly' }

        (Get-OSVolume -VolumeId $script:VolumeAvailable2).Metadata['backup'] | Should -Be 'nightly'
        (Get-OSVolume -VolumeId $script:VolumeAvailable3).Metadata['backup'] | Should -Be 'weekly'
    }

    It 'finds volumes by name with wildcards in one listing, and reports a plain name that matched nothing as OSNotFound' {
        $out = @(Set-OSVolume -Name data-*, nosuch, nopattern* -Metadata $script:Nightly -PassThru `
                -ErrorVariable failures -ErrorAction SilentlyContinue)

        $out.Name | Sort-Object | Should -Be @('data-01', 'data-02')
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'OSNotFound,*'
        $failures[0].TargetObject | Should -Be 'nosuch'
        Get-EmulatorRequestCount $script:Emulator 'cinder.volumes.detail' | Should -Be 1
    }

    It 'sends nothing under -WhatIf and names each change and each volume' {
        $before = Get-RequestTotal

        $byId = Get-WhatIfLine {
            Set-OSVolume -VolumeId $script:VolumeAvailable -Metadata @{ backup = 'weekly' } -RemoveMetadataKey owner -WhatIf
        }

        $change = 'Set metadata backup=weekly; remove metadata keys owner'
        $byId | Should -Be @("What if: Performing the operation `"$change`" on target `"volume $($script:VolumeAvailable)`".")
        Get-RequestTotal | Should -Be $before
        $byName = Get-WhatIfLine { Set-OSVolume -Name logs -Metadata $script:Nightly -WhatIf }
        $byName | Should -Be @(
            "What if: Performing the operation `"Set metadata backup=nightly`" on target `"volume $($script:VolumeAvailable3) (logs)`".")
        Get-EmulatorRequestCount $script:Emulator 'cinder.volumes.metadata.create' | Should -Be 0
    }

    It 'has a Medium confirm impact, so it changes without asking at the default preference' {
        $attribute = (Get-Command Set-OSVolume).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0]

        $attribute.SupportsShouldProcess | Should -BeTrue
        $attribute.ConfirmImpact | Should -Be 'Medium'
    }

    It 'reports an unknown volume as OSNotFound per item and goes on with the others' {
        $out = @(Set-OSVolume -VolumeId $script:Missing, $script:VolumeAvailable -Metadata $script:Nightly -PassThru `
                -ErrorVariable failures -ErrorAction SilentlyContinue)

        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'OSNotFound,*'
        $failures[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failures[0].TargetObject | Should -Be $script:Missing
        $failures[0].ToString() | Should -BeLike "*Volume $($script:Missing) could not be found*"
        $out.Id | Should -Be @($script:VolumeAvailable)
    }

    It 'reads the volume once for -PassThru with nothing to change, and an unknown one is OSNotFound' {
        (Set-OSVolume -VolumeId $script:VolumeAvailable -PassThru -ErrorAction Stop).Name | Should -Be 'data-01'
        Get-EmulatorRequestCount $script:Emulator 'cinder.volumes.show' | Should -Be 1

        $record = Get-OneError { Set-OSVolume -VolumeId $script:Missing }
        $record.FullyQualifiedErrorId | Should -BeLike 'OSNotFound,*'
    }

    It 'makes a failure of Cinder an error record with the server''s message, per item' {
        Set-EmulatorFault $script:Emulator -Route cinder.volumes.metadata.create -Status 403 `
            -Body '{"forbidden": {"code": 403, "message": "Policy doesn''t allow volume:create_volume_metadata to be performed."}}'

        $out = @(Set-OSVolume -VolumeId $script:VolumeAvailable, $script:VolumeAvailable2 -Metadata $script:Nightly -PassThru `
                -ErrorVariable failures -ErrorAction SilentlyContinue)

        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'OSForbidden,*'
        $failures[0].TargetObject | Should -Be $script:VolumeAvailable
        $failures[0].ToString() | Should -BeLike '*volume:create_volume_metadata*'
        $out.Id | Should -Be @($script:VolumeAvailable2)
    }

    It 'refuses a metadata key Cinder would refuse when the parameter binds, and a name given as an id' {
        $key = Get-OneError { Set-OSVolume -VolumeId $script:VolumeAvailable -Metadata @{ 'a@b' = 'v' } }
        $key.FullyQualifiedErrorId | Should -BeLike 'ParameterArgumentValidationError,*'

        $name = Get-OneError { Set-OSVolume -VolumeId data-01 -Metadata $script:Nightly }
        $name.FullyQualifiedErrorId | Should -BeLike 'ParameterArgumentValidationError,*'
        $name.ToString() | Should -BeLike '*Set-OSVolume -Name data-01*'
    }
}

Describe 'Set-OSVolume on a Compute session' {
    BeforeAll { Reset-TestCloud }

    It '<Parameter> is a terminating OSInvalidArgument naming -Api BlockStorage, and nothing is sent' -ForEach @(
        @{ Parameter = '-Metadata'; Run = { Set-OSVolume -VolumeId $script:VolumeAvailable -Metadata @{ backup = 'nightly' } } }
        @{ Parameter = '-RemoveMetadataKey'; Run = { Get-OSVolume -Name data-01 | Set-OSVolume -RemoveMetadataKey backup } }
        @{ Parameter = '-Metadata'; Run = { Set-OSVolume -Name data-* -Metadata @{ backup = 'nightly' } } }
    ) {
        $before = Get-RequestTotal
        $failure = $null
        try { & $Run | Out-Null } catch { $failure = $_ }

        $failure | Should -Not -BeNullOrEmpty
        $failure.FullyQualifiedErrorId | Should -BeLike 'OSInvalidArgument,*'
        $failure.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $failure.TargetObject | Should -Be $Parameter
        $failure.ToString() |
            Should -BeLike "$Parameter cannot be used on this session.*os-volumes proxy*Nothing was sent.*Connect-OSCloud -Api BlockStorage*"
        Get-RequestTotal | Should -Be $before
    }

    It 'serves Set-OSVolume without a change: it reads the volume' {
        (Set-OSVolume -VolumeId $script:VolumeAvailable -PassThru).Name | Should -Be 'data-01'
    }
}

Describe 'Completion of Set-OSVolume and Get-OSSnapshotCoverage' {
    BeforeAll {
        Reset-TestCloud
    }

    It 'completes -VolumeId from the volumes, by id or by name, and -Name from their names' {
        foreach ($command in 'Set-OSVolume', 'Get-OSSnapshotCoverage') {
            (CompleteListed "$command -VolumeId logs").CompletionText | Should -Be @($script:VolumeAvailable3) -Because $command
            (CompleteListed "$command -VolumeId $($script:VolumeAvailable2.Substring(0, 6))").CompletionText |
                Should -Be @($script:VolumeAvailable2) -Because $command
        }
        (CompleteListed 'Set-OSVolume -Name data').CompletionText | Sort-Object | Should -Be @('data-01', 'data-02')
    }
}
