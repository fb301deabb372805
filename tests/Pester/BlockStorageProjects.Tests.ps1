# Issue 12: an administrator's -AllProjects with each snapshot's ProjectId, and how the new properties (Metadata,
# ProjectId, a RunSummary) are shown.
BeforeAll {
    . (Join-Path $PSScriptRoot 'EmulatorTestSetup.ps1')
    Start-CleanTestEmulator
}
AfterAll { Stop-CleanTestEmulator }

Describe 'Every project''s snapshots for an administrator' {
    BeforeEach { Reset-BlockStorageCloud }

    It 'gives an administrator every project''s snapshots with -AllProjects, each with its ProjectId' {
        $failed = New-OSSnapshot -VolumeId $script:VolumeAvailable -Name broken
        Set-EmulatorSnapshotStatus $script:Emulator -Id $failed.Id -Status error
        New-OSSnapshot -VolumeId $script:VolumeAvailable2 -Name fine | Out-Null
        Connect-TestCloud $script:Emulator -User admin -Password admin-secret -Project admin -Extra @{ Api = 'BlockStorage' } | Out-Null

        @(Get-OSSnapshot).Count | Should -Be 0   # the admin project has none of its own
        $all = @(Get-OSSnapshot -AllProjects -Status error -WarningVariable adminWarnings)
        $adminWarnings | Should -BeNullOrEmpty

        $all.Id | Should -Be @($failed.Id)
        $all[0].ProjectId | Should -Be $script:DemoProject
        $table = $all | Out-String -Width 80
        $table | Should -Match 'Age\s+Project'
        $table | Should -Match $script:DemoProject.Substring(0, 8)
    }

    It 'warns a member that -AllProjects gives only their own project, as Cinder silently does' {
        $own = New-OSSnapshot -VolumeId $script:VolumeAvailable -Name mine
        $listed = @(Get-OSSnapshot -AllProjects -WarningVariable memberWarnings -WarningAction SilentlyContinue)

        $listed.Id | Should -Be @($own.Id)
        @($memberWarnings).Count | Should -Be 1
        "$memberWarnings" | Should -Match 'only to an admin.*roles on project \S+ are member'
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

    It 'keeps the default table without the project, which -AllProjects adds' {
        Get-OSSnapshot -Id $script:Tagged.Id | Out-String -Width 200 | Should -Not -Match 'Project'
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
