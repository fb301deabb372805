# Run in a fresh pwsh by Module.Tests.ps1: with the module imported by path, four ForEach-Object -Parallel runspaces
# autoload it by name at once, as a runbook does with an installed module. Prints one word per runspace.
param([string] $ModulePath)
Import-Module $ModulePath
$env:PSModulePath = (Split-Path -Parent $ModulePath) + [IO.Path]::PathSeparator + $env:PSModulePath
(1..4 | ForEach-Object -ThrottleLimit 4 -Parallel {
    try { Get-OSSession -ErrorAction Stop | Out-Null; 'ok' } catch { $_.FullyQualifiedErrorId }
}) -join ' '
