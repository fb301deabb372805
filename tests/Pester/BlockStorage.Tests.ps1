# Issue 12 as a user sees it: the issue's examples on a BlockStorage session (metadata, server-side filters, retention,
# Set-OSSnapshot, an administrator's -AllProjects), what a Compute session refuses before sending, one snapshot store
# seen through both APIs, and how the new properties are shown.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSetup.ps1')
    $script:Emulator = Start-Emulator
    $script:Saved = Clear-OSEnvironment
}
AfterAll {
    Get-OSSession | Disconnect-OSCloud
    Restore-OSEnvironment $script:Saved
    Stop-Emulator $script:Emulator
}

Describe 'The issue''s examples on a BlockStorage session' {
    BeforeEach {
        Reset-Emulator $script:Emulator
        $script:Compute = Connect-TestCloud $script:Emulator -Extra @{ Name = 'compute' }
        $script:Session = Connect-TestCloud $script:Emulator -Extra @{ Api = 'BlockStorage' }   # the default from here
    }

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

    It 'renames and merges metadata with Set-OSSnapshot, as the issue''s example does' {
        $id = (New-OSSnapshot -VolumeId $script:VolumeAvailable -Name nightly -Metadata $script:Managed).Id

        Set-OSSnapshot -Id $id -Name renamed -Metadata @{ tier = 'gold' }

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

    It 'finds metadata values with & é quotes, a backslash and an emoji' {
        $odd = @{ team = 'R&D'; note = "é ' `" \ 😀" }
        $id = (New-OSSnapshot -VolumeId $script:VolumeAvailable -Name odd -Metadata $odd).Id
        New-OSSnapshot -VolumeId $script:VolumeAvailable -Name plain -Metadata @{ team = 'RD' } | Out-Null

        @(Get-OSSnapshot -Metadata $odd).Id | Should -Be @($id)
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

        $lines | Should -Be @("What if: Performing the operation `"Set name 'renamed'; metadata tier=gold; remove metadata keys old`" on target `"snapshot $id`".")
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

    It 'gives an administrator every project''s snapshots with -AllProjects, each with its ProjectId' {
        $failed = New-OSSnapshot -VolumeId $script:VolumeAvailable -Name broken
        Set-EmulatorSnapshotStatus $script:Emulator -Id $failed.Id -Status error
        New-OSSnapshot -VolumeId $script:VolumeAvailable2 -Name fine | Out-Null
        Connect-TestCloud $script:Emulator -User admin -Password admin-secret -Project admin -Extra @{ Api = 'BlockStorage' } | Out-Null

        @(Get-OSSnapshot).Count | Should -Be 0   # the admin project has none of its own
        $all = @(Get-OSSnapshot -AllProjects -Status error)

        $all.Id | Should -Be @($failed.Id)
        $all[0].ProjectId | Should -Be $script:DemoProject
        $table = $all | Out-String -Width 200
        $table | Should -Match 'ProjectId'
        $table | Should -Match $script:DemoProject
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

Describe 'What a Compute session refuses before sending' {
    BeforeAll {
        Reset-Emulator $script:Emulator
        Connect-TestCloud $script:Emulator | Out-Null
        $script:Known = (New-OSSnapshot -VolumeId $script:VolumeAvailable -Name known).Id
    }

    It '<Command> is a terminating OSInvalidArgument naming -Api BlockStorage, and nothing is sent' -ForEach @(
        @{ Command = 'Get-OSSnapshot -Metadata'; Parameter = '-Metadata'; Run = { Get-OSSnapshot -Metadata @{ tier = 'gold' } } }
        @{ Command = 'Get-OSSnapshot -AllProjects'; Parameter = '-AllProjects'; Run = { Get-OSSnapshot -AllProjects } }
        @{ Command = 'New-OSSnapshot -Metadata (piped)'; Parameter = '-Metadata'; Run = { $script:VolumeAvailable, $script:VolumeAvailable2 | New-OSSnapshot -Metadata @{ tier = 'gold' } } }
        @{ Command = 'Set-OSSnapshot -Name'; Parameter = '-Name'; Run = { Set-OSSnapshot -Id $script:Known -Name renamed } }
        @{ Command = 'Set-OSSnapshot -Description'; Parameter = '-Description'; Run = { Set-OSSnapshot -Id $script:Known -Description d } }
        @{ Command = 'Set-OSSnapshot -Metadata'; Parameter = '-Metadata'; Run = { Set-OSSnapshot -Id $script:Known -Metadata @{ tier = 'gold' } } }
        @{ Command = 'Set-OSSnapshot -RemoveMetadataKey'; Parameter = '-RemoveMetadataKey'; Run = { Get-OSSnapshot -Id $script:Known | Set-OSSnapshot -RemoveMetadataKey tier } }
    ) {
        # Every command's BeginProcessing runs before any item flows, so even the piped Get-OSSnapshot sends nothing.
        $before = Get-RequestTotal
        $failure = $null
        try { & $Run | Out-Null } catch { $failure = $_ }

        $failure | Should -Not -BeNullOrEmpty
        $failure.FullyQualifiedErrorId | Should -BeLike 'OSInvalidArgument,*'
        $failure.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $failure.TargetObject | Should -Be $Parameter
        $failure.ToString() | Should -BeLike "$Parameter cannot be used on this session.*Nothing was sent.*Connect-OSCloud -Api BlockStorage*"
        Get-RequestTotal | Should -Be $before
    }

    It 'lets an empty -Metadata and -AllProjects:$false through, since they ask for nothing the proxy lacks' {
        @(Get-OSSnapshot -Metadata @{} -AllProjects:$false).Id | Should -Be @($script:Known)
        (New-OSSnapshot -VolumeId $script:VolumeAvailable2 -Name plain -Metadata @{}).Name | Should -Be 'plain'
    }

    It 'serves Set-OSSnapshot without a change: it reads the snapshot' {
        (Set-OSSnapshot -Id $script:Known -PassThru).Name | Should -Be 'known'
    }
}

Describe 'An exact -Name on a Compute session' {
    BeforeAll {
        Reset-Emulator $script:Emulator
        Connect-TestCloud $script:Emulator | Out-Null
        $script:Lower = (New-OSSnapshot -VolumeId $script:VolumeAvailable -Name nightly).Id
    }

    It 'ignores case as it always did, alone or among several names' {
        @(Get-OSSnapshot -Name Nightly -ErrorAction Stop).Id | Should -Be @($script:Lower)
        @(Get-OSSnapshot -Name NIGHTLY, nightly -ErrorAction Stop).Id | Should -Be @($script:Lower)
    }
}

Describe 'One snapshot store, seen through either API' {
    BeforeEach {
        Reset-Emulator $script:Emulator
        $script:Compute = Connect-TestCloud $script:Emulator -Extra @{ Name = 'compute' }
        $script:Block = Connect-TestCloud $script:Emulator -Extra @{ Api = 'BlockStorage'; Name = 'block' }
    }

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

Describe 'How the new properties are shown' {
    BeforeAll {
        Reset-Emulator $script:Emulator
        Connect-TestCloud $script:Emulator -Extra @{ Api = 'BlockStorage' } | Out-Null
        $script:Tagged = New-OSSnapshot -VolumeId $script:VolumeAvailable -Name tagged -Metadata @{ tier = 'gold'; 'managed-by' = 'nightly-runbook' }
    }

    It 'shows metadata as key=value pairs, sorted, and the ProjectId in the list view' {
        $text = Get-OSSnapshot -Id $script:Tagged.Id | Format-List | Out-String -Width 200
        $text | Should -Match 'Metadata\s*:\s*managed-by=nightly-runbook; tier=gold'
        $text | Should -Match "ProjectId\s*:\s*$($script:DemoProject)"
    }

    It 'keeps the default table without ProjectId, which -AllProjects adds' {
        Get-OSSnapshot -Id $script:Tagged.Id | Out-String -Width 200 | Should -Not -Match 'ProjectId'
    }

    It 'shows a RunSummary as its counts and ids' {
        $run = Get-OSSnapshot -Id $script:Tagged.Id | Remove-OSSnapshot -Summary -Confirm:$false
        $text = $run | Out-String -Width 200
        $text | Should -Match 'Command\s*:\s*Remove-OSSnapshot'
        $text | Should -Match 'Removed\s*:\s*1'
        $text | Should -Match 'Left\s*:\s*0'
        $text | Should -Match "Snapshots\s*:\s*$($script:Tagged.Id)"
    }
}
