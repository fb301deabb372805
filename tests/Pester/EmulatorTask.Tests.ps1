# Issue 21: build.ps1 -Task Emulator as a user runs it: the lines it prints connect another pwsh to the emulator, and
# Ctrl+C (SIGINT, what a terminal sends) stops the emulator and removes the folder with its clouds.yaml.
BeforeAll {
    . (Join-Path $PSScriptRoot 'EmulatorTestSetup.ps1')
}

# Windows has no SIGINT to send to a process without a console of its own.
Describe 'build.ps1 -Task Emulator' -Skip:$IsWindows {
    It 'prints the lines that connect another pwsh to it; Ctrl+C stops the emulator and removes its folder' {
        $pwsh = Get-PwshCommandLine
        $taskArguments = @('-NoProfile', '-NonInteractive', '-File', (Join-Path $script:RepoRoot 'build.ps1'), '-Task', 'Emulator')
        # A process started in the background by a non-interactive shell inherits SIGINT ignored, as a terminal's never
        # is: env gives the task the default disposition, so Ctrl+C reaches it however the tests were started.
        $command = @('env', '--default-signal=INT') + $pwsh + $taskArguments
        $start = [System.Diagnostics.ProcessStartInfo]::new($command[0])
        foreach ($argument in @($command | Select-Object -Skip 1)) { $start.ArgumentList.Add($argument) }
        $start.UseShellExecute = $false
        $start.RedirectStandardOutput = $true
        $start.RedirectStandardInput = $true
        $start.WorkingDirectory = $script:RepoRoot
        $start.Environment['NO_COLOR'] = '1'
        $task = [System.Diagnostics.Process]::Start($start)
        try {
            # Minutes allowed: the task builds first when a source is newer than the module.
            $printed = Read-ProcessOutput $task '^Ctrl\+C stops the emulator' -Seconds 900
            $printed | Should -Not -BeNullOrEmpty -Because 'the task says how to use the emulator, then waits'
            $settings = @($printed | Where-Object { $_ -like '$env:OS_CLIENT_CONFIG_FILE = *; $env:OS_CLIENT_SECURE_FILE = *' })
            $connect = @($printed | Where-Object { $_ -like 'Import-Module *; Connect-OSCloud -Cloud emulator' })
            $settings.Count | Should -Be 1 -Because ($printed -join "`n")
            $connect.Count | Should -Be 1 -Because ($printed -join "`n")
            $folder = Split-Path -Parent ([regex]::Match($settings[0], "OS_CLIENT_CONFIG_FILE = '([^']+)'").Groups[1].Value)
            $base = [regex]::Match(($printed -join "`n"), 'https?://127\.0\.0\.1:\d+/').Value
            Test-Path (Join-Path $folder 'secure.yaml') | Should -BeTrue

            # Another pwsh as a user's: none of this process's OS_* variables, only the printed lines.
            $saved = Clear-OSEnvironment
            try {
                $use = "`$ErrorActionPreference = 'Stop'; $($settings[0]); $($connect[0]) | Out-Null; " +
                    "`$made = New-OSSnapshot -VolumeId $script:VolumeAvailable -Name from-emulator-task; " +
                    "(Get-OSSnapshot -Id `$made.Id).Name; (Get-OSSession).Name"
                $said = @(& $pwsh[0] @($pwsh | Select-Object -Skip 1) -NoProfile -NonInteractive -Command $use 2>&1 | ForEach-Object { "$_" })
            }
            finally { Restore-OSEnvironment $saved }
            $LASTEXITCODE | Should -Be 0 -Because ($said -join "`n")
            $said | Should -Be @('from-emulator-task', 'emulator')
        }
        finally {
            & kill -INT $task.Id
            $stopped = $task.WaitForExit(60000)
            if (-not $stopped) { $task.Kill($true) }
        }
        $stopped | Should -BeTrue -Because 'Ctrl+C stops the task'
        Test-Path $folder | Should -BeFalse -Because 'the task removes its clouds.yaml and secure.yaml'
        { Invoke-RestMethod "${base}_emulator/requests" -TimeoutSec 10 } | Should -Throw -Because 'the emulator is stopped with it'
    }
}
