# Issue 25: an API service that restarts mid-pipeline loses nothing. The emulator's "refuse" outage is a restart: busy
# requests are cut, the port refuses connections, then listens again with the same state. Creates are slowed so that
# several are in flight at the cut: some not yet carried out (latency), some carried out with the answer held (heldBack).
# The real services are killed and restarted by tests/Integration/RealRestarts.Tests.ps1.
BeforeAll {
    . (Join-Path $PSScriptRoot 'EmulatorTestSetup.ps1')
    $script:Emulator = Start-Emulator

    # Connect-TestCloud retries at once (-RetryIntervalSec 0); a restart is ridden out with the default backoff.
    function Connect-RestartCloud([string] $Api) {
        Connect-OSCloud -AuthUrl $script:Emulator.AuthUrl -Credential (New-TestCredential demo demo-secret) -ProjectName demo `
            -Api $Api -Name "restart-$Api" -NoDefault
    }

    # Restarts the emulator's API (a 4-s refused outage) once -AfterSeconds have passed, on a thread of its own.
    function Start-DelayedRestart([double] $AfterSeconds) {
        $control = "$($script:Emulator.BaseUrl.TrimEnd('/'))/_emulator/outage"
        Start-ThreadJob -ArgumentList $control, $AfterSeconds {
            param($Control, $After)
            Start-Sleep -Seconds $After
            Invoke-RestMethod -Method Post -Uri $Control -ContentType 'application/json' -Body '{"seconds": 4, "mode": "refuse"}' | Out-Null
        }
    }
}
AfterAll { Stop-Emulator $script:Emulator }

Describe 'A restart of the API service in the middle of a pipeline of creates' {
    BeforeEach { Reset-Emulator $script:Emulator }

    It 'gives one snapshot per input and no ErrorRecord, and the cloud holds exactly one each (<Api>)' -ForEach @(
        @{ Api = 'Compute'; Create = 'snapshots.create' }
        @{ Api = 'BlockStorage'; Create = 'cinder.snapshots.create' }
    ) {
        $session = Connect-RestartCloud $Api
        try {
            Start-EmulatorChaos $script:Emulator -Rate 1 -Seed 25 -Kinds latency, heldBack -Routes $Create -LatencyMs 300 -HeldBackMs 600 | Out-Null
            $names = 1..40 | ForEach-Object { 'restart-{0:d2}' -f $_ }
            $restart = Start-DelayedRestart -AfterSeconds 1.5
            $output = @($names | ForEach-Object { [pscustomobject]@{ VolumeId = $script:VolumeAvailable; Name = $_ } } |
                New-OSSnapshot -Session $session -ThrottleLimit 4 2>&1)
            $restart | Wait-Job | Receive-Job -ErrorAction Stop
            Stop-EmulatorChaos $script:Emulator | Out-Null

            $errors = @($output | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
            $errors | ForEach-Object { "$($_.FullyQualifiedErrorId): $($_.Exception.Message)" } | Should -BeNullOrEmpty
            $output.Count | Should -Be $names.Count
            $output.Name | Should -Be $names -Because 'one object per input, in input order'
            $onCloud = @(Get-OSSnapshot -Session $session | Where-Object Name -Like 'restart-*')
            ($onCloud | Group-Object Name | Where-Object Count -GT 1).Name | Should -BeNullOrEmpty -Because 'no input made two'
            $onCloud.Count | Should -Be $names.Count
            @($onCloud.Id | Where-Object { $_ -notin $output.Id }) | Should -BeNullOrEmpty -Because 'nothing left behind unwritten'
        }
        finally { Disconnect-OSCloud -Session $session }
    }
}

Describe 'A restart while a pipeline waits and removes' {
    BeforeEach { Reset-Emulator $script:Emulator }

    It 'rides out the restart: every snapshot is waited for, then removed, none twice (<Api>)' -ForEach @(
        @{ Api = 'Compute' }
        @{ Api = 'BlockStorage' }
    ) {
        $session = Connect-RestartCloud $Api
        try {
            Set-EmulatorSetting $script:Emulator @{ snapshotDelayMs = 3000 }
            $made = @(1..8 | ForEach-Object { New-OSSnapshot -VolumeId $script:VolumeAvailable -Name ('waited-{0}' -f $_) -Session $session })
            $restart = Start-DelayedRestart -AfterSeconds 0.5
            $waited = @($made | Wait-OSSnapshot -Session $session 2>&1)
            $restart | Wait-Job | Receive-Job -ErrorAction Stop
            @($waited | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] }) | Should -BeNullOrEmpty
            $waited.Status | Should -Be (@('available') * 8)

            $restart = Start-DelayedRestart -AfterSeconds 0.2
            $removed = @($made | Remove-OSSnapshot -Wait -Confirm:$false -Session $session 2>&1)
            $restart | Wait-Job | Receive-Job -ErrorAction Stop
            $removed | ForEach-Object { "$_" } | Should -BeNullOrEmpty
            @(Get-OSSnapshot -Session $session | Where-Object Name -Like 'waited-*') | Should -BeNullOrEmpty
        }
        finally { Disconnect-OSCloud -Session $session }
    }
}
