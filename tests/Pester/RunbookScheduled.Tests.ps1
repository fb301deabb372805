# Issues 11 and 21: examples/Invoke-NightlySnapshot.ps1 as a scheduler runs it (pwsh -File, arguments as text): the
# exit code says what happened (0 done, 1 a failure or a volume not covered, 2 refused before or at the sign-in).
BeforeAll {
    . (Join-Path $PSScriptRoot 'EmulatorTestSetup.ps1')
    $script:Emulator = Start-Emulator
    $script:Runbook = Join-Path $script:RepoRoot 'examples/Invoke-NightlySnapshot.ps1'
}
AfterAll { Stop-TestEmulator }

Describe 'examples/Invoke-NightlySnapshot.ps1 run by a scheduler (pwsh -File): the exit code says what happened' {
    BeforeEach { Reset-TestCloud }
    BeforeAll { Enter-TestCloudsYaml 'oss-scheduled' }
    AfterAll { Exit-TestCloudsYaml }

    It 'exits 0 after a run in which every step succeeded, and writes its summary' {
        $run = Invoke-ScriptAsScheduled $script:Runbook '-Cloud', 'mycloud', '-VolumeName', 'data-01', '-KeepNewest', '1'
        $run.ExitCode | Should -Be 0 -Because ($run.Lines -join "`n")
        $run.Lines | Should -Contain 'Created        : 1'
        Get-EmulatorRequestCount $script:Emulator 'snapshots.create' | Should -Be 1
    }

    It 'exits 1 when a volume is not covered, and names it on standard error' {
        $tonight = 'nightly-' + [DateTime]::UtcNow.ToString('yyyyMMdd', [cultureinfo]::InvariantCulture)
        New-DatedSnapshot $script:VolumeAvailable $tonight (10 / 24) | Out-Null
        $run = Invoke-ScriptAsScheduled $script:Runbook '-Cloud', 'mycloud', '-VolumeName', 'data-01', '-MaxAge', '06:00:00'
        $run.ExitCode | Should -Be 1 -Because ($run.Lines -join "`n")
        $run.Lines | Should -Contain 'NotCovered     : 1'
        $run.Lines | Should -Contain 'Failed         : 0'
        @($run.Lines | Where-Object { $_ -like "Invoke-NightlySnapshot.ps1: Volume data-01 ($script:VolumeAvailable) has no available*" }).Count |
            Should -Be 1
    }

    It 'snapshots the volumes of every server given as a,b, the one argument pwsh -File passes' {
        Add-EmulatorVolumeAttachment $script:Emulator -VolumeId $script:VolumeAvailable -ServerId $script:Server -Device /dev/vdb
        Add-EmulatorVolumeAttachment $script:Emulator -VolumeId $script:VolumeAvailable2 -ServerId $script:UnknownServer -Device /dev/vdb
        $run = Invoke-ScriptAsScheduled $script:Runbook '-Cloud', 'mycloud', '-ServerId', "$script:Server,$script:UnknownServer", '-KeepNewest', '1'
        $run.ExitCode | Should -Be 0 -Because ($run.Lines -join "`n")
        @(Get-OSSnapshot).VolumeId | Sort-Object | Should -Be (@($script:VolumeAvailable, $script:VolumeAvailable2) | Sort-Object)
    }

    It 'exits 0 choosing volumes by metadata written key=value, all that pwsh -File can pass' {
        $tagging = Connect-TestCloud $script:Emulator -Extra @{ Api = 'BlockStorage'; Name = 'tagging'; NoDefault = $true }
        Set-OSVolume -Session $tagging -VolumeId $script:VolumeAvailable3 -Metadata @{ backup = 'nightly' }
        Disconnect-OSCloud -Session $tagging
        $run = Invoke-ScriptAsScheduled $script:Runbook '-Cloud', 'mycloud', '-Api', 'BlockStorage', '-VolumeMetadata', 'backup=nightly',
            '-KeepDaily', '7'
        $run.ExitCode | Should -Be 0 -Because ($run.Lines -join "`n")
        $run.Lines | Should -Contain 'Volumes        : 1'
        $run.Lines | Should -Contain 'Covered        : 1'
        @(Get-OSSnapshot).VolumeId | Should -Be @($script:VolumeAvailable3)
    }

    It 'exits 2 before signing in when the module refuses the retention policy: <Case>' -ForEach @(
        @{ Case = 'an unknown time zone'; Arguments = '-KeepDaily', '7', '-TimeZone', 'Nowhere/Atlantis'; Says = "*parameter 'TimeZone'*" }
        @{ Case = 'a span with minutes'; Arguments = '-KeepWithin', '00:30:00'; Says = "*parameter 'KeepWithin'*whole hours*" }
    ) {
        $signIns = Get-EmulatorRequestCount $script:Emulator 'identity.tokens'
        $run = Invoke-ScriptAsScheduled $script:Runbook (@('-Cloud', 'mycloud', '-VolumeName', 'data-01') + $Arguments)
        $run.ExitCode | Should -Be 2 -Because ($run.Lines -join "`n")
        $errors = @($run.Lines | Where-Object { $_ -like 'Invoke-NightlySnapshot.ps1: The retention policy was refused: *' })
        $errors.Count | Should -Be 1 -Because ($run.Lines -join "`n")
        $errors[0] | Should -BeLike $Says
        Get-EmulatorRequestCount $script:Emulator 'identity.tokens' | Should -Be $signIns -Because 'nothing is done, not even the sign-in'
    }

    It 'exits 2 when the sign-in is refused, writes why once, and sends nothing more' {
        $run = Invoke-ScriptAsScheduled $script:Runbook '-Cloud', 'mycloud', '-VolumeName', 'data-01' `
            -Environment @{ OS_PASSWORD = 'not-the-password' }
        $run.ExitCode | Should -Be 2 -Because ($run.Lines -join "`n")
        @($run.Lines | Where-Object { $_ -like 'Connect-OSCloud: Keystone refused the credentials*' }).Count | Should -Be 1
        ($run.Lines -join "`n") | Should -Not -Match 'not recognized|Cannot validate argument'
        Get-EmulatorRequestCount $script:Emulator 'volumes.detail' | Should -Be 0
        Get-EmulatorRequestCount $script:Emulator 'snapshots.create' | Should -Be 0
    }

    It 'exits 2 with one error naming the module and how to install it when the module is not installed' {
        $run = Invoke-ScriptAsScheduled $script:Runbook '-Cloud', 'mycloud', '-VolumeName', 'data-01' -WithoutModule
        $run.ExitCode | Should -Be 2 -Because ($run.Lines -join "`n")
        $errors = @($run.Lines | Where-Object { $_ -like 'Invoke-NightlySnapshot.ps1: *' })
        $errors.Count | Should -Be 1
        $errors[0] | Should -BeLike ('*The OpenStackSnapshot module (0.3.0 or later) could not be loaded*' +
            'Install-PSResource OpenStackSnapshot -Scope CurrentUser*')
        ($run.Lines -join "`n") | Should -Not -Match 'not recognized'
        Get-EmulatorRequestCount $script:Emulator 'identity.tokens' | Should -Be 1 -Because 'only the test itself signed in'
    }

    It 'exits 1 when an error stops the run after the sign-in, writes it, and still disconnects its session' {
        # A 401 that a second sign-in does not mend is terminating (OSAuthenticationFailed), unlike a per-item failure.
        Set-EmulatorFault $script:Emulator -Route volumes.detail -Status 401 -Count 10
        $revoked = Get-EmulatorRequestCount $script:Emulator 'identity.tokens.revoke'
        $run = Invoke-ScriptAsScheduled $script:Runbook '-Cloud', 'mycloud', '-VolumeName', 'data-01'
        $run.ExitCode | Should -Be 1 -Because ($run.Lines -join "`n")
        ($run.Lines -join "`n") | Should -Match '(?m)^Get-OSVolume: .*HTTP 401'
        ($run.Lines -join "`n") | Should -Not -Match '(?m)^Created'
        Get-EmulatorRequestCount $script:Emulator 'identity.tokens.revoke' |
            Should -Be ($revoked + 1) -Because 'the finally block disconnects before the exit'
    }

    It 'exits 1 when -ErrorAction Stop turns a failed listing into a stop' {
        Set-EmulatorFault $script:Emulator -Route volumes.detail -Status 500 -Count 1
        $run = Invoke-ScriptAsScheduled $script:Runbook '-Cloud', 'mycloud', '-VolumeName', 'data-01', '-ErrorAction', 'Stop'
        $run.ExitCode | Should -Be 1 -Because ($run.Lines -join "`n")
        @($run.Lines | Where-Object { $_ -like 'Get-OSVolume: InternalServerError (HTTP 500*' }).Count | Should -Be 1
        Get-EmulatorRequestCount $script:Emulator 'snapshots.create' | Should -Be 0
    }
}
