# Issue 23 part 5: Get-OSSnapshotCoverage on both APIs: the user story (volumes that opted in, piped, the uncovered
# ones picked out), one snapshot listing for all volumes, input by object, by id and none, -MaxAge and its refusals,
# -AllProjects, errors with their ErrorIds, the coverage piped into New-OSSnapshot, and the 80-column table.
BeforeAll {
    . (Join-Path $PSScriptRoot 'EmulatorTestSetup.ps1')
    Start-CleanTestEmulator
    $script:Nightly = @{ backup = 'nightly' }
    $script:TinyVolume = 'd4e5f6a7-b8c9-4dae-9f01-2b3c4d5e6f70'
    $script:Missing = '00000000-0000-4000-8000-000000000000'

    # data-01: newest available 3 hours old (and an older one and a newer failed one); data-02: newest 2 days old;
    # logs: a snapshot still creating only; db-01: none.
    function New-Backups {
        New-DatedSnapshot $script:VolumeAvailable old 3 | Out-Null
        $script:Recent = New-DatedSnapshot $script:VolumeAvailable recent 0.125
        New-DatedSnapshot $script:VolumeAvailable failed 0.01 -Status error | Out-Null
        $script:Stale = New-DatedSnapshot $script:VolumeAvailable2 stale 2
        New-DatedSnapshot $script:VolumeAvailable3 pending 0.01 -Status creating | Out-Null
    }

    function Get-SnapshotListings {
        (Get-EmulatorRequestCount $script:Emulator 'cinder.snapshots.detail') + (Get-EmulatorRequestCount $script:Emulator 'snapshots.detail')
    }

    # The pages one listing of the project's snapshots costs on this API (Nova's offset walk reads one page more).
    function Measure-OneListing {
        $before = Get-SnapshotListings
        Get-OSSnapshot | Out-Null
        (Get-SnapshotListings) - $before
    }
}
AfterAll { Stop-CleanTestEmulator }

Describe 'Get-OSSnapshotCoverage on a <Api> session' -ForEach @(@{ Api = 'BlockStorage' }, @{ Api = 'Compute' }) {
    BeforeEach {
        Reset-BlockStorageCloud
        New-Backups
        if ($Api -eq 'Compute') { Select-OSSession compute }
    }

    It 'writes one coverage per volume with its newest available snapshot, its age and count, from one listing' {
        $oneListing = Measure-OneListing
        $before = Get-SnapshotListings

        $coverage = @(Get-OSSnapshotCoverage -ErrorAction Stop)

        (Get-SnapshotListings) - $before | Should -Be $oneListing
        $coverage.Count | Should -Be 4
        $coverage[0].GetType().FullName | Should -Be 'OpenStackSnapshot.Client.Models.SnapshotCoverage'
        $data01 = $coverage | Where-Object VolumeId -EQ $script:VolumeAvailable
        $data01.VolumeName | Should -Be 'data-01'
        $data01.NewestSnapshotId | Should -Be $script:Recent.Id
        $data01.NewestCreatedAt | Should -Be $script:Recent.CreatedAt
        $data01.NewestCreatedAt.Kind | Should -Be 'Utc'
        $data01.Age.TotalHours | Should -BeGreaterThan 2.9
        $data01.Age.TotalHours | Should -BeLessThan 3.5
        $data01.SnapshotCount | Should -Be 2   # the failed one does not count
        $data01.Covered | Should -BeTrue
        $data01.MaxAge | Should -Be ([timespan]::FromDays(1))
        $data02 = $coverage | Where-Object VolumeId -EQ $script:VolumeAvailable2
        $data02.NewestSnapshotId | Should -Be $script:Stale.Id
        $data02.Covered | Should -BeFalse
        $logs = $coverage | Where-Object VolumeName -EQ logs
        $logs.SnapshotCount | Should -Be 0   # creating is no backup
        $logs.NewestSnapshotId | Should -BeNullOrEmpty
        $logs.Age | Should -BeNullOrEmpty
        $logs.Covered | Should -BeFalse
        $db01 = $coverage | Where-Object VolumeId -EQ $script:VolumeInUse
        $db01.ServerIds | Should -Be @($script:SeededServer)
        $db01.Covered | Should -BeFalse
    }

    It 'serves the user story: the volumes that opted in, piped, and those without a recent snapshot picked out' {
        Set-OSVolume -VolumeId $script:VolumeAvailable, $script:VolumeAvailable2 -Metadata $script:Nightly -Session (Get-OSSession |
                Where-Object Api -EQ BlockStorage)
        $volumes = Get-OSVolume -Metadata $script:Nightly
        $oneListing = Measure-OneListing
        $before = Get-SnapshotListings

        $uncovered = @($volumes | Get-OSSnapshotCoverage -MaxAge 1.00:00:00 | Where-Object -Not Covered)

        $uncovered.VolumeName | Should -Be @('data-02')
        (Get-SnapshotListings) - $before | Should -Be $oneListing
        Get-EmulatorRequestCount $script:Emulator 'cinder.volumes.show' | Should -Be 0
        Get-EmulatorRequestCount $script:Emulator 'volumes.show' | Should -Be 0
    }

    It 'judges by -MaxAge: a longer span covers the older snapshot' {
        $coverage = @(Get-OSSnapshotCoverage -MaxAge 3.00:00:00)

        ($coverage | Where-Object VolumeId -EQ $script:VolumeAvailable2).Covered | Should -BeTrue
        ($coverage | Where-Object VolumeId -EQ $script:VolumeAvailable).MaxAge | Should -Be ([timespan]::FromDays(3))
        (@(Get-OSSnapshotCoverage -MaxAge 01:00:00) | Where-Object VolumeId -EQ $script:VolumeAvailable).Covered | Should -BeFalse
    }

    It 'takes ids, reading each volume once, and reports an unknown one as OSNotFound while the others are checked' {
        $out = @(Get-OSSnapshotCoverage -VolumeId $script:VolumeAvailable, $script:Missing, $script:VolumeAvailable `
                -ErrorVariable failures -ErrorAction SilentlyContinue)

        $out.VolumeId | Should -Be @($script:VolumeAvailable)
        $out.VolumeName | Should -Be @('data-01')
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'OSNotFound,*'
        $failures[0].TargetObject | Should -Be $script:Missing
    }

    It 'binds piped ids, and the VolumeId of piped snapshots, once per volume' {
        @($script:VolumeAvailable2 | Get-OSSnapshotCoverage).NewestSnapshotId | Should -Be @($script:Stale.Id)
        @(Get-OSSnapshot -VolumeId $script:VolumeAvailable | Get-OSSnapshotCoverage).VolumeId | Should -Be @($script:VolumeAvailable)
    }

    It 'checks no volume for an empty pipeline, never every volume of the session' {
        $before = Get-SnapshotListings

        @(@() | Get-OSSnapshotCoverage) | Should -BeNullOrEmpty
        @(Get-OSVolume -Metadata @{ backup = 'never' } | Get-OSSnapshotCoverage) | Should -BeNullOrEmpty

        Get-SnapshotListings | Should -Be $before
    }

    It 'pipes the uncovered volumes into New-OSSnapshot by their VolumeId' {
        $made = @(Get-OSSnapshotCoverage | Where-Object -Not Covered | New-OSSnapshot -Name catch-up -Force)

        $made.VolumeId | Sort-Object | Should -Be (@($script:VolumeAvailable2, $script:VolumeAvailable3, $script:VolumeInUse) | Sort-Object)
        $made.Name | Select-Object -Unique | Should -Be 'catch-up'
    }

    It 'writes no coverage when the snapshot listing fails, and says why once' {
        $route = if ($Api -eq 'Compute') { 'snapshots.detail' } else { 'cinder.snapshots.detail' }
        Set-EmulatorFault $script:Emulator -Route $route -Status 500

        $out = @(Get-OSSnapshotCoverage -ErrorVariable failures -ErrorAction SilentlyContinue)

        $out | Should -BeNullOrEmpty
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'OSServerError,*'
        $failures[0].TargetObject | Should -BeNullOrEmpty
    }

    It 'shows a table that fits 80 columns: covered, the volume, its server, the newest time in UTC, its age and the count' {
        $lines = @(Get-OSSnapshotCoverage | Out-String -Width 80 -Stream | Where-Object { $_.Trim() })

        $lines[0] | Should -Match '^Covered\s+Volume\s+Name\s+Server\s+Newest\s+Age\s+Count$'
        $lines | ForEach-Object { $_.TrimEnd().Length | Should -BeLessOrEqual 80 }
        $row = $lines | Where-Object { $_ -match 'data-01' }
        $row | Should -Match "^True\s+$($script:VolumeAvailable.Substring(0, 8))\s+data-01\s+"
        $row | Should -Match ([regex]::Escape([OpenStackSnapshot.Output.Display]::Time($script:Recent.CreatedAt)))
        $row | Should -Match '\s[23]h\s+2$'
        $db = $lines | Where-Object { $_ -match 'db-01' }
        $db | Should -Match "^False\s+$($script:VolumeInUse.Substring(0, 8))\s+db-01\s+$($script:SeededServer.Substring(0, 8))\s+0$"
        $list = Get-OSSnapshotCoverage -VolumeId $script:VolumeAvailable | Format-List | Out-String -Width 200
        $list | Should -Match 'NewestCreatedAt\s*:\s*\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ'
        $list | Should -Match 'CheckedAt\s*:\s*\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ'
    }
}

Describe 'Get-OSSnapshotCoverage -MaxAge' {
    BeforeAll { Reset-TestCloud }

    It 'refuses <Value> before anything is sent' -ForEach @(
        @{ Value = 1; ErrorId = 'ParameterArgumentTransformationError'; Because = 'a bare number would be ticks' }
        @{ Value = [timespan]::Zero; ErrorId = 'ParameterArgumentValidationError'; Because = 'nothing is younger than zero' }
        @{ Value = '-1.00:00:00'; ErrorId = 'ParameterArgumentValidationError'; Because = 'a negative span is a mistake' }
    ) {
        $before = Get-RequestTotal

        $record = Get-OneError { Get-OSSnapshotCoverage -MaxAge $Value }

        $record.FullyQualifiedErrorId | Should -BeLike "$ErrorId,*" -Because $Because
        Get-RequestTotal | Should -Be $before
    }

    It 'defaults to one day, as the help says' {
        (Get-Command Get-OSSnapshotCoverage).ImplementingType::new().MaxAge | Should -Be ([timespan]::FromDays(1))
    }
}

Describe 'Get-OSSnapshotCoverage across projects' {
    BeforeEach { Reset-BlockStorageCloud }

    It 'lists every project''s volumes and snapshots for an administrator with -AllProjects' {
        New-DatedSnapshot $script:VolumeAvailable fresh 0.1 | Out-Null
        Connect-TestCloud $script:Emulator -User admin -Password admin-secret -Project admin -Extra @{ Api = 'BlockStorage' } | Out-Null

        $coverage = @(Get-OSSnapshotCoverage -AllProjects -WarningVariable adminWarnings)

        $adminWarnings | Should -BeNullOrEmpty
        $coverage.Count | Should -Be 5
        ($coverage | Where-Object VolumeId -EQ $script:VolumeAvailable).Covered | Should -BeTrue
        ($coverage | Where-Object VolumeId -EQ $script:TinyVolume).ProjectId | Should -Be '7a8b9c0d1e2f4a3b5c6d7e8f9a0b1c2d'
    }

    It 'lists every project''s snapshots by itself when the piped volumes belong to another project' {
        New-DatedSnapshot $script:VolumeAvailable fresh 0.1 | Out-Null
        Connect-TestCloud $script:Emulator -User admin -Password admin-secret -Project admin -Extra @{ Api = 'BlockStorage' } | Out-Null

        $lines = Get-RequestLine { $script:Coverage = @(Get-OSVolume -AllProjects -Name data-01 | Get-OSSnapshotCoverage) }

        $script:Coverage.Covered | Should -Be @($true)
        @($lines -like 'GET *snapshots/detail*all_tenants=1*').Count | Should -Be 1
    }

    It 'warns a member that -AllProjects gives only their own project' {
        $null = @(Get-OSSnapshotCoverage -AllProjects -WarningVariable memberWarnings -WarningAction SilentlyContinue)

        "$memberWarnings" | Should -Match 'every project''s volumes and snapshots only to an admin'
    }

    It 'refuses -AllProjects on a Compute session, naming -Api BlockStorage, before anything is sent' {
        $before = Get-RequestTotal
        $failure = $null
        try { Get-OSSnapshotCoverage -AllProjects -Session compute | Out-Null } catch { $failure = $_ }

        $failure.FullyQualifiedErrorId | Should -BeLike 'OSInvalidArgument,*'
        $failure.TargetObject | Should -Be '-AllProjects'
        $failure.ToString() | Should -BeLike '*Connect-OSCloud -Api BlockStorage*'
        Get-RequestTotal | Should -Be $before
    }
}
