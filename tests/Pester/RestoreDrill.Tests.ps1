# Issue 24: examples/Test-SnapshotRestore.ps1, the restore drill, as a scheduler runs it (pwsh -File) and as a user does
# (&): one result per volume, the exit codes, volumes chosen by metadata, server or pipeline, a failed step, and no
# temporary volume left behind, not even by a run killed mid-restore (the next run removes what it left).
BeforeAll {
    . (Join-Path $PSScriptRoot 'EmulatorTestSetup.ps1')
    $script:Emulator = Start-Emulator
    $script:Drill = Join-Path $script:RepoRoot 'examples/Test-SnapshotRestore.ps1'

    # A scheduled run started and left running, its output redirected: for what is seen while it runs, or killing it.
    function Start-DrillProcess([string[]] $Arguments) {
        $pwsh = Get-PwshCommandLine
        $start = [System.Diagnostics.ProcessStartInfo]::new($pwsh[0])
        foreach ($argument in @($pwsh | Select-Object -Skip 1) + @('-NoProfile', '-NonInteractive', '-File', $script:Drill) + $Arguments) {
            $start.ArgumentList.Add($argument)
        }
        $variables = Get-ScheduledEnvironment
        foreach ($name in $variables.Keys) { $start.Environment[$name] = $variables[$name] }
        $start.RedirectStandardOutput = $true
        $start.RedirectStandardError = $true
        [System.Diagnostics.Process]::Start($start)
    }

    # The drill's temporary volumes in the project (found as the drill finds them: by their metadata).
    function Get-DrillVolume {
        @(Get-OSVolume -Session $script:Observer | Where-Object { $_.Metadata.ContainsKey('restore-drill') })
    }
}
AfterAll { Stop-TestEmulator }

Describe 'examples/Test-SnapshotRestore.ps1' {
    BeforeAll { Enter-TestCloudsYaml 'oss-drill' }
    AfterAll { Exit-TestCloudsYaml }
    BeforeEach {
        Reset-Emulator $script:Emulator
        # A BlockStorage session of the test's own, to make snapshots and see the drill's volumes with their metadata.
        $script:Observer = Connect-TestCloud $script:Emulator -Extra @{ Api = 'BlockStorage'; Name = 'observer' }
        $script:Nightly = New-OSSnapshot -Session $script:Observer -VolumeId $script:VolumeAvailable2 -Name nightly-1 -Wait
    }

    It 'has help for the script and each parameter' {
        $help = Get-Help $script:Drill -Full
        $help.Synopsis | Should -BeLike 'Proves that volumes'' snapshots restore*'
        foreach ($name in 'Cloud', 'VolumeMetadata', 'ServerId', 'VolumeId', 'Prefix', 'Timeout') {
            ($help.parameters.parameter | Where-Object Name -EQ $name).description.Text | Should -Not -BeNullOrEmpty -Because "-$name needs help"
        }
        @($help.examples.example).Count | Should -BeGreaterOrEqual 3
        $description = "$($help.description.Text)" -replace '\s+', ' '
        $description | Should -BeLike '*No temporary volume is left behind*killed outright*found by their metadata*'
        $description | Should -BeLike '*Exit codes*0 every chosen volume*1 a volume failed*2 nothing was done*'
    }

    It 'drills piped volumes: one result each, a volume without a snapshot fails, nothing is left (exit 1)' {
        $results = Get-OSVolume -Session $script:Observer -VolumeId $script:VolumeAvailable2, $script:VolumeAvailable3 |
            & $script:Drill -Cloud mycloud -InformationVariable log
        $LASTEXITCODE | Should -Be 1
        $results | Should -HaveCount 2
        $passed = $results | Where-Object Volume -EQ $script:VolumeAvailable2
        $passed.Passed | Should -BeTrue
        $passed.VolumeName | Should -Be data-02
        $passed.Snapshot | Should -Be $script:Nightly.Id
        $passed.SnapshotName | Should -Be nightly-1
        $passed.SnapshotAge | Should -BeOfType [timespan]
        $passed.SecondsToUsable | Should -BeGreaterOrEqual 0
        $passed.TemporaryVolume | Should -Match '^[0-9a-f-]{36}$'
        $failed = $results | Where-Object Volume -EQ $script:VolumeAvailable3
        $failed.Passed | Should -BeFalse
        $failed.Reason | Should -Be 'it has no available snapshot to restore from'
        "$log" | Should -Match 'volume 8b1e4c7d-2a3f-4b5c-9d6e-0f1a2b3c4d5e \(logs\): FAILED'
        Get-DrillVolume | Should -HaveCount 0
        Get-EmulatorRequestCount $script:Emulator 'cinder.volumes.create' | Should -Be 1
        Get-EmulatorRequestCount $script:Emulator 'cinder.volumes.delete' | Should -Be 1
    }

    It 'restores the newest available snapshot, tagged and named so an operator recognises it' {
        Set-EmulatorSnapshotStatus $script:Emulator -Id (
            New-OSSnapshot -Session $script:Observer -VolumeId $script:VolumeAvailable2 -Name nightly-2-failed -Wait).Id -Status error
        Set-EmulatorSetting $script:Emulator @{ snapshotDelayMs = 1500 }
        $drill = Start-DrillProcess '-Cloud', 'mycloud', '-VolumeId', $script:VolumeAvailable2
        try {
            $deadline = [DateTime]::UtcNow.AddSeconds(60)
            do { $seen = Get-DrillVolume; Start-Sleep -Milliseconds 100 } until ($seen -or [DateTime]::UtcNow -gt $deadline)
            $drill.WaitForExit(60000) | Should -BeTrue
        }
        finally { if (-not $drill.HasExited) { $drill.Kill($true) } }
        $drill.ExitCode | Should -Be 0 -Because $drill.StandardError.ReadToEnd()
        $seen | Should -HaveCount 1
        $seen[0].Name | Should -BeLike 'restore-drill-data-02-*'
        $seen[0].SnapshotId | Should -Be $script:Nightly.Id -Because 'the newest snapshot is in error: the newest available one is restored'
        $seen[0].Metadata['restore-drill'] | Should -Be 'Test-SnapshotRestore'
        $seen[0].Metadata['restore-drill-volume'] | Should -Be $script:VolumeAvailable2
        $seen[0].Metadata['restore-drill-snapshot'] | Should -Be $script:Nightly.Id
        $output = $drill.StandardOutput.ReadToEnd()
        $output | Should -Match 'Passed\s+: True'
        $output | Should -Match 'SecondsToUsable\s+: [1-9]'
        Get-DrillVolume | Should -HaveCount 0
    }

    It 'drills the volumes whose metadata has every pair given, and only those (exit 0)' {
        # Volumes with metadata: made from the nightly snapshot, then snapshotted themselves.
        $tagged = $script:Nightly | New-OSVolume -Session $script:Observer -Name tagged -Metadata @{ backup = 'nightly'; tier = 'gold' } -Wait
        $other = $script:Nightly | New-OSVolume -Session $script:Observer -Name other -Metadata @{ backup = 'weekly' } -Wait
        foreach ($volume in $tagged, $other) {
            New-OSSnapshot -Session $script:Observer -VolumeId $volume.Id -Name "of-$($volume.Name)" -Wait | Out-Null
        }
        $run = Invoke-ScriptAsScheduled $script:Drill '-Cloud', 'mycloud', '-VolumeMetadata', 'backup=nightly'
        $run.ExitCode | Should -Be 0 -Because ($run.Lines -join "`n")
        ($run.Lines -join "`n") | Should -Match "Volume\s+: $($tagged.Id)"
        ($run.Lines -join "`n") | Should -Not -Match $other.Id
        ($run.Lines -join "`n") | Should -Match 'Passed\s+: True'
        $both = & $script:Drill -Cloud mycloud -VolumeMetadata @{ backup = 'nightly'; tier = 'gold' }
        $both.Volume | Should -Be $tagged.Id
        @(& $script:Drill -Cloud mycloud -VolumeMetadata @{ backup = 'nightly'; tier = 'silver' } 2>$null) | Should -HaveCount 0
        Get-DrillVolume | Should -HaveCount 0
    }

    It 'drills the volumes attached to the servers given' {
        Add-EmulatorVolumeAttachment $script:Emulator -VolumeId $script:VolumeAvailable2 -ServerId $script:Server -Device /dev/vdc
        $results = & $script:Drill -Cloud mycloud -ServerId $script:Server
        $LASTEXITCODE | Should -Be 0
        $results.Volume | Should -Be $script:VolumeAvailable2
        $results.Passed | Should -BeTrue
    }

    It 'fails a volume whose temporary volume went to error, with the reason, and removes that volume too (exit 1)' {
        Add-EmulatorVolumeFailure $script:Emulator -Message 'schedule allocate volume:Could not find any available weighted backend.'
        $result = & $script:Drill -Cloud mycloud -VolumeId $script:VolumeAvailable2
        $LASTEXITCODE | Should -Be 1
        $result.Passed | Should -BeFalse
        $result.Reason | Should -Match "the temporary volume $($result.TemporaryVolume): it went to status 'error'"
        Get-DrillVolume | Should -HaveCount 0
        Get-EmulatorRequestCount $script:Emulator 'cinder.volumes.delete' | Should -Be 1
    }

    It 'fails a volume whose temporary volume could not be made, and goes on with the next' {
        New-OSSnapshot -Session $script:Observer -VolumeId $script:VolumeAvailable3 -Name nightly-logs -Wait | Out-Null
        Set-EmulatorFault $script:Emulator -Route 'cinder.volumes.create' -Status 400 `
            -Body '{"badRequest": {"code": 400, "message": "Availability zone ''nova'' is invalid."}}'
        $results = & $script:Drill -Cloud mycloud -VolumeId $script:VolumeAvailable2, $script:VolumeAvailable3
        $LASTEXITCODE | Should -Be 1
        ($results | Where-Object Volume -EQ $script:VolumeAvailable2).Reason | Should -Match '^OSBadRequest: Availability zone'
        ($results | Where-Object Volume -EQ $script:VolumeAvailable3).Passed | Should -BeTrue
        Get-DrillVolume | Should -HaveCount 0
    }

    It 'leaves nothing when killed mid-restore: the next run removes the leftover, found by its metadata, then drills' {
        Set-EmulatorSetting $script:Emulator @{ snapshotDelayMs = 4000 }
        $first = Start-DrillProcess '-Cloud', 'mycloud', '-VolumeId', $script:VolumeAvailable2
        try {
            $deadline = [DateTime]::UtcNow.AddSeconds(60)
            do { $left = Get-DrillVolume; Start-Sleep -Milliseconds 100 } until ($left -or [DateTime]::UtcNow -gt $deadline)
            $left | Should -HaveCount 1 -Because 'the first run made its temporary volume'
            $left[0].Status | Should -Be creating
            $first.Kill($true)   # SIGKILL: no finally block runs
            $first.WaitForExit(10000) | Should -BeTrue
        }
        finally { if (-not $first.HasExited) { $first.Kill($true) } }
        Get-DrillVolume | Should -HaveCount 1 -Because 'the killed run could not clean up'

        $second = Invoke-ScriptAsScheduled $script:Drill '-Cloud', 'mycloud', '-VolumeId', $script:VolumeAvailable2
        $second.ExitCode | Should -Be 0 -Because ($second.Lines -join "`n")
        Get-DrillVolume | Should -HaveCount 0
        Get-EmulatorRequestCount $script:Emulator 'cinder.volumes.delete' | Should -Be 2 -Because 'the leftover and the second run''s own'
        { Get-OSVolume -Session $script:Observer -VolumeId $left[0].Id -ErrorAction Stop } | Should -Throw -ErrorId 'OSNotFound,*'
    }

    It 'leaves the temporary volume of a drill still running on this machine to that drill' {
        $snapshot = $script:Nightly
        $tags = @{ 'restore-drill' = 'Test-SnapshotRestore'; 'restore-drill-run' = 'other'; 'restore-drill-host' = [Environment]::MachineName
            'restore-drill-pid' = "$PID"; 'restore-drill-volume' = $script:VolumeAvailable2; 'restore-drill-snapshot' = $snapshot.Id }
        $theirs = $snapshot | New-OSVolume -Session $script:Observer -Name restore-drill-theirs -Metadata $tags -Wait
        & $script:Drill -Cloud mycloud -VolumeId $script:VolumeAvailable3 -ErrorAction SilentlyContinue | Out-Null
        (Get-OSVolume -Session $script:Observer -VolumeId $theirs.Id).Status | Should -Be available
    }

    It 'ends with 1 when no volume is chosen, since nothing was proven' {
        $run = Invoke-ScriptAsScheduled $script:Drill '-Cloud', 'mycloud', '-VolumeMetadata', 'backup=never'
        $run.ExitCode | Should -Be 1
        ($run.Lines -join "`n") | Should -Match 'No volume was chosen, so nothing was proven'
    }

    It 'ends with 2 when the sign-in fails' {
        $run = Invoke-ScriptAsScheduled $script:Drill '-Cloud', 'no-such-cloud', '-VolumeId', $script:VolumeAvailable2
        $run.ExitCode | Should -Be 2
        ($run.Lines -join "`n") | Should -Match 'OSCloudNotFound|no-such-cloud'
    }

    It 'leaves the caller''s sessions as they were' {
        $default = Connect-TestCloud $script:Emulator -Extra @{ Name = 'mycloud' }
        & $script:Drill -Cloud mycloud -VolumeId $script:VolumeAvailable2 | Out-Null
        (Get-OSSession | Where-Object IsDefault).Name | Should -Be 'mycloud'
        $default.IsClosed | Should -BeFalse
        @(Get-OSSession | Where-Object Name -Like '*restore-drill*') | Should -HaveCount 0
    }
}
