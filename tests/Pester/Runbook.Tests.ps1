# Issue 11: examples/Invoke-NightlySnapshot.ps1 as a scheduler runs it: help, two runs in a row, -WhatIf, exit codes.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSetup.ps1')
    $script:Emulator = Start-Emulator
    $script:Runbook = Join-Path $script:RepoRoot 'examples/Invoke-NightlySnapshot.ps1'
}
AfterAll { Stop-TestEmulator }

Describe 'examples/Invoke-NightlySnapshot.ps1' {
    BeforeEach { Reset-TestCloud }
    BeforeAll {
        $script:Files = New-TestCloudsFolder $script:Emulator 'oss-nightly'
        $script:SavedEnvironment = Use-TestCloudsYaml $script:Files
    }
    AfterAll {
        Restore-OSEnvironment $script:SavedEnvironment
        Remove-Item $script:Files.Folder -Recurse -Force -ErrorAction SilentlyContinue
    }

    It 'has help for the script and each parameter' {
        $help = Get-Help $script:Runbook -Full
        $help.Synopsis | Should -BeLike 'Snapshots the volumes of some servers*'
        foreach ($name in 'Cloud', 'ServerId', 'VolumeName', 'Prefix', 'KeepNewest', 'ReuseNewerThan', 'Timeout') {
            ($help.parameters.parameter | Where-Object Name -EQ $name).description.Text | Should -Not -BeNullOrEmpty -Because "-$name needs help"
        }
        @($help.examples.example).Count | Should -BeGreaterOrEqual 3
        # What surprises a scheduled run: the date in the name, and the statuses retention cannot delete.
        "$($help.description.Text)" | Should -BeLike '*re-run after midnight UTC*once per scheduled night*'
        "$($help.description.Text)" | Should -BeLike '*error_deleting, backing-up*Cinder deletes only available and error snapshots*'
    }

    It 'run twice in a row, the second run creates nothing and reuses every snapshot; retention keeps the newest' {
        Add-EmulatorVolumeAttachment $script:Emulator -VolumeId $script:VolumeAvailable -ServerId $script:Server -Device /dev/vdb
        Add-EmulatorVolumeAttachment $script:Emulator -VolumeId $script:VolumeAvailable2 -ServerId $script:Server -Device /dev/vdc
        # Three earlier nights on each volume, and a snapshot of another job that retention must not touch.
        $old = foreach ($volume in $script:VolumeAvailable, $script:VolumeAvailable2) { foreach ($day in 1..3) { New-DatedSnapshot $volume "nightly-old$day" $day } }
        $foreign = New-DatedSnapshot $script:VolumeAvailable 'weekly-1' 30

        $first = & $script:Runbook -Cloud mycloud -ServerId $script:Server, $script:UnknownServer -KeepNewest 2 -InformationVariable log1
        $LASTEXITCODE | Should -Be 0
        $creates = Get-EmulatorRequestCount $script:Emulator 'snapshots.create'
        $second = & $script:Runbook -Cloud mycloud -ServerId $script:Server, $script:UnknownServer -KeepNewest 2 -InformationVariable log2

        $first.Volumes | Should -Be 2
        $first.Created | Should -Be 2
        $first.Reused | Should -Be 0
        $first.Kept | Should -Be 4
        $first.Removed | Should -Be 4
        $first.Failed | Should -Be 0
        $second.Created | Should -Be 0
        $second.Reused | Should -Be 2
        $second.Removed | Should -Be 0
        $second.Snapshots.Id | Should -Be $first.Snapshots.Id
        Get-EmulatorRequestCount $script:Emulator 'snapshots.create' | Should -Be $creates
        $left = @(Get-OSSnapshot -Session (Connect-TestCloud $script:Emulator))
        ($left.Id | Sort-Object) | Should -Be (@($first.Snapshots.Id) + $old[0].Id + $old[3].Id + $foreign.Id | Sort-Object)
        @($log1).Count | Should -Be 3
        "$($log2[1])" | Should -BeLike "*snapshots 'nightly-*': New-OSSnapshot: 0 created, 2 reused, 0 kept, 0 left, 0 removed, 0 failed"
        Get-OSSession | Where-Object Name -EQ mycloud | Should -BeNullOrEmpty -Because 'the runbook disconnects its session'
    }

    It 'changes nothing with -WhatIf, the retention of older nights included' {
        foreach ($day in 1..3) { New-DatedSnapshot $script:VolumeAvailable "nightly-old$day" $day | Out-Null }
        $creates = Get-EmulatorRequestCount $script:Emulator 'snapshots.create'
        $lines = Get-WhatIfLine { & $script:Runbook -Cloud mycloud -VolumeName 'data-*' -KeepNewest 1 -WhatIf }
        @($lines | Where-Object { $_ -like '*"Remove"*' }).Count | Should -Be 2   # nightly-old2 and nightly-old3
        Get-EmulatorRequestCount $script:Emulator 'snapshots.create' | Should -Be $creates
        Get-EmulatorRequestCount $script:Emulator 'snapshots.delete' | Should -Be 0
        @(Get-OSSnapshot -Session (Connect-TestCloud $script:Emulator)).Count | Should -Be 3
    }

    It 'ends with exit code 1 and the ErrorId when the volume listing fails' {
        Set-EmulatorFault $script:Emulator -Route volumes.detail -Status 500 -Count 1
        $run = & $script:Runbook -Cloud mycloud -ServerId $script:Server -ErrorAction SilentlyContinue
        $LASTEXITCODE | Should -Be 1
        $run.Failed | Should -Be 1
        $run.FailedErrorIds | Should -Be @('OSServerError')
    }

    It 'ends with exit code 1 and OSNotFound when a volume name matches nothing' {
        $run = & $script:Runbook -Cloud mycloud -VolumeName 'data-01', 'no-such-volume' -KeepNewest 1 -ErrorAction SilentlyContinue
        $LASTEXITCODE | Should -Be 1
        $run.Created | Should -Be 1
        $run.FailedErrorIds | Should -Be @('OSNotFound')
    }

    It 'ends with exit code 1 and the ErrorId when the retention''s listing fails' {
        # Both listings fail: the reuse look-up's (so nothing is created) and the retention's.
        Set-EmulatorFault $script:Emulator -Route snapshots.detail -Status 500 -Count 2
        $run = & $script:Runbook -Cloud mycloud -VolumeName 'data-01' -KeepNewest 1 -ErrorAction SilentlyContinue
        $LASTEXITCODE | Should -Be 1
        $run.Created | Should -Be 0
        $run.FailedErrorIds | Should -Be @('OSServerError', 'OSServerError')
    }

    It 'ends with exit code 1 and the ErrorIds when a volume fails' {
        Set-EmulatorFault $script:Emulator -Route snapshots.create -Status 403 -Count 1
        $run = & $script:Runbook -Cloud mycloud -VolumeName 'data-01', 'logs' -KeepNewest 1 -ErrorAction SilentlyContinue
        $LASTEXITCODE | Should -Be 1
        $run.Created | Should -Be 1
        $run.FailedErrorIds | Should -Be @('OSForbidden')
    }
}
