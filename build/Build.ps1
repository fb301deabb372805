# Build: compiles the solution and lays out the module folder out/OpenStackSnapshot:
#   OpenStackSnapshot.psd1/.psm1/.Format.ps1xml, and per framework <fw>/OpenStackSnapshot.dll with the client
#   and its dependencies in <fw>/dependencies (loaded in isolation) and the help in <fw>/en-US.

$script:Root = Split-Path -Parent $PSScriptRoot
$script:ModuleName = 'OpenStackSnapshot'
$script:ModuleOut = Join-Path $script:Root "out/$script:ModuleName"
$script:EmulatorDll = Join-Path $script:Root 'src/OpenStackSnapshot.Emulator/bin/Release/net10.0/OpenStackSnapshot.Emulator.dll'

# A simple function on purpose: $args passes -v and the like through to dotnet untouched.
function Invoke-Dotnet {
    & dotnet @args | Out-Host
    if ($LASTEXITCODE -ne 0) { throw "dotnet $($args -join ' ') failed with exit code $LASTEXITCODE" }
}

function Invoke-ModuleBuild {
    Write-Host '== Build' -ForegroundColor Cyan
    Invoke-Dotnet build (Join-Path $script:Root 'OpenStackSnapshot.sln') -c Release -nologo -v quiet '-clp:ErrorsOnly;Summary'
    Invoke-Dotnet restore (Join-Path $script:Root 'tests/TestDependencies/TestDependencies.csproj') -v quiet

    if (Test-Path $script:ModuleOut) { Remove-Item $script:ModuleOut -Recurse -Force }
    foreach ($framework in 'net8.0', 'netstandard2.0') {
        $bin = Join-Path $script:Root "src/$script:ModuleName/bin/Release/$framework"
        $target = Join-Path $script:ModuleOut $framework
        $dependencies = Join-Path $target 'dependencies'
        New-Item -ItemType Directory -Path $dependencies -Force | Out-Null
        foreach ($file in Get-ChildItem $bin -File) {
            $isCmdletAssembly = $file.BaseName -eq $script:ModuleName
            if ($file.Extension -notin '.dll', '.pdb') { continue }
            Copy-Item $file.FullName -Destination ($isCmdletAssembly ? $target : $dependencies)
        }
    }
    foreach ($file in "$script:ModuleName.psd1", "$script:ModuleName.psm1", "$script:ModuleName.Format.ps1xml") {
        Copy-Item (Join-Path $script:Root $file) -Destination $script:ModuleOut
    }
    $helpBuilder = Join-Path $script:Root 'build/Docs.ps1'
    if (Test-Path $helpBuilder) { . $helpBuilder; Invoke-Docs -OutputFolder $script:ModuleOut }
    Write-Host "Module laid out in $script:ModuleOut"
    $script:ModuleOut
}

# Where NuGet restored packages (PackageDownload puts Pester and the test-only assemblies there).
function Get-NuGetPackageRoot {
    $line = & dotnet nuget locals global-packages --list
    ($line -replace '^global-packages:\s*', '').Trim()
}
