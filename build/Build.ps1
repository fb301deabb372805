# Build: compiles the solution and lays out the module folder out/OpenStackSnapshot:
#   OpenStackSnapshot.psd1/.Format.ps1xml, LICENSE, the cmdlet assembly OpenStackSnapshot.dll (netstandard2.0, loaded by
#   both PowerShells) with its help in en-US, and per PowerShell edition dependencies/<edition> with the client and its
#   dependencies (Core: net8.0, Desktop: net472), which the cmdlet assembly loads in isolation (on Core through
#   OpenStackSnapshot.CoreLoader.dll, its private AssemblyLoadContext).

$script:Root = Split-Path -Parent $PSScriptRoot
$script:ModuleName = 'OpenStackSnapshot'
$script:ModuleOut = Join-Path $script:Root "out/$script:ModuleName"
$script:EmulatorDll = Join-Path $script:Root 'src/OpenStackSnapshot.Emulator/bin/Release/net10.0/OpenStackSnapshot.Emulator.dll'
# The client's build for each PowerShell edition, named as $PSEdition names it.
$script:Frameworks = [ordered]@{ Core = 'net8.0'; Desktop = 'net472' }

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
    New-Item -ItemType Directory -Path $script:ModuleOut -Force | Out-Null
    Copy-Item (Join-Path $script:Root "src/$script:ModuleName/bin/Release/netstandard2.0/$script:ModuleName.dll") -Destination $script:ModuleOut
    foreach ($edition in $script:Frameworks.Keys) {
        $bin = Join-Path $script:Root "src/$script:ModuleName.Client/bin/Release/$($script:Frameworks[$edition])"
        $dependencies = Join-Path $script:ModuleOut "dependencies/$edition"
        New-Item -ItemType Directory -Path $dependencies -Force | Out-Null
        # No symbols shipped: the package stays small, and nothing reads them.
        Get-ChildItem $bin -File -Filter '*.dll' | Copy-Item -Destination $dependencies
    }
    # PowerShell 7's private load context, which the cmdlet assembly calls by reflection.
    $coreLoader = Join-Path $script:Root "src/$script:ModuleName.CoreLoader/bin/Release/net8.0/$script:ModuleName.CoreLoader.dll"
    Copy-Item $coreLoader -Destination (Join-Path $script:ModuleOut 'dependencies/Core')
    foreach ($file in "$script:ModuleName.Format.ps1xml", 'LICENSE') {
        Copy-Item (Join-Path $script:Root $file) -Destination $script:ModuleOut
    }
    Write-ModuleManifest (Join-Path $script:ModuleOut "$script:ModuleName.psd1")
    Assert-CmdletExports $script:ModuleOut
    $helpBuilder = Join-Path $script:Root 'build/Docs.ps1'
    if (Test-Path $helpBuilder) { . $helpBuilder; Invoke-Docs -OutputFolder $script:ModuleOut }
    Write-Host "Module laid out in $script:ModuleOut"
    $script:ModuleOut
}

# The module folder, built first only when it or the emulator is missing, or a source (src, docs, the manifest, the
# views, the version, the release notes) is newer than the module's manifest, which every build writes.
function Invoke-ModuleBuildIfNeeded {
    $manifest = Join-Path $script:ModuleOut "$script:ModuleName.psd1"
    if ((Test-Path $manifest) -and (Test-Path $script:EmulatorDll)) {
        $sources = @(Get-ChildItem (Join-Path $script:Root 'src'), (Join-Path $script:Root 'docs') -Recurse -File |
                Where-Object FullName -NotMatch '[\\/](bin|obj)[\\/]') +
            @(Get-Item (Join-Path $script:Root "$script:ModuleName.*"), (Join-Path $script:Root 'Directory.Build.props'),
                (Join-Path $script:Root 'CHANGELOG.md'))
        $newest = ($sources | Sort-Object LastWriteTimeUtc -Descending | Select-Object -First 1).LastWriteTimeUtc
        if ($newest -lt (Get-Item $manifest).LastWriteTimeUtc) { Write-Host "Module up to date in $script:ModuleOut"; return $script:ModuleOut }
    }
    Invoke-ModuleBuild
}

# The one version: Directory.Build.props, which also stamps the assemblies.
function Get-ModuleVersion {
    $props = [xml](Get-Content (Join-Path $script:Root 'Directory.Build.props') -Raw)
    $version = $props.Project.PropertyGroup.Version | Where-Object { $_ } | Select-Object -First 1
    if (-not $version) { throw 'Directory.Build.props has no <Version>.' }
    $version.Trim()
}

# This version's section of CHANGELOG.md: the Gallery's release notes.
function Get-ReleaseNotes([string] $Version) {
    $text = Get-Content (Join-Path $script:Root 'CHANGELOG.md') -Raw
    $match = [regex]::Match($text, "(?ms)^## $([regex]::Escape($Version))\s*\r?\n(.*?)(?=^## |\z)")
    if (-not $match.Success) { throw "CHANGELOG.md has no '## $Version' section: write the release notes before building $Version." }
    $match.Groups[1].Value.Trim()
}

# The manifest, stamped with the version and release notes; everything else is as written in the repo.
function Write-ModuleManifest([string] $Path) {
    $version = Get-ModuleVersion
    $notes = (Get-ReleaseNotes $version).Replace("'", "''")
    $text = Get-Content (Join-Path $script:Root "$script:ModuleName.psd1") -Raw
    $text = $text -replace "ModuleVersion(\s*)= '[^']*'", "ModuleVersion`$1= '$version'"
    $text = $text -replace "ReleaseNotes(\s*)= '[^']*'", "ReleaseNotes`$1= '$($notes.Replace('$', '$$'))'"   # $ in the notes stays literal
    [IO.File]::WriteAllText($Path, $text, [Text.UTF8Encoding]::new($false))
}

# Every compiled cmdlet is exported and every export is compiled, read in a fresh pwsh from the assembly itself.
function Assert-CmdletExports([string] $ModuleFolder) {
    $dll = Join-Path $ModuleFolder "$script:ModuleName.dll"
    $compiled = @(Invoke-FreshPwsh "(Import-Module '$($dll -replace "'", "''")' -PassThru).ExportedCmdlets.Keys" | Sort-Object)
    if ($compiled.Count -eq 0) { throw "Could not list the cmdlets compiled into $dll." }
    # Test-ModuleManifest reads the manifest as PowerShell will, and gives the name and version said below.
    $manifest = Test-ModuleManifest (Join-Path $ModuleFolder "$script:ModuleName.psd1") -ErrorAction Stop
    $exported = @($manifest.ExportedCmdlets.Keys | Sort-Object)
    $missing = @($compiled | Where-Object { $_ -notin $exported })
    $extra = @($exported | Where-Object { $_ -notin $compiled })
    if ($missing -or $extra) {
        $notExported = if ($missing) { " not exported: $($missing -join ', ')." }
        $notCompiled = if ($extra) { " exported but not compiled: $($extra -join ', ')." }
        throw "OpenStackSnapshot.psd1's CmdletsToExport does not match the compiled cmdlets:$notExported$notCompiled"
    }
    Write-Host "Manifest: $($manifest.Name) $($manifest.Version), $($compiled.Count) cmdlets exported"
}

# Runs a script in a fresh pwsh of the same PowerShell (the build's own session never loads the module); throws on failure.
function Invoke-FreshPwsh([string] $Script) {
    $process = (Get-Process -Id $PID).Path
    $prefix = @(if ([IO.Path]::GetFileNameWithoutExtension($process) -eq 'dotnet') { Join-Path $PSHOME 'pwsh.dll' })
    $encoded = [Convert]::ToBase64String([Text.Encoding]::Unicode.GetBytes($Script))
    $output = & $process @prefix -NoProfile -NonInteractive -EncodedCommand $encoded
    if ($LASTEXITCODE -ne 0) { throw "A fresh pwsh failed (exit code $LASTEXITCODE) running: $($Script.Split("`n")[0])" }
    $output
}

# Clean: everything the build and the tests made.
function Invoke-Clean {
    $roots = (Join-Path $script:Root 'src'), (Join-Path $script:Root 'tests')
    $built = Get-ChildItem $roots -Recurse -Directory -Include bin, obj -ErrorAction SilentlyContinue
    foreach ($folder in @(Join-Path $script:Root 'out') + @($built | ForEach-Object FullName)) {
        if (Test-Path $folder) { Remove-Item $folder -Recurse -Force; Write-Host "removed $folder" }
    }
}

# Where NuGet restored packages (PackageDownload puts Pester and the test-only assemblies there).
function Get-NuGetPackageRoot {
    $line = & dotnet nuget locals global-packages --list
    ($line -replace '^global-packages:\s*', '').Trim()
}
