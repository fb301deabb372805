<#
.SYNOPSIS
    The one entry point: builds the module, runs the tests, the demo and the benchmarks.
.EXAMPLE
    dotnet tool restore; dotnet pwsh ./build.ps1 -Task Demo
.EXAMPLE
    dotnet tool restore; dotnet pwsh ./build.ps1 -Task Test
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Docs', 'Demo', 'Bench')]
    [string] $Task = 'Build',

    # Test only: which suites to run (Integration needs root and apt: it installs a real OpenStack).
    [ValidateSet('Unit', 'Pester', 'Integration')]
    [string[]] $Suite = @('Unit', 'Pester', 'Integration')
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0
. (Join-Path $PSScriptRoot 'build/Build.ps1')

switch ($Task) {
    'Build' { Invoke-ModuleBuild | Out-Null }
    'Docs'  { . (Join-Path $PSScriptRoot 'build/Docs.ps1'); Invoke-Docs -OutputFolder (Invoke-ModuleBuild) }
    'Test'  { . (Join-Path $PSScriptRoot 'build/Test.ps1'); exit (Invoke-Tests -Suite $Suite) }
    'Demo'  { . (Join-Path $PSScriptRoot 'build/Demo.ps1'); Invoke-Demo }
    'Bench' { . (Join-Path $PSScriptRoot 'build/Bench.ps1'); Invoke-Bench }
}
