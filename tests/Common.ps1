# Helpers both Pester suites share (the emulator suite in tests/Pester, the real-cloud one in tests/Integration).

# A credential; the defaults are the emulator's seeded member user.
function New-TestCredential([string] $User = 'demo', [string] $Password = 'demo-secret') {
    [pscredential]::new($User, (ConvertTo-SecureString $Password -AsPlainText -Force))
}

# Runs a command and returns the one ErrorRecord it produced, whether written or thrown.
function Get-OneError([scriptblock] $Command) {
    $records = @()
    try { $records += @(& $Command 2>&1 | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] }) } catch { $records += $_ }
    $records.Count | Should -Be 1
    $records[0]
}

# A fresh folder under the temp directory for one test file's files; the caller removes it in AfterAll.
function New-TestFolder([string] $Prefix) {
    $path = Join-Path ([IO.Path]::GetTempPath()) ("$Prefix-" + [guid]::NewGuid().ToString('n').Substring(0, 8))
    New-Item -ItemType Directory -Path $path | Out-Null
    $path
}

# Clears every OS_* variable, XDG_CONFIG_HOME and the names in -Also, and returns what they were for Restore-OSEnvironment.
function Clear-OSEnvironment([string[]] $Also = @()) {
    $saved = @{}
    $names = @([Environment]::GetEnvironmentVariables().Keys | Where-Object { $_ -like 'OS_*' -or $_ -eq 'XDG_CONFIG_HOME' }) + $Also
    foreach ($name in $names | Select-Object -Unique) {
        $saved[$name] = [Environment]::GetEnvironmentVariable($name)
        [Environment]::SetEnvironmentVariable($name, $null)
    }
    $saved
}

# Puts back what Clear-OSEnvironment saved; OS_* variables set since then are removed.
function Restore-OSEnvironment([hashtable] $Saved) {
    Clear-OSEnvironment | Out-Null
    foreach ($name in $Saved.Keys) { [Environment]::SetEnvironmentVariable($name, $Saved[$name]) }
}

# The "What if:" lines a command shows: PowerShell writes them to the host, which only a transcript catches.
function Get-WhatIfLine([scriptblock] $Command) {
    $path = Join-Path ([IO.Path]::GetTempPath()) "oss-whatif-$([guid]::NewGuid().ToString('n')).txt"
    Start-Transcript -Path $path | Out-Null
    try { & $Command | Out-Null }
    finally { Stop-Transcript | Out-Null }
    try { @(Get-Content $path | Where-Object { $_ -like 'What if:*' }) }
    finally { Remove-Item $path -ErrorAction SilentlyContinue }
}

# This pwsh as the start of a child's command line: its executable, then pwsh.dll when it runs as a dotnet tool.
function Get-PwshCommandLine {
    $process = (Get-Process -Id $PID).Path
    @($process) + @(if ([IO.Path]::GetFileNameWithoutExtension($process) -eq 'dotnet') { Join-Path $PSHOME 'pwsh.dll' })
}

# The variables a scheduled run gets: no colour, and the built module ($script:ModulePath) first on its module path.
# -WithoutModule: no module path of ours and a user module path of its own (an empty folder), so no module is found.
# -Environment adds or replaces variables ($null removes one).
function Get-ScheduledEnvironment([hashtable] $Environment = @{}, [switch] $WithoutModule) {
    $variables = @{ NO_COLOR = '1'; PSModulePath = (Split-Path -Parent $script:ModulePath) + [IO.Path]::PathSeparator + $env:PSModulePath }
    if ($WithoutModule) {
        $variables.PSModulePath = $null
        $variables.XDG_DATA_HOME = (New-Item -ItemType Directory -Path (Join-Path $TestDrive 'no-modules') -Force).FullName
    }
    foreach ($name in $Environment.Keys) { $variables[$name] = $Environment[$name] }
    $variables
}

# Runs a script as cron or a systemd timer does: a fresh pwsh -NoProfile -NonInteractive -File, with the variables of
# Get-ScheduledEnvironment (set for the child, then put back). Returns ExitCode and Lines (standard output and error,
# uncoloured).
function Invoke-ScriptAsScheduled([string] $Path, [string[]] $Arguments = @(), [hashtable] $Environment = @{}, [switch] $WithoutModule) {
    $pwsh = Get-PwshCommandLine
    $variables = Get-ScheduledEnvironment $Environment -WithoutModule:$WithoutModule
    $saved = @{}
    foreach ($name in $variables.Keys) {
        $saved[$name] = [Environment]::GetEnvironmentVariable($name)
        [Environment]::SetEnvironmentVariable($name, $variables[$name])
    }
    try {
        $lines = @(& $pwsh[0] @($pwsh | Select-Object -Skip 1) -NoProfile -NonInteractive -File $Path @Arguments 2>&1 |
            ForEach-Object { "$_" })
        [pscustomobject]@{ ExitCode = $LASTEXITCODE; Lines = $lines }
    }
    finally { foreach ($name in $saved.Keys) { [Environment]::SetEnvironmentVariable($name, $saved[$name]) } }
}
