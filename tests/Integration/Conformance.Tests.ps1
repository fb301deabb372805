# The emulator against the real thing: the same raw requests to both, compared by status, body keys, fault name
# and (block storage) the echoed version header. Differences are allowed only where
# tests/Conformance/KnownDifferences.psd1 gives a reason.
BeforeDiscovery { . (Join-Path $PSScriptRoot 'Discovery.ps1') }

BeforeAll {
    . (Join-Path $PSScriptRoot 'RealOpenStackTestSetup.ps1')
    Import-Module (Join-Path $script:RepoRoot 'tests/Conformance/ConformanceCases.psm1') -Force
    Import-Module (Join-Path $script:RepoRoot 'build/Emulator.psm1') -Force
    $script:Known = Import-PowerShellDataFile (Join-Path $script:RepoRoot 'tests/Conformance/KnownDifferences.psd1')

    # Runs the cases against the real cloud and a fresh emulator, pairs the rows and writes the table to out/test-results.
    function Compare-Conformance([scriptblock] $Cases, [string] $TableFile) {
        $real = & $Cases @{ AuthUrl = $env:OSS_REAL_AUTH_URL; Project = $env:OSS_REAL_PROJECT; AdminProject = $env:OSS_REAL_ADMIN_PROJECT
            Member = New-TestCredential $env:OSS_REAL_MEMBER_USER $env:OSS_REAL_MEMBER_PASSWORD
            Reader = New-TestCredential $env:OSS_REAL_READER_USER $env:OSS_REAL_READER_PASSWORD
            Admin = New-TestCredential $env:OSS_REAL_ADMIN_USER $env:OSS_REAL_ADMIN_PASSWORD
            VolumeAvailable = $env:OSS_REAL_VOLUME_AVAILABLE_1; VolumeInUse = $env:OSS_REAL_VOLUME_INUSE }
        $emulator = Start-Emulator
        try {
            $emulated = & $Cases @{ AuthUrl = $emulator.AuthUrl; Project = 'demo'; AdminProject = 'admin'
                Member = New-TestCredential demo demo-secret; Reader = New-TestCredential reader reader-secret
                Admin = New-TestCredential admin admin-secret
                VolumeAvailable = '521752a6-acf6-4b2d-bc7a-119f9148cd8c'; VolumeInUse = 'c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e6f' }
        }
        finally { Stop-Emulator $emulator }

        $rows = for ($i = 0; $i -lt $real.Count; $i++) {
            $r = $real[$i]; $e = $emulated[$i]
            $differs = @('Status', 'Keys', 'ItemKeys', 'Fault', 'Version' | Where-Object { $r.$_ -ne $e.$_ })
            [pscustomobject]@{ Case = $r.Case; Real = "$($r.Status) $($r.Fault) [$($r.Keys)] $($r.Version)".Trim()
                Emulator = "$($e.Status) $($e.Fault) [$($e.Keys)] $($e.Version)".Trim()
                ItemKeys = $r.ItemKeys; EmulatorItemKeys = $e.ItemKeys; Differs = $differs }
        }
        $table = @('| case | real | emulator | same |', '|---|---|---|---|') + ($rows | ForEach-Object {
            $same = if ($_.Differs.Count) {
                'differs: ' + ($_.Differs -join ', ') + $(if ($script:Known[$_.Case]) { ' (known: ' + $script:Known[$_.Case] + ')' })
            }
            else { 'yes' }
            "| $($_.Case) | $($_.Real) | $($_.Emulator) | $same |"
        })
        $out = Join-Path $script:RepoRoot 'out/test-results'
        New-Item -ItemType Directory -Path $out -Force | Out-Null
        $table | Set-Content (Join-Path $out $TableFile)
        $table | Out-Host
        $rows
    }

    function Get-Unexplained($Rows) {
        ($Rows | Where-Object { $_.Differs.Count -gt 0 -and -not $script:Known.ContainsKey($_.Case) } |
            ForEach-Object {
                "$($_.Case): real $($_.Real) / emulator $($_.Emulator) / item keys real $($_.ItemKeys) / emulator $($_.EmulatorItemKeys)"
            }) -join "`n"
    }
}

Describe 'Emulator conformance with the real Nova and Keystone' -Skip:$script:RealSkip {
    BeforeAll {
        $novaCases = {
            param($a)
            $cases = @{
                AuthUrl = $a.AuthUrl; Project = $a.Project; Member = $a.Member; Reader = $a.Reader
                VolumeAvailable = $a.VolumeAvailable; VolumeInUse = $a.VolumeInUse
            }
            Invoke-ConformanceCases @cases
        }
        $script:Rows = Compare-Conformance $novaCases 'conformance.md'
    }

    It 'ran the same cases against both' {
        $script:Rows.Count | Should -BeGreaterThan 30
    }

    It 'answers every case as the real cloud does, or the difference is listed with its reason' {
        Get-Unexplained $script:Rows | Should -BeNullOrEmpty
    }
}

Describe 'Emulator conformance with the real Cinder (block storage v3)' -Skip:$script:RealSkip {
    BeforeAll {
        $script:BlockRows = Compare-Conformance { param($a) Invoke-BlockStorageConformanceCases @a } 'conformance-block-storage.md'
    }

    It 'ran the same cases against both' {
        $script:BlockRows.Count | Should -BeGreaterThan 60
    }

    It 'answers every case as the real cloud does, or the difference is listed with its reason' {
        Get-Unexplained $script:BlockRows | Should -BeNullOrEmpty
    }
}

Describe 'Emulator conformance with the real Cinder and Nova: volumes from snapshots, deletes, reverts' -Skip:$script:RealSkip {
    BeforeAll {
        Import-Module (Join-Path $script:RepoRoot 'tests/Conformance/RestoreConformanceCases.psm1') -Force
        $script:RestoreRows = Compare-Conformance { param($a) Invoke-RestoreConformanceCases @a } 'conformance-restore.md'
    }

    It 'ran the same cases against both' {
        $script:RestoreRows.Count | Should -BeGreaterThan 30
    }

    It 'answers every case as the real cloud does, or the difference is listed with its reason' {
        Get-Unexplained $script:RestoreRows | Should -BeNullOrEmpty
    }
}

Describe 'Known differences' -Skip:$script:RealSkip {
    It 'lists no known difference that has gone away' {
        $rows = @($script:Rows) + @($script:BlockRows) + @($script:RestoreRows)
        $stale = $script:Known.Keys | Where-Object { $case = $_; -not ($rows | Where-Object { $_.Case -eq $case -and $_.Differs.Count -gt 0 }) }
        $stale | Should -BeNullOrEmpty
    }
}
