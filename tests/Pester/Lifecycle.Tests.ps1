# The whole snapshot lifecycle against the emulator: Get, Remove, Wait, volumes, and pipelines.
BeforeAll {
    . (Join-Path $PSScriptRoot 'EmulatorTestSetup.ps1')
    $script:Emulator = Start-Emulator
}
AfterAll { Stop-Emulator $script:Emulator }

Describe 'Tempest''s flow: create, show, list, wait, delete, wait until gone' {
    BeforeAll {
        Reset-Emulator $script:Emulator
        Set-EmulatorSetting $script:Emulator @{ snapshotDelayMs = 300 }
        Connect-TestCloud $script:Emulator | Out-Null
    }

    It 'goes from creating to available and then away' {
        $created = New-OSSnapshot -VolumeId $script:VolumeAvailable -Name tempest
        $created.Status | Should -Be 'creating'
        (Get-OSSnapshot -Id $created.Id).Name | Should -Be 'tempest'
        (Get-OSSnapshot).Id | Should -Contain $created.Id
        $available = $created | Wait-OSSnapshot -Timeout '00:01:00'
        $available.Status | Should -Be 'available'
        $created | Remove-OSSnapshot -Confirm:$false -Wait | Should -BeNullOrEmpty
        { Get-OSSnapshot -Id $created.Id -ErrorAction Stop } | Should -Throw -ErrorId 'OSNotFound,OpenStackSnapshot.Commands.GetOSSnapshotCommand'
    }
}

Describe 'Get-OSSnapshot' {
    BeforeAll {
        Reset-Emulator $script:Emulator
        Set-EmulatorSetting $script:Emulator @{ pageLimit = 3 }
        Connect-TestCloud $script:Emulator | Out-Null
        $script:Created = foreach ($i in 1..10) {
            $volume = @($script:VolumeAvailable, $script:VolumeAvailable2)[$i % 2]
            New-OSSnapshot -VolumeId $volume -Name ('{0}-{1:d2}' -f @('nightly', 'old')[$i % 2], $i)
        }
    }

    It 'returns every snapshot exactly once, in the server''s order, past the page limit' {
        $before = Get-EmulatorRequestCount $script:Emulator 'snapshots.detail'
        $all = Get-OSSnapshot
        $all.Id | Should -Be $script:Created.Id
        # pages of 3 that start one item early (to notice a listing that shifted): 3 + 2 + 2 + 2 + 1 new items
        ((Get-EmulatorRequestCount $script:Emulator 'snapshots.detail') - $before) | Should -Be 5
    }

    It 'filters by name with wildcards' {
        (Get-OSSnapshot -Name 'nightly-*').Name | Should -Be @('nightly-02', 'nightly-04', 'nightly-06', 'nightly-08', 'nightly-10')
    }

    It 'filters by status and volume' {
        Set-EmulatorSnapshotStatus $script:Emulator -Id $script:Created[0].Id -Status error
        (Get-OSSnapshot -Status error).Id | Should -Be @($script:Created[0].Id)
        (Get-OSSnapshot -VolumeId $script:VolumeAvailable).Count | Should -Be 5
        (Get-OSSnapshot -Name 'old-*' -Status available).Count | Should -Be 4
    }

    It 'writes nothing for a wildcard that matches nothing' {
        Get-OSSnapshot -Name 'nothing-*' -ErrorVariable failures | Should -BeNullOrEmpty
        $failures | Should -BeNullOrEmpty
    }

    It 'reports an exact name that matches nothing as OSNotFound' {
        Get-OSSnapshot -Name 'no-such-name' -ErrorVariable failures -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $failures[0].FullyQualifiedErrorId | Should -Be 'OSNotFound,OpenStackSnapshot.Commands.GetOSSnapshotCommand'
    }

    It 'gets by id, writing a non-terminating OSNotFound for an unknown id and the others still' {
        $unknown = '11111111-2222-4333-8444-555555555555'
        $found = Get-OSSnapshot -Id $script:Created[1].Id, $unknown, $script:Created[2].Id -ErrorVariable failures -ErrorAction SilentlyContinue
        $found.Id | Should -Be @($script:Created[1].Id, $script:Created[2].Id)
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -Be 'OSNotFound,OpenStackSnapshot.Commands.GetOSSnapshotCommand'
        $failures[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failures[0].TargetObject | Should -Be $unknown
    }

    It 'takes ids from piped snapshots by property name' {
        ($script:Created[3..4] | Get-OSSnapshot).Id | Should -Be $script:Created[3..4].Id
    }

    It 'shows a table with Id, Name, Status, Age and the volume, which fits 80 columns' {
        $table = Get-OSSnapshot -Id $script:Created[1].Id | Out-String -Width 80
        $table | Should -Match 'Id\s+Name\s+Status\s+Age\s+Volume'
        $table | Should -Match ([regex]::Escape($script:Created[1].Id))
        $table | Should -Match ('available\s+\d+[smhd]\s+' + $script:Created[1].VolumeId.Substring(0, 8))
    }

    It 'converts to JSON cleanly' {
        $json = Get-OSSnapshot -Id $script:Created[1].Id | ConvertTo-Json | ConvertFrom-Json
        $json.Id | Should -Be $script:Created[1].Id
        $json.VolumeId | Should -Be $script:Created[1].VolumeId
        $json.PSObject.Properties.Name | Should -Be @('Id', 'VolumeId', 'Name', 'Description', 'Status', 'Size', 'CreatedAt', 'Metadata', 'ProjectId')
        @($json.Metadata.PSObject.Properties).Count | Should -Be 0   # the proxy carries no metadata: an empty object, not null
    }
}

Describe 'Remove-OSSnapshot' {
    BeforeEach {
        Reset-Emulator $script:Emulator
        Connect-TestCloud $script:Emulator | Out-Null
        $script:Snapshots = $script:VolumeAvailable, $script:VolumeAvailable2 | New-OSSnapshot -Name old
    }

    It 'removes every snapshot it is piped, past the page limit, although each removal shifts the listing' {
        Set-EmulatorSetting $script:Emulator @{ pageLimit = 3 }
        $more = 1..8 | ForEach-Object { New-OSSnapshot -VolumeId $script:VolumeAvailable -Name "old-$_" }
        Get-OSSnapshot -Name 'old*' | Remove-OSSnapshot -Confirm:$false
        Get-OSSnapshot | Should -BeNullOrEmpty
        Get-EmulatorRequestCount $script:Emulator 'snapshots.delete' | Should -Be 10
    }

    It 'sends no DELETE with -WhatIf' {
        $script:Snapshots | Remove-OSSnapshot -WhatIf
        Get-EmulatorRequestCount $script:Emulator 'snapshots.delete' | Should -Be 0
        (Get-OSSnapshot).Count | Should -Be 2
    }

    It 'is High impact, so it asks unless -Confirm:$false' {
        $attribute = (Get-Command Remove-OSSnapshot).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0]
        $attribute.ConfirmImpact | Should -Be 'High'
    }

    It 'deletes by id and by object, writing nothing without -PassThru' {
        Remove-OSSnapshot -Id $script:Snapshots[0].Id -Confirm:$false | Should -BeNullOrEmpty
        $script:Snapshots[1] | Remove-OSSnapshot -Confirm:$false | Should -BeNullOrEmpty
        Get-EmulatorRequestCount $script:Emulator 'snapshots.delete' | Should -Be 2
    }

    It 'writes the snapshot with -PassThru' {
        (Remove-OSSnapshot -Id $script:Snapshots[0].Id -Confirm:$false -PassThru).Id | Should -Be $script:Snapshots[0].Id
    }

    It 'binds piped snapshots to -InputObject, so -PassThru needs no lookup' {
        $shows = Get-EmulatorRequestCount $script:Emulator 'snapshots.show'
        ($script:Snapshots | Remove-OSSnapshot -Confirm:$false -PassThru).Id | Should -Be $script:Snapshots.Id
        (Get-EmulatorRequestCount $script:Emulator 'snapshots.show') - $shows | Should -Be 0
    }

    It 'takes plain ids from the pipeline too' {
        $script:Snapshots.Id | Remove-OSSnapshot -Confirm:$false
        Get-EmulatorRequestCount $script:Emulator 'snapshots.delete' | Should -Be 2
    }

    It 'reports an unknown id as a non-terminating OSNotFound and removes the rest' {
        $unknown = '11111111-2222-4333-8444-555555555555'
        Remove-OSSnapshot -Id $unknown, $script:Snapshots[0].Id -Confirm:$false -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures[0].FullyQualifiedErrorId | Should -Be 'OSNotFound,OpenStackSnapshot.Commands.RemoveOSSnapshotCommand'
        $failures[0].TargetObject | Should -Be $unknown
        Get-EmulatorRequestCount $script:Emulator 'snapshots.delete' | Should -Be 2
    }

    It 'returns with -Wait only when show answers 404' {
        Set-EmulatorSetting $script:Emulator @{ snapshotDelayMs = 400 }
        $script:Snapshots | Remove-OSSnapshot -Confirm:$false -Wait
        Get-OSSnapshot | Should -BeNullOrEmpty
    }

    It 'with -Wait, takes a snapshot that is already gone as done, as Remove-OSVolume does; without, it is OSNotFound' {
        $snapshot = $script:Snapshots[0]
        $snapshot | Remove-OSSnapshot -Wait -Confirm:$false
        { $snapshot | Remove-OSSnapshot -Wait -Confirm:$false -ErrorAction Stop } | Should -Not -Throw
        # By id with -PassThru it is looked up first, and that 404 is done too: there is nothing to write.
        Remove-OSSnapshot -Id $snapshot.Id -Wait -PassThru -Confirm:$false -ErrorAction Stop | Should -BeNullOrEmpty
        $verbose = $snapshot | Remove-OSSnapshot -Wait -Confirm:$false -Verbose 4>&1
        ($verbose | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message -join "`n" | Should -Match 'already gone'
        $record = Get-OneError { $snapshot | Remove-OSSnapshot -Confirm:$false }
        $record.FullyQualifiedErrorId | Should -Be 'OSNotFound,OpenStackSnapshot.Commands.RemoveOSSnapshotCommand'
    }
}

Describe 'Wait-OSSnapshot' {
    BeforeEach {
        Reset-Emulator $script:Emulator
        Connect-TestCloud $script:Emulator | Out-Null
    }

    It 'ends at once with OSSnapshotFailed when a snapshot goes to error' {
        Set-EmulatorSetting $script:Emulator @{ snapshotDelayMs = 600000 }
        $snapshot = New-OSSnapshot -VolumeId $script:VolumeAvailable
        Set-EmulatorSnapshotStatus $script:Emulator -Id $snapshot.Id -Status error
        $snapshot | Wait-OSSnapshot -Timeout '00:10:00' -ErrorVariable failures -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -Be 'OSSnapshotFailed,OpenStackSnapshot.Commands.WaitOSSnapshotCommand'
        $failures[0].TargetObject | Should -Be $snapshot.Id
    }

    It 'writes what finished and OSTimeout for the rest when -Timeout passes' {
        $fast = New-OSSnapshot -VolumeId $script:VolumeAvailable
        Set-EmulatorSetting $script:Emulator @{ snapshotDelayMs = 600000 }
        $slow = New-OSSnapshot -VolumeId $script:VolumeAvailable2
        $done = $fast, $slow | Wait-OSSnapshot -Timeout '00:00:05' -ErrorVariable failures -ErrorAction SilentlyContinue   # room to see $fast
        $done.Id | Should -Be @($fast.Id)
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -Be 'OSTimeout,OpenStackSnapshot.Commands.WaitOSSnapshotCommand'
        $failures[0].CategoryInfo.Category | Should -Be 'OperationTimeout'
        $failures[0].TargetObject | Should -Be $slow.Id
    }

    It 'waits on 50 snapshots with one listing per poll, not one request per snapshot' {
        Set-EmulatorSetting $script:Emulator @{ snapshotDelayMs = 1500 }
        $snapshots = 1..50 | ForEach-Object { New-OSSnapshot -VolumeId $script:VolumeAvailable -Name "bulk-$_" }
        $listings = Get-EmulatorRequestCount $script:Emulator 'snapshots.detail'
        $shows = Get-EmulatorRequestCount $script:Emulator 'snapshots.show'
        $done = $snapshots | Wait-OSSnapshot -Timeout '00:02:00'
        $done.Count | Should -Be 50
        ($done | Where-Object Status -ne 'available') | Should -BeNullOrEmpty
        (Get-EmulatorRequestCount $script:Emulator 'snapshots.show') - $shows | Should -Be 0
        # polls come at 0.5 s growing by half: a 1.5 s wait takes a handful of polls, each one listing request
        (Get-EmulatorRequestCount $script:Emulator 'snapshots.detail') - $listings | Should -BeLessOrEqual 10
    }

    It 'waits for deletion with -Deleted' {
        $snapshot = New-OSSnapshot -VolumeId $script:VolumeAvailable
        Set-EmulatorSetting $script:Emulator @{ snapshotDelayMs = 300 }
        $snapshot | Remove-OSSnapshot -Confirm:$false
        $snapshot | Wait-OSSnapshot -Deleted -Timeout '00:01:00' | Should -BeNullOrEmpty
        { Get-OSSnapshot -Id $snapshot.Id -ErrorAction Stop } | Should -Throw -ErrorId 'OSNotFound,*'
    }
}

Describe 'Get-OSVolume and volumes into New-OSSnapshot' {
    BeforeEach {
        Reset-Emulator $script:Emulator
        Connect-TestCloud $script:Emulator | Out-Null
    }

    It 'lists the project''s volumes, treating Nova''s [{}] as no attachment' {
        $volumes = Get-OSVolume
        $volumes.Id | Should -Contain $script:VolumeAvailable
        ($volumes | Where-Object Id -eq $script:VolumeAvailable).Attachments.Count | Should -Be 0
        $inUse = $volumes | Where-Object Id -eq $script:VolumeInUse
        $inUse.Status | Should -Be 'in-use'
        $inUse.Attachments.Count | Should -Be 1
        $inUse.Attachments[0].ServerId | Should -Not -BeNullOrEmpty
    }

    It 'gets a volume by id, and OSNotFound for an unknown one' {
        (Get-OSVolume -Id $script:VolumeAvailable).Size | Should -Be 100
        { Get-OSVolume -Id '11111111-2222-4333-8444-555555555555' -ErrorAction Stop } |
            Should -Throw -ErrorId 'OSNotFound,OpenStackSnapshot.Commands.GetOSVolumeCommand'
    }

    It 'pipes in-use volumes into New-OSSnapshot -Force -Wait' {
        Set-EmulatorSetting $script:Emulator @{ snapshotDelayMs = 300 }
        $snapshots = Get-OSVolume | Where-Object Status -eq 'in-use' | New-OSSnapshot -Name nightly -Force -Wait
        $snapshots.VolumeId | Should -Be @($script:VolumeInUse)
        $snapshots.Status | Should -Be 'available'
        $snapshots.Name | Should -Be 'nightly'
    }

    It 'filters volumes by name and status' {
        (Get-OSVolume -Name 'data-*').Name | Should -Be @('data-01', 'data-02')
        (Get-OSVolume -Status in-use).Id | Should -Be @($script:VolumeInUse)
    }

    It 'reports an exact volume name that matches nothing as OSNotFound' {
        Get-OSVolume -Name 'no-such-volume' -ErrorVariable failures -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $failures[0].FullyQualifiedErrorId | Should -Be 'OSNotFound,OpenStackSnapshot.Commands.GetOSVolumeCommand'
    }

    It 'gets the volume of a piped snapshot (its VolumeId, not its Id)' {
        $snapshot = New-OSSnapshot -VolumeId $script:VolumeAvailable2
        ($snapshot | Get-OSVolume).Id | Should -Be $script:VolumeAvailable2
    }
}
