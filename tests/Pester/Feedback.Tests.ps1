# What a user sees while a cmdlet works: one verbose line per request, the redacted exchange on -Debug.
# Ctrl+C is Cancel.Tests.ps1.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSetup.ps1')
    $script:Emulator = Start-Emulator
}
AfterAll { Stop-Emulator $script:Emulator }

Describe 'Verbose and debug output' {
    BeforeEach { Reset-Emulator $script:Emulator }

    It 'writes one verbose line per request: method, URL, status, time and request id' {
        Connect-TestCloud $script:Emulator | Out-Null
        $lines = New-OSSnapshot -VolumeId $script:VolumeAvailable -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -notlike 'Performing the operation*' }
        $lines.Count | Should -Be 1
        $lines[0].Message | Should -Match '^POST http://127\.0\.0\.1:\d+/compute/v2\.1/os-snapshots -> 200 OK in \d+ ms \(req-[0-9a-f-]{36}\)$'
    }

    It 'asks nothing on -Debug alone: the per-request line goes to the debug stream' {
        # PowerShell gives a compiled cmdlet under -Debug (without -Verbose) a verbose preference of Inquire: each
        # verbose line would prompt, and fail in a non-interactive session such as this one.
        Connect-TestCloud $script:Emulator | Out-Null
        $records = @(Get-OSSnapshot -Debug 5>&1 4>&1 | Where-Object { $_ -is [System.Management.Automation.InformationalRecord] })
        @($records | Where-Object { $_ -is [System.Management.Automation.DebugRecord] -and $_.Message -match '^GET \S+ -> 200 OK in \d+ ms' }).Count | Should -Be 1
        @($records | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Count | Should -Be 0
    }

    It 'describes the exchange by the caller''s own $DebugPreference, and -Debug:$false wins over it' {
        # The description is built only when it will be kept, so the caller's scope (here a function in another
        # module) must be what decides, not the global preference.
        Connect-TestCloud $script:Emulator | Out-Null
        $caller = New-Module -Name DebugCaller -ScriptBlock {
            function Get-Described { $DebugPreference = 'Continue'; Get-OSSnapshot 5>&1 }
            function Get-Silenced { $DebugPreference = 'Continue'; Get-OSSnapshot -Debug:$false 5>&1 }
        }
        try {
            $global:DebugPreference | Should -Be 'SilentlyContinue'
            $described = @(Get-Described | Where-Object { $_ -is [System.Management.Automation.DebugRecord] })
            ($described.Message -join "`n") | Should -Match 'HTTP response: 200 OK'
            @(Get-Silenced | Where-Object { $_ -is [System.Management.Automation.DebugRecord] }).Count | Should -Be 0
        }
        finally { Remove-Module $caller }
    }

    It 'writes the per-request line by the caller''s own $VerbosePreference, and -Verbose:$false wins over it' {
        # Like the debug description, the line is made only when it will be kept.
        Connect-TestCloud $script:Emulator | Out-Null
        $caller = New-Module -Name VerboseCaller -ScriptBlock {
            function Get-Said { $VerbosePreference = 'Continue'; Get-OSSnapshot 4>&1 }
            function Get-Unsaid { $VerbosePreference = 'Continue'; Get-OSSnapshot -Verbose:$false 4>&1 }
        }
        try {
            $global:VerbosePreference | Should -Be 'SilentlyContinue'
            @(Get-Said | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -match '^GET \S+ -> 200 OK in \d+ ms' }).Count | Should -Be 1
            @(Get-Unsaid | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Count | Should -Be 0
        }
        finally { Remove-Module $caller }
    }

    It 'shows the exchange on -Debug with the token and password redacted' {
        $DebugPreference = 'Continue'
        $records = Connect-OSCloud -AuthUrl $script:Emulator.AuthUrl -Credential (New-TestCredential) -ProjectName demo 5>&1 | Where-Object { $_ -is [System.Management.Automation.DebugRecord] }
        $text = ($records.Message -join "`n")
        $text | Should -Match 'HTTP request: POST .*/auth/tokens'
        $text | Should -Match '"password":"\*\*\*"'
        $text | Should -Not -Match 'demo-secret'
        $text | Should -Match 'X-Subject-Token: \*\*\*'
        $records = New-OSSnapshot -VolumeId $script:VolumeAvailable 5>&1 | Where-Object { $_ -is [System.Management.Automation.DebugRecord] }
        ($records.Message -join "`n") | Should -Match 'X-Auth-Token: \*\*\*'
    }
}
