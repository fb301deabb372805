BeforeAll {
    . (Join-Path $PSScriptRoot 'EmulatorTestSetup.ps1')
    $script:Emulator = Start-Emulator
}
AfterAll { Stop-Emulator $script:Emulator }

Describe 'New-OSSnapshot' {
    BeforeEach {
        Reset-Emulator $script:Emulator
        Connect-TestCloud $script:Emulator | Out-Null
    }

    It 'creates a snapshot and writes a typed object' {
        $snapshot = New-OSSnapshot -VolumeId $script:VolumeAvailable -Name snap-001 -Description 'Daily backup'
        $snapshot.GetType().FullName | Should -Be 'OpenStackSnapshot.Client.Models.Snapshot'
        $snapshot.Id | Should -Match '^[0-9a-f-]{36}$'
        $snapshot.VolumeId | Should -Be $script:VolumeAvailable
        $snapshot.Name | Should -Be 'snap-001'
        $snapshot.Description | Should -Be 'Daily backup'
        $snapshot.Status | Should -Be 'creating'
        $snapshot.Size | Should -Be 100
        $snapshot.CreatedAt.Kind | Should -Be 'Utc'
    }

    It 'writes objects a script cannot change, as the cloud reported them' {
        $snapshot = New-OSSnapshot -VolumeId $script:VolumeAvailable -Name kept
        { $snapshot.Name = 'changed' } | Should -Throw -ExpectedMessage '*ReadOnly*'
        { (Get-OSVolume -VolumeId $script:VolumeAvailable).Status = 'x' } | Should -Throw -ExpectedMessage '*ReadOnly*'
        $snapshot.Name | Should -Be 'kept'
    }

    It 'takes the volume id by position' {
        (New-OSSnapshot $script:VolumeAvailable).VolumeId | Should -Be $script:VolumeAvailable
    }

    It 'leaves Name and Description null when not given' {
        $snapshot = New-OSSnapshot -VolumeId $script:VolumeAvailable
        $snapshot.Name | Should -BeNullOrEmpty
        $snapshot.Description | Should -BeNullOrEmpty
    }

    It 'takes volume ids from the pipeline by value' {
        $snapshots = $script:VolumeAvailable, $script:VolumeAvailable2 | New-OSSnapshot -Name nightly
        $snapshots.VolumeId | Should -Be @($script:VolumeAvailable, $script:VolumeAvailable2)
        $snapshots.Name | Should -Be @('nightly', 'nightly')
    }

    It 'binds <Property> by property name' -ForEach @(
        @{ Property = 'VolumeId' }, @{ Property = 'Id' }, @{ Property = 'volume_id' }
    ) {
        $item = [pscustomobject]@{ $Property = $script:VolumeAvailable2 }
        ($item | New-OSSnapshot).VolumeId | Should -Be $script:VolumeAvailable2
    }

    It 'takes Name and Description from the pipeline too (as from Import-Csv)' {
        $row = [pscustomobject]@{ VolumeId = $script:VolumeAvailable; Name = 'from-csv'; Description = 'row 1' }
        $snapshot = $row | New-OSSnapshot
        $snapshot.Name | Should -Be 'from-csv'
        $snapshot.Description | Should -Be 'row 1'
    }

    It 'snapshots an attached volume with -Force' {
        (New-OSSnapshot -VolumeId $script:VolumeInUse -Force).VolumeId | Should -Be $script:VolumeInUse
    }

    It 'sends nothing with -WhatIf' {
        $script:VolumeAvailable, $script:VolumeAvailable2 | New-OSSnapshot -WhatIf
        Get-EmulatorRequestCount $script:Emulator 'snapshots.create' | Should -Be 0
    }

    It 'keeps going after a failed item: the first and third volumes still get snapshots' {
        $snapshots = $script:VolumeAvailable, $script:VolumeInUse, $script:VolumeAvailable2 |
            New-OSSnapshot -ErrorVariable failures -ErrorAction SilentlyContinue
        $snapshots.VolumeId | Should -Be @($script:VolumeAvailable, $script:VolumeAvailable2)
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -Be 'OSVolumeNotAvailable,OpenStackSnapshot.Commands.NewOSSnapshotCommand'
        $failures[0].TargetObject | Should -Be $script:VolumeInUse
        $failures[0].ErrorDetails.RecommendedAction | Should -Match '-Force'
    }

    It 'makes a per-item failure terminating with -ErrorAction Stop' {
        { New-OSSnapshot -VolumeId $script:VolumeInUse -ErrorAction Stop } |
            Should -Throw -ErrorId 'OSVolumeNotAvailable,OpenStackSnapshot.Commands.NewOSSnapshotCommand'
    }
}

Describe 'New-OSSnapshot input validation (nothing is sent)' {
    BeforeAll {
        Reset-Emulator $script:Emulator
        Connect-TestCloud $script:Emulator | Out-Null
    }

    It 'refuses <Case> naming the parameter' -ForEach @(
        @{ Case = 'a non-UUID volume id'; Arguments = @{ VolumeId = 'vol-1' }; Parameter = 'VolumeId'; Pattern = 'not a volume id' }
        @{ Case = 'a blank volume id'; Arguments = @{ VolumeId = '   ' }; Parameter = 'VolumeId'; Pattern = 'empty' }
        @{ Case = 'an empty volume id'; Arguments = @{ VolumeId = '' }; Parameter = 'VolumeId'; Pattern = 'empty' }
        @{ Case = 'a 256-character name'; Arguments = @{ VolumeId = '521752a6-acf6-4b2d-bc7a-119f9148cd8c'; Name = 'n' * 256 }
           Parameter = 'Name'; Pattern = '256 characters' }
        @{ Case = 'a 256-character description'; Arguments = @{ VolumeId = '521752a6-acf6-4b2d-bc7a-119f9148cd8c'; Description = 'd' * 256 }
           Parameter = 'Description'; Pattern = '255' }
        @{ Case = 'a control character in the name'; Arguments = @{ VolumeId = '521752a6-acf6-4b2d-bc7a-119f9148cd8c'; Name = "bad`nname" }
           Parameter = 'Name'; Pattern = 'control character' }
    ) {
        $record = $null
        try { New-OSSnapshot @Arguments } catch { $record = $_ }
        $record | Should -Not -BeNullOrEmpty
        $record.FullyQualifiedErrorId | Should -BeLike 'ParameterArgumentValidationError*,OpenStackSnapshot.Commands.NewOSSnapshotCommand'
        $record.Exception.Message | Should -Match "parameter '$Parameter'"
        $record.Exception.Message | Should -Match $Pattern
        Get-EmulatorRequestCount $script:Emulator 'snapshots.create' | Should -Be 0
    }

    It 'shows a volume name given to <Command> -VolumeId the command line that takes the name, and that line works' -ForEach @(
        @{ Command = 'New-OSSnapshot'; Hint = "If it is the volume's name, Get-OSVolume -Name data-01 | New-OSSnapshot snapshots that volume." }
        @{ Command = 'Get-OSSnapshot'
           Hint = "If it is the volume's name, Get-OSSnapshot -VolumeId (Get-OSVolume -Name data-01).Id lists that volume's snapshots." }
    ) {
        New-OSSnapshot -VolumeId $script:VolumeAvailable -Name before | Out-Null   # data-01's
        $record = $null
        try { & $Command -VolumeId data-01 } catch { $record = $_ }
        $record.FullyQualifiedErrorId | Should -Be "ParameterArgumentValidationError,OpenStackSnapshot.Commands.$($Command -replace '-')Command"
        $record.CategoryInfo.Category | Should -Be 'InvalidData'
        $record.Exception.Message | Should -BeExactly (
            "Cannot validate argument on parameter 'VolumeId'. 'data-01' is not a volume id: volume ids are UUIDs such as " +
            "521752a6-acf6-4b2d-bc7a-119f9148cd8c. $Hint")
        $line = ($Hint -replace '^If it is the volume''s name, ' -replace ' (snapshots|lists) that volume.*$')
        @(Invoke-Expression $line).VolumeId | Should -Contain $script:VolumeAvailable
    }

    It 'quotes a volume name that is not a bare word in its hint, and gives a slip of a UUID none' {
        $record = $null
        try { New-OSSnapshot -VolumeId "db's [data]" } catch { $record = $_ }
        $record.Exception.Message | Should -Match ([regex]::Escape("Get-OSVolume -Name 'db''s ``[data``]' | New-OSSnapshot"))
        try { New-OSSnapshot -VolumeId '521752a6-acf6-4b2d-bc7a' } catch { $record = $_ }
        $record.Exception.Message | Should -Not -Match 'Get-OSVolume'
    }

    It 'accepts a 255-character name' {
        (New-OSSnapshot -VolumeId $script:VolumeAvailable -Name ('n' * 255)).Name.Length | Should -Be 255
    }

    It 'fails only the bad item in a pipeline' {
        Reset-Emulator $script:Emulator
        $snapshots = $script:VolumeAvailable, 'not-a-uuid', $script:VolumeAvailable2 |
            New-OSSnapshot -ErrorVariable failures -ErrorAction SilentlyContinue
        $snapshots.VolumeId | Should -Be @($script:VolumeAvailable, $script:VolumeAvailable2)
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'ParameterArgumentValidationError*'
        $failures[0].TargetObject | Should -Be 'not-a-uuid'
        Get-EmulatorRequestCount $script:Emulator 'snapshots.create' | Should -Be 2
    }
}

Describe 'A create whose answer was lost' {
    BeforeAll {
        $script:Lost = Start-Emulator
        Connect-TestCloud $script:Lost | Out-Null
    }
    AfterAll { Stop-Emulator $script:Lost }
    BeforeEach { Reset-Emulator $script:Lost }

    It 'is found again, not sent twice, when <Case>' -ForEach @(
        @{ Case = 'a gateway answered 504 after Nova made it'; Fault = @{ Status = 504 } }
        @{ Case = 'the connection was cut after Nova made it'; Fault = @{ Status = 0; Drop = $true } }
    ) {
        Set-EmulatorFault $script:Lost -Route 'snapshots.create' -AfterProcessing @Fault
        $verbose = New-OSSnapshot -VolumeId $script:VolumeAvailable -Name reconciled -Verbose 4>&1
        $snapshot = @($verbose | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] })
        $snapshot | Should -HaveCount 1
        $snapshot[0].Name | Should -Be 'reconciled'
        ($verbose | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message -join "`n" | Should -Match 'was found again'
        Get-EmulatorRequestCount $script:Lost 'snapshots.create' | Should -Be 1
        @(Get-OSSnapshot -Name reconciled) | Should -HaveCount 1
    }

    It 'is sent again only once its absence is established, and says what was checked when no send was carried out' {
        # Every create answers 504 without being carried out: each is looked for twice (the second after the grace), then resent.
        Set-EmulatorFault $script:Lost -Route 'snapshots.create' -Status 504 -Count 3
        $record = Get-OneError { New-OSSnapshot -VolumeId $script:VolumeAvailable -Name never-made }
        $record.FullyQualifiedErrorId | Should -Be 'OSServiceUnavailable,OpenStackSnapshot.Commands.NewOSSnapshotCommand'
        $record.Exception.Message | Should -Match 'It was sent 3 times, each answer was lost, and none showed on the cloud'
        $record.Exception.Message | Should -Match "\(checked: \d+ snapshots listed, looking for the snapshot 'never-made'"
        Get-EmulatorRequestCount $script:Lost 'snapshots.create' | Should -Be 3
        @(Get-OSSnapshot -Name never-made* ) | Should -HaveCount 0
    }

    It 'is resent once absent, so an answer lost before the cloud acted on it still makes exactly one snapshot' {
        Set-EmulatorFault $script:Lost -Route 'snapshots.create' -Status 504
        $verbose = New-OSSnapshot -VolumeId $script:VolumeAvailable -Name made-on-resend -Verbose 4>&1
        $snapshot = @($verbose | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] })
        $snapshot | Should -HaveCount 1
        $said = ($verbose | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message -join "`n"
        $said | Should -Match 'then looking again'
        $said | Should -Match 'sending it again \(send 2 of at most 3\)'
        $said | Should -Match 'no twin from an earlier send'
        Get-EmulatorRequestCount $script:Lost 'snapshots.create' | Should -Be 2
        @(Get-OSSnapshot -Name made-on-resend) | Should -HaveCount 1
    }

    It 'says there is nothing to match on without a name' {
        Set-EmulatorFault $script:Lost -Route 'snapshots.create' -Status 504 -AfterProcessing
        $record = Get-OneError { New-OSSnapshot -VolumeId $script:VolumeAvailable }
        $record.Exception.Message | Should -Match 'had no name, so there is nothing safe to find it again by'
        Get-EmulatorRequestCount $script:Lost 'snapshots.create' | Should -Be 1
    }
}
