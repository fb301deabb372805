# Issue 12: metadata on create, and the filters a BlockStorage session sends to Cinder (metadata, one exact name,
# status and volume) or keeps local, with the retention rules unchanged over what they select.
BeforeAll {
    . (Join-Path $PSScriptRoot 'EmulatorTestSetup.ps1')
    Start-CleanTestEmulator
}
AfterAll { Stop-CleanTestEmulator }

Describe 'Metadata and server-side filters on a BlockStorage session' {
    BeforeEach { Reset-BlockStorageCloud }

    It 'filters by metadata on the server and keeps the newest seven of the tagged snapshots' {
        $tagged = foreach ($day in 1..9) {
            $snapshot = New-OSSnapshot -VolumeId $script:VolumeAvailable -Name nightly -Metadata $script:Managed
            Set-EmulatorSnapshotCreatedAt $script:Emulator -Id $snapshot.Id -CreatedAt ([DateTime]::UtcNow.AddDays(-$day))
            $snapshot
        }
        $untagged = New-OSSnapshot -VolumeId $script:VolumeAvailable -Name nightly
        Set-EmulatorSnapshotCreatedAt $script:Emulator -Id $untagged.Id -CreatedAt ([DateTime]::UtcNow.AddDays(-30))

        $lines = Get-RequestLine { Get-OSSnapshot -Metadata $script:Managed | Out-Null }
        ($lines -join "`n") | Should -Match 'GET .*/snapshots/detail\?.*metadata='
        Get-OSSnapshot -Metadata $script:Managed | Remove-OSSnapshot -KeepNewest 7 -Confirm:$false

        $left = @(Get-OSSnapshot | Where-Object Status -ne 'deleting')
        $left.Id | Sort-Object | Should -Be (@($tagged[0..6].Id) + $untagged.Id | Sort-Object)
    }

    It 'finds metadata values with & é quotes, a backslash and an emoji' {
        $odd = @{ team = 'R&D'; note = "é ' `" \ 😀" }
        $id = (New-OSSnapshot -VolumeId $script:VolumeAvailable -Name odd -Metadata $odd).Id
        New-OSSnapshot -VolumeId $script:VolumeAvailable -Name plain -Metadata @{ team = 'RD' } | Out-Null

        @(Get-OSSnapshot -Metadata $odd).Id | Should -Be @($id)
    }

    It 'sends one exact name, one status and one volume to the server, and keeps wildcards and lists local' {
        New-OSSnapshot -VolumeId $script:VolumeAvailable -Name nightly-a | Out-Null
        New-OSSnapshot -VolumeId $script:VolumeAvailable2 -Name nightly-b | Out-Null

        $exact = Get-RequestLine { Get-OSSnapshot -Name nightly-a -Status AVAILABLE -VolumeId $script:VolumeAvailable.ToUpperInvariant() | Out-Null }
        ($exact -join "`n") | Should -Match 'GET .*/snapshots/detail\?.*name=nightly-a'
        ($exact -join "`n") | Should -Match 'status=available'
        ($exact -join "`n") | Should -Match "volume_id=$($script:VolumeAvailable)"
        $local = Get-RequestLine { Get-OSSnapshot -Name nightly-*, other -Status available, creating -ErrorAction SilentlyContinue | Out-Null }
        ($local -join "`n") | Should -Match 'GET .*/snapshots/detail'
        ($local -join "`n") | Should -Not -Match 'name=|status='

        @(Get-OSSnapshot -Name nightly-a -Status AVAILABLE -VolumeId $script:VolumeAvailable.ToUpperInvariant()).Name | Should -Be @('nightly-a')
        @(Get-OSSnapshot -Name nightly-* -Status available, creating).Count | Should -Be 2
    }

    It 'keeps the retention rules unchanged: an error snapshot is never kept, a creating one never removed' {
        $newest = New-OSSnapshot -VolumeId $script:VolumeAvailable -Name nightly -Metadata $script:Managed
        Set-EmulatorSnapshotStatus $script:Emulator -Id $newest.Id -Status error
        $older = New-OSSnapshot -VolumeId $script:VolumeAvailable -Name nightly -Metadata $script:Managed
        Set-EmulatorSnapshotCreatedAt $script:Emulator -Id $older.Id -CreatedAt ([DateTime]::UtcNow.AddDays(-1))
        $oldest = New-OSSnapshot -VolumeId $script:VolumeAvailable -Name nightly -Metadata $script:Managed
        Set-EmulatorSnapshotCreatedAt $script:Emulator -Id $oldest.Id -CreatedAt ([DateTime]::UtcNow.AddDays(-2))
        Set-EmulatorSnapshotStatus $script:Emulator -Id $oldest.Id -Status creating

        $lines = Get-WhatIfLine { Get-OSSnapshot -Metadata $script:Managed -OlderThan 00:00:00 | Remove-OSSnapshot -KeepNewest 1 -WhatIf }

        $lines | Should -Be @("What if: Performing the operation `"Remove`" on target `"snapshot $($newest.Id) (nightly)`".")
    }
}
