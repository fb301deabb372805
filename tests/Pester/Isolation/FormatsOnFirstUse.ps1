# Run in a fresh pwsh by Module.Tests.ps1: the module's views are not loaded by Import-Module (that would make
# PowerShell rebuild its format database at import) but by the first of its cmdlets to run in a runspace.
param([string] $ModulePath)
$ErrorActionPreference = 'Stop'
function Get-ViewCount { @(Get-FormatData -TypeName 'OpenStackSnapshot.Client.Models.Snapshot').Count }
Import-Module $ModulePath
"views after import: $(Get-ViewCount)"
Get-OSSession | Out-Null
"views after the first cmdlet: $(Get-ViewCount)"
Remove-Module OpenStackSnapshot
Import-Module $ModulePath
Get-OSSession | Out-Null
"views after Remove-Module and import again: $(Get-ViewCount)"
$env:PSModulePath = (Split-Path -Parent $ModulePath) + [IO.Path]::PathSeparator + $env:PSModulePath
"views in parallel runspaces: $((1..4 | ForEach-Object -ThrottleLimit 4 -Parallel {
    Get-OSSession | Out-Null; @(Get-FormatData -TypeName 'OpenStackSnapshot.Client.Models.Snapshot').Count }) -join ' ')"
