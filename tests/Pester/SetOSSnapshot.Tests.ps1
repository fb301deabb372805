# Issue 12: Set-OSSnapshot on a BlockStorage session: renames, merged and removed metadata, -PassThru, -WhatIf, an
# unknown snapshot among several, and a key Cinder would refuse. What a Compute session does with it is in
# ComputeRefusals.Tests.ps1.
BeforeAll {
    . (Join-Path $PSScriptRoot 'EmulatorTestSetup.ps1')
    Start-CleanTestEmulator
}
AfterAll { Stop-CleanTestEmulator }

Describe 'Set-OSSnapshot on a BlockStorage session' {
    BeforeEach { Reset-BlockStorageCloud }

    It 'renames and merges metadata with Set-OSSnapshot, as the issue''s example does' {
        $id = (New-OSSnapshot -VolumeId $script:VolumeAvailable -Name nightly -Metadata $script:Managed).Id

        $written = Set-OSSnapshot -Id $id -Name renamed -Metadata @{ tier = 'gold' }

        $written | Should -BeNullOrEmpty
        Get-EmulatorRequestCount $script:Emulator 'cinder.snapshots.show' | Should -Be 0   # nothing read back without -PassThru
        $snapshot = Get-OSSnapshot -Id $id
        $snapshot.Name | Should -Be 'renamed'
        $snapshot.Metadata.Keys | Sort-Object | Should -Be @('managed-by', 'tier')
        $snapshot.Metadata['tier'] | Should -Be 'gold'
    }

    It 'removes metadata keys (. and / in them too), a missing one without an error, in one replace, and writes the result with -PassThru' {
        $snapshot = New-OSSnapshot -VolumeId $script:VolumeAvailable -Name keys -Metadata @{ a = '1'; b = '2'; '..' = '3'; 'x/y' = '4' }

        $updated = $snapshot | Set-OSSnapshot -RemoveMetadataKey a, '..', 'x/y', missing -Metadata @{ c = '3' } -PassThru -ErrorAction Stop

        $updated.Id | Should -Be $snapshot.Id
        $updated.Name | Should -Be 'keys'
        $updated.Metadata.Keys | Sort-Object | Should -Be @('b', 'c')
        Get-EmulatorRequestCount $script:Emulator 'cinder.snapshots.metadata.replace' | Should -Be 1
        Get-EmulatorRequestCount $script:Emulator 'cinder.snapshots.metadata.delete' | Should -Be 0
    }

    It 'writes the renamed snapshot with its ProjectId with -PassThru' {
        $id = (New-OSSnapshot -VolumeId $script:VolumeAvailable -Name nightly).Id

        $updated = Set-OSSnapshot -Id $id -Name renamed -PassThru -ErrorAction Stop

        $updated.Name | Should -Be 'renamed'
        $updated.ProjectId | Should -Be $script:DemoProject
    }

    It 'reads the snapshot once for -PassThru with nothing to change' {
        $id = (New-OSSnapshot -VolumeId $script:VolumeAvailable -Name same).Id

        $same = Set-OSSnapshot -Id $id -PassThru -ErrorAction Stop

        $same.Name | Should -Be 'same'
        Get-EmulatorRequestCount $script:Emulator 'cinder.snapshots.show' | Should -Be 1
    }

    It 'tags every snapshot piped in by its Id, leaving names alone' {
        New-OSSnapshot -VolumeId $script:VolumeAvailable -Name nightly-a | Out-Null
        New-OSSnapshot -VolumeId $script:VolumeAvailable2 -Name nightly-b | Out-Null

        Get-OSSnapshot -Name nightly-* | Set-OSSnapshot -Metadata $script:Managed

        $tagged = @(Get-OSSnapshot -Metadata $script:Managed)
        $tagged.Name | Sort-Object | Should -Be @('nightly-a', 'nightly-b')
        Get-EmulatorRequestCount $script:Emulator 'cinder.snapshots.update' | Should -Be 0
    }

    It 'sends nothing under -WhatIf and names each change' {
        $id = (New-OSSnapshot -VolumeId $script:VolumeAvailable -Name nightly).Id
        $before = Get-RequestTotal

        $lines = Get-WhatIfLine { Set-OSSnapshot -Id $id -Name renamed -Metadata @{ tier = 'gold' } -RemoveMetadataKey old -WhatIf }

        $lines | Should -Be @(
            "What if: Performing the operation `"Set name 'renamed'; metadata tier=gold; remove metadata keys old`" on target `"snapshot $id`".")
        Get-RequestTotal | Should -Be $before
    }

    It 'reports an unknown snapshot as OSNotFound per item and goes on' {
        $id = (New-OSSnapshot -VolumeId $script:VolumeAvailable -Name nightly).Id
        $missing = '00000000-0000-4000-8000-000000000000'

        $out = @(Set-OSSnapshot -Id $missing, $id -Name renamed -PassThru -ErrorVariable failures -ErrorAction SilentlyContinue)

        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'OSNotFound,*'
        $failures[0].TargetObject | Should -Be $missing
        $out.Name | Should -Be @('renamed')
    }

    It 'refuses a metadata key Cinder would refuse when the parameter binds' {
        $record = Get-OneError { Set-OSSnapshot -Id 'x' -Metadata @{ "it's" = 'v' } }
        $record.FullyQualifiedErrorId | Should -BeLike 'ParameterArgumentValidationError,*'
    }
}
