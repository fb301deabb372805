# The real OpenStack's suite alone, in a process of its own, so Test.ps1 can run it beside the other suites: it shares
# nothing with them (its services have fixed ports below the ephemeral range the emulators take theirs from). Its
# tally goes to -TallyPath as JSON, since its output and the grand total are the parent's to show.
param(
    [Parameter(Mandatory)] [string] $Results,
    [Parameter(Mandatory)] [string] $TallyPath
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0
. (Join-Path $PSScriptRoot 'Build.ps1')
. (Join-Path $PSScriptRoot 'Test.ps1')
. (Join-Path $PSScriptRoot 'Integration.ps1')

Invoke-IntegrationSuite $Results | Select-Object -Last 1 | ConvertTo-Json | Set-Content -Path $TallyPath
