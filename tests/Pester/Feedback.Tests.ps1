# What a user sees while a cmdlet works: one verbose line per request, the redacted exchange on -Debug.
# Ctrl+C is Cancel.Tests.ps1.
BeforeAll {
    . (Join-Path $PSScriptRoot 'EmulatorTestSetup.ps1')
    $script:Emulator = Start-Emulator
}
AfterAll { Stop-Emulator $script:Emulator }

Describe 'Verbose and debug output' {
    BeforeAll {
        # Get-OSSnapshot called from a function in another module that sets $<Stream>Preference = 'Continue' in its own
        # scope (a plain string there), with -<Stream>:$false when -Off; returns that stream's records.
        function Get-CallerStream([ValidateSet('Debug', 'Verbose')] [string] $Stream, [switch] $Off) {
            $caller = New-Module -ArgumentList $Stream, $Off.IsPresent -ScriptBlock {
                param($Stream, $Off)
                function Invoke-Caller {
                    Set-Variable -Name "${Stream}Preference" -Value 'Continue'
                    $switch = @{}; if ($Off) { $switch[$Stream] = $false }
                    Get-OSSnapshot @switch *>&1
                }
            }
            try { Invoke-Caller | Where-Object { $_ -is "System.Management.Automation.${Stream}Record" } }
            finally { Remove-Module $caller }
        }
    }
    BeforeEach { Reset-Emulator $script:Emulator }

    It 'writes one verbose line per request: method, URL, status, time and request id' {
        Connect-TestCloud $script:Emulator | Out-Null
        $lines = New-OSSnapshot -VolumeId $script:VolumeAvailable -Verbose 4>&1 |
            Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -notlike 'Performing the operation*' }
        $lines.Count | Should -Be 1
        $lines[0].Message | Should -Match '^POST http://127\.0\.0\.1:\d+/compute/v2\.1/os-snapshots -> 200 OK in \d+ ms \(req-[0-9a-f-]{36}\)$'
    }

    It 'asks nothing on -Debug alone: the per-request line goes to the debug stream' {
        # PowerShell gives a compiled cmdlet under -Debug (without -Verbose) a verbose preference of Inquire: each
        # verbose line would prompt, and fail in a non-interactive session such as this one.
        Connect-TestCloud $script:Emulator | Out-Null
        $records = @(Get-OSSnapshot -Debug 5>&1 4>&1 | Where-Object { $_ -is [System.Management.Automation.InformationalRecord] })
        $exchanges = @($records |
            Where-Object { $_ -is [System.Management.Automation.DebugRecord] -and $_.Message -match '^GET \S+ -> 200 OK in \d+ ms' })
        $exchanges.Count | Should -Be 1
        @($records | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Count | Should -Be 0
    }

    It 'asks nothing on -Debug alone when a retry wait is announced: the warning goes to the debug stream' {
        # -Debug also gives a compiled cmdlet a warning preference of Inquire; with -WarningAction it is the user's.
        Connect-TestCloud $script:Emulator | Out-Null
        Set-EmulatorFault $script:Emulator -Route 'snapshots.detail' -Status 503 -RetryAfter 3
        $records = @(Get-OSSnapshot -Debug 5>&1 3>&1 | Where-Object { $_ -is [System.Management.Automation.InformationalRecord] })
        $waits = @($records | Where-Object { $_ -is [System.Management.Automation.DebugRecord] -and $_.Message -like 'WARNING: Waiting for GET *' })
        $waits.Count | Should -Be 1
        @($records | Where-Object { $_ -is [System.Management.Automation.WarningRecord] }).Count | Should -Be 0
        Set-EmulatorFault $script:Emulator -Route 'snapshots.detail' -Status 503 -RetryAfter 3
        $warned = @(Get-OSSnapshot -Debug -WarningAction Continue 3>&1 5>$null | Where-Object { $_ -is [System.Management.Automation.WarningRecord] })
        $warned.Count | Should -Be 1
    }

    It 'describes the exchange by the caller''s own $DebugPreference, and -Debug:$false wins over it' {
        # The description is built only when it will be kept, so the caller's scope (here a function in another
        # module) must be what decides, not the global preference.
        Connect-TestCloud $script:Emulator | Out-Null
        $global:DebugPreference | Should -Be 'SilentlyContinue'
        $described = @(Get-CallerStream Debug)
        ($described.Message -join "`n") | Should -Match 'HTTP response: 200 OK'
        @(Get-CallerStream Debug -Off).Count | Should -Be 0
    }

    It 'writes the per-request line by the caller''s own $VerbosePreference, and -Verbose:$false wins over it' {
        # Like the debug description, the line is made only when it will be kept.
        Connect-TestCloud $script:Emulator | Out-Null
        $global:VerbosePreference | Should -Be 'SilentlyContinue'
        @(Get-CallerStream Verbose | Where-Object { $_.Message -match '^GET \S+ -> 200 OK in \d+ ms' }).Count | Should -Be 1
        @(Get-CallerStream Verbose -Off).Count | Should -Be 0
    }

    It 'shows the exchange on -Debug with the token and password redacted' {
        $DebugPreference = 'Continue'
        $records = Connect-OSCloud -AuthUrl $script:Emulator.AuthUrl -Credential (New-TestCredential) -ProjectName demo 5>&1 |
            Where-Object { $_ -is [System.Management.Automation.DebugRecord] }
        $text = ($records.Message -join "`n")
        $text | Should -Match 'HTTP request: POST .*/auth/tokens'
        $text | Should -Match '"password":"\*\*\*"'
        $text | Should -Not -Match 'demo-secret'
        $text | Should -Match 'X-Subject-Token: \*\*\*'
        $records = New-OSSnapshot -VolumeId $script:VolumeAvailable 5>&1 | Where-Object { $_ -is [System.Management.Automation.DebugRecord] }
        ($records.Message -join "`n") | Should -Match 'X-Auth-Token: \*\*\*'
    }
}
