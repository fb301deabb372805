# The emulator against the real thing: the same raw requests to both, compared by status, body keys
# and fault name. Differences are allowed only where tests/Conformance/KnownDifferences.psd1 gives a reason.
BeforeDiscovery { . (Join-Path $PSScriptRoot 'Discovery.ps1') }

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSetup.ps1')
    Import-Module (Join-Path $script:RepoRoot 'tests/Conformance/ConformanceCases.psm1') -Force
    Import-Module (Join-Path $script:RepoRoot 'build/Emulator.psm1') -Force
    $script:Known = Import-PowerShellDataFile (Join-Path $script:RepoRoot 'tests/Conformance/KnownDifferences.psd1')
}

Describe 'Emulator conformance with the real Nova and Keystone' -Skip:$script:RealSkip {
    BeforeAll {
        $real = Invoke-ConformanceCases -AuthUrl $env:OSS_REAL_AUTH_URL -Project $env:OSS_REAL_PROJECT `
            -Member (New-TestCredential $env:OSS_REAL_MEMBER_USER $env:OSS_REAL_MEMBER_PASSWORD) `
            -Reader (New-TestCredential $env:OSS_REAL_READER_USER $env:OSS_REAL_READER_PASSWORD) `
            -VolumeAvailable $env:OSS_REAL_VOLUME_AVAILABLE_1 -VolumeInUse $env:OSS_REAL_VOLUME_INUSE
        $emulator = Start-Emulator
        try {
            $emulated = Invoke-ConformanceCases -AuthUrl $emulator.AuthUrl -Project demo `
                -Member (New-TestCredential demo demo-secret) -Reader (New-TestCredential reader reader-secret) `
                -VolumeAvailable '521752a6-acf6-4b2d-bc7a-119f9148cd8c' -VolumeInUse 'c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e6f'
        }
        finally { Stop-Emulator $emulator }

        $script:Rows = for ($i = 0; $i -lt $real.Count; $i++) {
            $r = $real[$i]; $e = $emulated[$i]
            $differs = @('Status', 'Keys', 'SnapshotKeys', 'Fault' | Where-Object { $r.$_ -ne $e.$_ })
            [pscustomobject]@{ Case = $r.Case; Real = "$($r.Status) $($r.Fault) [$($r.Keys)]"; Emulator = "$($e.Status) $($e.Fault) [$($e.Keys)]"; SnapshotKeys = $r.SnapshotKeys; EmulatorSnapshotKeys = $e.SnapshotKeys; Differs = $differs }
        }
        # The table for the record: out/test-results/conformance.md
        $table = @('| case | real | emulator | same |', '|---|---|---|---|') + ($script:Rows | ForEach-Object {
            "| $($_.Case) | $($_.Real) | $($_.Emulator) | $(if ($_.Differs.Count) { 'differs: ' + ($_.Differs -join ', ') + $(if ($script:Known[$_.Case]) { ' (known: ' + $script:Known[$_.Case] + ')' }) } else { 'yes' }) |" })
        $out = Join-Path $script:RepoRoot 'out/test-results'
        New-Item -ItemType Directory -Path $out -Force | Out-Null
        $table | Set-Content (Join-Path $out 'conformance.md')
        $table | Out-Host
    }

    It 'ran the same cases against both' {
        $script:Rows.Count | Should -BeGreaterThan 30
    }

    It 'answers every case as the real cloud does, or the difference is listed with its reason' {
        $unexplained = $script:Rows | Where-Object { $_.Differs.Count -gt 0 -and -not $script:Known.ContainsKey($_.Case) }
        ($unexplained | ForEach-Object { "$($_.Case): real $($_.Real) / emulator $($_.Emulator)" }) -join "`n" | Should -BeNullOrEmpty
    }

    It 'lists no known difference that has gone away' {
        $stale = $script:Known.Keys | Where-Object { $case = $_; -not ($script:Rows | Where-Object { $_.Case -eq $case -and $_.Differs.Count -gt 0 }) }
        $stale | Should -BeNullOrEmpty
    }
}
