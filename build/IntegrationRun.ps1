# The real OpenStack's suite alone, in a process of its own, so Test.ps1 can run it beside the other suites: they share
# the machine but no port (its services' ports lie below the ephemeral range the emulators take theirs from). Its tally
# goes to -TallyPath as JSON, since its output and the grand total are the parent's to show; the stack's state is kept
# in -StateDir, so the parent can stop it should this process not end.
param(
    [Parameter(Mandatory)] [string] $Results,
    [Parameter(Mandatory)] [string] $TallyPath,
    [Parameter(Mandatory)] [string] $StateDir
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0
. (Join-Path $PSScriptRoot 'Build.ps1')
. (Join-Path $PSScriptRoot 'Test.ps1')
. (Join-Path $PSScriptRoot 'Integration.ps1')

Invoke-IntegrationSuite $Results $StateDir | Select-Object -Last 1 | ConvertTo-Json | Set-Content -Path $TallyPath
