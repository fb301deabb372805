# Issue 23 part 4: the volumes that opt in. Get-OSVolume -Metadata on a BlockStorage session (Cinder filters, the cmdlet
# checks again) and on a Compute session (filtered here from the metadata Nova's proxy reports); -AllProjects for an
# operator, its warning and its view, refused on a Compute session; how a volume's metadata and project are shown.
BeforeAll {
    . (Join-Path $PSScriptRoot 'EmulatorTestSetup.ps1')
    Start-CleanTestEmulator
    $script:Nightly = @{ backup = 'nightly' }
    $script:TinyVolume = 'd4e5f6a7-b8c9-4dae-9f01-2b3c4d5e6f70'
    $script:TinyProject = '7a8b9c0d1e2f4a3b5c6d7e8f9a0b1c2d'

    # data-01 and logs opt in, data-02 has another value; made through Cinder, read through either API.
    function Set-OptedIn {
        Set-OSVolume -VolumeId $script:VolumeAvailable, $script:VolumeAvailable3 -Metadata $script:Nightly -Session $script:Block
        Set-OSVolume -VolumeId $script:VolumeAvailable2 -Metadata @{ backup = 'weekly' } -Session $script:Block
    }
}
AfterAll { Stop-CleanTestEmulator }

Describe 'Get-OSVolume -Metadata' {
    BeforeEach {
        Reset-BlockStorageCloud -Name block
        $script:Block = Get-OSSession -Name block
        Set-OptedIn
    }

    It 'lists on a BlockStorage session the volumes that carry every pair, filtered by Cinder' {
        $lines = Get-RequestLine { $script:Found = @(Get-OSVolume -Metadata $script:Nightly) }

        $script:Found.Name | Sort-Object | Should -Be @('data-01', 'logs')
        $script:Found | ForEach-Object { $_.Metadata['backup'] | Should -Be 'nightly' }
        @($lines -like 'GET *volumes/detail*metadata=*').Count | Should -Be 1
        @(Get-OSVolume -Metadata @{ backup = 'nightly'; owner = 'dba' }) | Should -BeNullOrEmpty
    }

    It 'lists the same volumes on a Compute session, from the metadata Nova''s proxy reports' {
        $lines = Get-RequestLine { $script:Found = @(Get-OSVolume -Metadata $script:Nightly -Session compute) }

        $script:Found.Name | Sort-Object | Should -Be @('data-01', 'logs')
        $lines | Should -Not -BeNullOrEmpty
        $lines | ForEach-Object { $_ | Should -Not -Match 'metadata=' }
    }

    It 'never widens the listing when the cloud ignored the filter: each volume is checked again' {
        Set-EmulatorFault $script:Emulator -Route cinder.volumes.detail -Status 200 -Body (@{
                volumes = @(
                    @{ id = $script:VolumeAvailable2; name = 'data-02'; status = 'available'; metadata = @{ backup = 'weekly' }; attachments = @() }
                    @{ id = $script:VolumeAvailable; name = 'data-01'; status = 'available'; metadata = $script:Nightly; attachments = @() }
                )
            } | ConvertTo-Json -Depth 5)

        @(Get-OSVolume -Metadata $script:Nightly).Name | Should -Be @('data-01')
    }

    It 'combines -Metadata with -Name, -Status and -ServerId' {
        Add-EmulatorVolumeAttachment $script:Emulator -VolumeId $script:VolumeAvailable3 -ServerId $script:Server

        @(Get-OSVolume -Metadata $script:Nightly -Name data-*).Name | Should -Be @('data-01')
        @(Get-OSVolume -Metadata $script:Nightly -Status in-use).Name | Should -Be @('logs')
        @(Get-OSVolume -Metadata $script:Nightly -ServerId $script:Server -Session compute).Name | Should -Be @('logs')
    }

    It 'refuses a key Cinder would refuse when the parameter binds' {
        $record = Get-OneError { Get-OSVolume -Metadata @{ "it's" = 'v' } }
        $record.FullyQualifiedErrorId | Should -BeLike 'ParameterArgumentValidationError,*'
    }

    It 'shows a volume''s metadata as sorted key=value pairs and its project in the list view' {
        Set-OSVolume -VolumeId $script:VolumeAvailable -Metadata @{ owner = 'dba' }

        $text = Get-OSVolume -VolumeId $script:VolumeAvailable | Format-List | Out-String -Width 200

        $text | Should -Match 'Metadata\s*:\s*backup=nightly; owner=dba'
        $text | Should -Match "ProjectId\s*:\s*$($script:DemoProject)"
    }
}

Describe 'Get-OSVolume -AllProjects' {
    BeforeEach { Reset-BlockStorageCloud }

    It 'gives an administrator every project''s volumes, filtered by metadata, each with its ProjectId, without a warning' {
        Set-OSVolume -VolumeId $script:VolumeAvailable -Metadata $script:Nightly
        Connect-TestCloud $script:Emulator -User tiny -Password tiny-secret -Project tiny -Extra @{ Api = 'BlockStorage'; Name = 'tiny' } | Out-Null
        Set-OSVolume -VolumeId $script:TinyVolume -Metadata $script:Nightly -Session tiny
        Connect-TestCloud $script:Emulator -User admin -Password admin-secret -Project admin -Extra @{ Api = 'BlockStorage' } | Out-Null

        @(Get-OSVolume) | Should -BeNullOrEmpty   # the admin project has no volume of its own
        $all = @(Get-OSVolume -AllProjects -Metadata $script:Nightly -WarningVariable adminWarnings)

        $adminWarnings | Should -BeNullOrEmpty
        $all.Id | Sort-Object | Should -Be (@($script:VolumeAvailable, $script:TinyVolume) | Sort-Object)
        ($all | Where-Object Id -EQ $script:TinyVolume).ProjectId | Should -Be $script:TinyProject
        $table = $all | Out-String -Width 80
        $table | Should -Match 'Size\s+Project'
        $table | Should -Match $script:TinyProject.Substring(0, 8)
        $table | Should -Not -Match 'Server'
    }

    It 'warns a member that -AllProjects gives only their own project, as Cinder silently does' {
        $listed = @(Get-OSVolume -AllProjects -WarningVariable memberWarnings -WarningAction SilentlyContinue)

        $listed.Count | Should -Be 4
        @($memberWarnings).Count | Should -Be 1
        "$memberWarnings" | Should -Match 'every project''s volumes only to an admin.*roles on project \S+ are member'
    }

    It 'keeps the default table without the project, which -AllProjects adds' {
        Get-OSVolume -Name data-01 | Out-String -Width 200 | Should -Not -Match 'Project'
    }

    It 'is a terminating OSInvalidArgument on a Compute session, naming -Api BlockStorage, and nothing is sent' {
        $before = Get-RequestTotal
        $failure = $null
        try { Get-OSVolume -AllProjects -Session compute | Out-Null } catch { $failure = $_ }

        $failure.FullyQualifiedErrorId | Should -BeLike 'OSInvalidArgument,*'
        $failure.TargetObject | Should -Be '-AllProjects'
        $failure.ToString() |
            Should -BeLike '-AllProjects cannot be used on this session.*os-volumes proxy cannot list the volumes of every project*-Api BlockStorage*'
        Get-RequestTotal | Should -Be $before
        @(Get-OSVolume -AllProjects:$false -Session compute).Count | Should -Be 4
    }
}
