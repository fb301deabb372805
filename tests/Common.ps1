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
