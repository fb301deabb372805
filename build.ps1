<#
.SYNOPSIS
    The one entry point: builds the module, runs the tests, the demo, the emulator to try it by hand, the benchmarks and
    the count of the files one create passes (Way).
.EXAMPLE
    dotnet tool restore; dotnet pwsh ./build.ps1 -Task Demo
.EXAMPLE
    dotnet tool restore; dotnet pwsh ./build.ps1 -Task Emulator
.EXAMPLE
    dotnet tool restore; dotnet pwsh ./build.ps1 -Task Test
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Docs', 'Package', 'Clean', 'Demo', 'Emulator', 'Bench', 'Way')]
    [string] $Task = 'Build',

    # Test only: which suites to run, e.g. -Suite Unit,Pester (Soak: 1,000 creates under injected faults; Package: the
    # Gallery round trip; Integration needs root and apt: it installs a real OpenStack).
    [string[]] $Suite = @('Unit', 'Pester', 'Soak', 'Package', 'Integration'),

    # Way only: which sessions' APIs to measure New-OSSnapshot on, e.g. -WayApi Compute.
    [string[]] $WayApi = @('BlockStorage', 'Compute')
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0
. (Join-Path $PSScriptRoot 'build/Build.ps1')

# From bash, "-Suite Unit,Pester" arrives as one string: split it, then check each name.
$Suite = @($Suite -split ',' | ForEach-Object Trim | Where-Object { $_ })
foreach ($name in $Suite) {
    if ($name -notin 'Unit', 'Pester', 'Soak', 'Package', 'Integration') {
        throw "Unknown suite '$name': use Unit, Pester, Soak, Package or Integration."
    }
}
# The same for -WayApi, each name spelled as the API's (it names the files out/way/<Api>.txt).
$WayApi = @(foreach ($name in $WayApi -split ',' | ForEach-Object Trim | Where-Object { $_ }) {
        $known = @('BlockStorage', 'Compute') -eq $name
        if (-not $known) { throw "Unknown API '$name': use BlockStorage or Compute." }
        $known[0]
    })

switch ($Task) {
    'Build' { Invoke-ModuleBuild | Out-Null }
    'Docs'  { Invoke-ModuleBuild | Out-Null }   # the build writes the help; building it again would only repeat that
    'Package' { . (Join-Path $PSScriptRoot 'build/Package.ps1'); Invoke-Package | Out-Null }
    'Clean' { Invoke-Clean }
    'Test'  { . (Join-Path $PSScriptRoot 'build/Test.ps1'); exit (Invoke-Tests -Suite $Suite) }
    'Demo'  { . (Join-Path $PSScriptRoot 'build/Demo.ps1'); Invoke-Demo }
    'Emulator' { . (Join-Path $PSScriptRoot 'build/EmulatorTask.ps1'); Invoke-EmulatorTask }
    'Bench' { . (Join-Path $PSScriptRoot 'build/Bench.ps1'); Invoke-Bench }
    'Way'   { . (Join-Path $PSScriptRoot 'build/Way.ps1'); Invoke-Way -Api $WayApi }
}
