# Issue 12: a BlockStorage session makes and finds snapshots and volumes through Cinder's routes, never Nova's proxy,
# and one snapshot store is seen through both APIs.
BeforeAll {
    . (Join-Path $PSScriptRoot 'EmulatorTestSetup.ps1')
    Start-CleanTestEmulator
}
AfterAll { Stop-CleanTestEmulator }

Describe 'A BlockStorage session goes to Cinder' {
    BeforeEach { Reset-BlockStorageCloud }

    It 'snapshots a server''s volumes with metadata through Cinder and waits for them' {
        $made = @(Get-OSVolume -ServerId $script:SeededServer |
                New-OSSnapshot -Name nightly -Force -Metadata $script:Managed -Wait)

        $made.VolumeId | Should -Be @($script:VolumeInUse)
        $made[0].Status | Should -Be 'available'
        $made[0].Metadata['managed-by'] | Should -Be 'nightly-runbook'
        $made[0].ProjectId | Should -Be $script:DemoProject
        Get-EmulatorRequestCount $script:Emulator 'cinder.snapshots.create' | Should -Be 1
        Get-EmulatorRequestCount $script:Emulator 'snapshots.create' | Should -Be 0
    }

    It 'lists the volumes once for -ServerId, through Cinder''s volumes' {
        @(Get-OSVolume -ServerId $script:SeededServer, 'ffffffff-0000-4000-8000-000000000000').Id | Should -Be @($script:VolumeInUse)
        Get-EmulatorRequestCount $script:Emulator 'cinder.volumes.detail' | Should -Be 1
        Get-EmulatorRequestCount $script:Emulator 'volumes.detail' | Should -Be 0
    }
}

Describe 'One snapshot store, seen through either API' {
    BeforeEach { Reset-BlockStorageCloud -Name block }

    It 'shows a snapshot made through Nova to Cinder, with the project and empty metadata' {
        $made = New-OSSnapshot -VolumeId $script:VolumeAvailable -Name via-nova -Description d -Session compute

        $seen = Get-OSSnapshot -Id $made.Id -Session block

        $seen.Name | Should -Be 'via-nova'
        $seen.Description | Should -Be 'd'
        $seen.VolumeId | Should -Be $script:VolumeAvailable
        $seen.ProjectId | Should -Be $script:DemoProject
        $seen.Metadata.Count | Should -Be 0
    }

    It 'shows a snapshot made and changed through Cinder to Nova, without the metadata Nova cannot carry' {
        $made = New-OSSnapshot -VolumeId $script:VolumeAvailable -Name via-cinder -Metadata @{ tier = 'gold' } -Session block
        Set-OSSnapshot -Id $made.Id -Name renamed -Session block

        $seen = @(Get-OSSnapshot -Name renamed -Session compute)

        $seen.Id | Should -Be @($made.Id)
        $seen[0].Metadata.Count | Should -Be 0
        $seen[0].ProjectId | Should -BeNullOrEmpty
    }

    It 'removes through one API what was made through the other' {
        $made = New-OSSnapshot -VolumeId $script:VolumeAvailable -Name gone -Session block -Wait
        Remove-OSSnapshot -Id $made.Id -Session compute -Confirm:$false -Wait
        Get-OSSnapshot -Id $made.Id -Session block -ErrorAction SilentlyContinue -ErrorVariable missing | Out-Null
        $missing[0].FullyQualifiedErrorId | Should -BeLike 'OSNotFound,*'
    }
}
