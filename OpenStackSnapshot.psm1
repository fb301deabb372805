# Loads the build that fits this PowerShell: net8.0 (isolated AssemblyLoadContext) on PowerShell 7,
# net472 (AssemblyResolve) on Windows PowerShell 5.1. Nothing else runs at import.
$framework = if ($PSEdition -eq 'Core') { 'net8.0' } else { 'net472' }
$assembly = Join-Path -Path $PSScriptRoot -ChildPath "$framework/OpenStackSnapshot.dll"
Import-Module -Name $assembly -ErrorAction Stop
