# Issue 21: examples/Invoke-NightlySnapshot.ps1 run from a user's session (&) leaves the caller's sessions and default
# as they were, whether it succeeds, is refused at the sign-in or is stopped by an error.
BeforeAll {
    . (Join-Path $PSScriptRoot 'EmulatorTestSetup.ps1')
    $script:Emulator = Start-Emulator
    $script:Runbook = Join-Path $script:RepoRoot 'examples/Invoke-NightlySnapshot.ps1'
}
AfterAll { Stop-TestEmulator }

Describe 'examples/Invoke-NightlySnapshot.ps1 run from a user''s session (&): the caller''s sessions are its own' {
    BeforeAll { Enter-TestCloudsYaml 'oss-caller' }
    AfterAll { Exit-TestCloudsYaml }
    BeforeEach {
        Reset-Emulator $script:Emulator
        Get-OSSession | Disconnect-OSCloud
    }
    AfterEach { $env:OS_PASSWORD = $null }

    It 'leaves them and the default as they were when <Case> (exit code <Code>)' -ForEach @(
        @{ Case = 'every step succeeds'; Code = 0; Password = $null; Stop = $false }
        @{ Case = 'the sign-in is refused'; Code = 2; Password = 'not-the-password'; Stop = $false }
        @{ Case = 'an error stops the run after the sign-in'; Code = 1; Password = $null; Stop = $true }
    ) {
        # The caller's own session of the same cloud, the default, and another beside it.
        $other = Connect-TestCloud $script:Emulator -Extra @{ Name = 'other' }
        $mine = Connect-OSCloud -Cloud mycloud -RetryIntervalSec 0
        $before = @(Get-OSSession)
        if ($Password) { $env:OS_PASSWORD = $Password }
        if ($Stop) { Set-EmulatorFault $script:Emulator -Route volumes.detail -Status 401 -Count 10 }

        & $script:Runbook -Cloud mycloud -VolumeName data-01 -KeepNewest 1 -ErrorAction SilentlyContinue -ErrorVariable failures | Out-Null
        $LASTEXITCODE | Should -Be $Code -Because "$failures"

        $after = @(Get-OSSession)
        $after.Count | Should -Be $before.Count -Because 'the runbook adds no session it leaves behind and removes none of the caller''s'
        foreach ($session in $before) { @($after | Where-Object { [object]::ReferenceEquals($_, $session) }).Count | Should -Be 1 }
        [object]::ReferenceEquals((Get-OSSession -Default), $mine) | Should -BeTrue -Because 'the caller''s default stays the default'
        $mine.IsClosed | Should -BeFalse
        $other.IsClosed | Should -BeFalse
        $env:OS_PASSWORD = $null
        Clear-EmulatorFault $script:Emulator
        { Get-OSSnapshot -ErrorAction Stop } | Should -Not -Throw -Because 'the default session still works'
    }
}
