# The Gallery round trip as a user does it: a PSResourceGet repository in a temporary folder, the package published
# to it, Install-PSResource into a clean module path, a fresh pwsh that imports the module by name, reads its help,
# connects to the emulator with a clouds.yaml and creates a snapshot; then an update and an uninstall.
# The user's own PSResourceGet registrations are never touched: every PSResourceGet call runs in a pwsh whose HOME
# is a temporary folder (that is where PSResourceGet keeps them), and the test checks they are unchanged.
BeforeAll {
    . (Join-Path $PSScriptRoot '../Pester/EmulatorTestSetup.ps1')
    . (Join-Path $script:RepoRoot 'build/Build.ps1')      # Invoke-Package packs the newer version as the build packs this one
    . (Join-Path $script:RepoRoot 'build/Package.ps1')
    # build/Test.ps1 packs the built module first and says where (build.ps1 -Task Package makes the same file).
    $script:Package = $env:OSS_PACKAGE_PATH
    if (-not $script:Package -or -not (Test-Path $script:Package)) { throw "OSS_PACKAGE_PATH does not name a package: '$script:Package'." }
    $script:Version = (Get-Item $script:Package).Name -replace '^OpenStackSnapshot\.(.+)\.nupkg$', '$1'
    $script:UserHome = New-TestFolder 'oss-gallery-home'
    $script:Repository = New-TestFolder 'oss-gallery-repo'
    $script:Transcript = [System.Collections.Generic.List[string]]::new()
    $script:UserRepositories = (Get-PSResourceRepository | Sort-Object Name | Format-Table Name, Uri, Trusted, Priority | Out-String)
    $script:Emulator = Start-Emulator
    $script:Newer = $null

    # A fresh pwsh as a new user's: its own HOME (so its own module path and PSResourceGet registrations), no profile.
    function Invoke-UserPwsh([string] $Script) {
        $process = (Get-Process -Id $PID).Path
        $prefix = @(if ([IO.Path]::GetFileNameWithoutExtension($process) -eq 'dotnet') { Join-Path $PSHOME 'pwsh.dll' })
        $saved = @{ HOME = $env:HOME; PSModulePath = $env:PSModulePath; XDG_DATA_HOME = $env:XDG_DATA_HOME; XDG_CONFIG_HOME = $env:XDG_CONFIG_HOME }
        try {
            $env:HOME = $script:UserHome; $env:PSModulePath = $null; $env:XDG_DATA_HOME = $null; $env:XDG_CONFIG_HOME = $null
            $preamble = "`$ErrorActionPreference = 'Stop'; `$ProgressPreference = 'SilentlyContinue'`n"
            $encoded = [Convert]::ToBase64String([Text.Encoding]::Unicode.GetBytes($preamble + $Script))
            $output = & $process @prefix -NoProfile -NonInteractive -EncodedCommand $encoded 2>&1 | ForEach-Object { "$_" }
            $exit = $LASTEXITCODE
        }
        finally { foreach ($key in $saved.Keys) { [Environment]::SetEnvironmentVariable($key, $saved[$key]) } }
        $script:Transcript.Add("PS> " + ($Script.Trim() -replace "`n", "`n>> "))
        foreach ($line in $output) { $script:Transcript.Add($line) }
        if ($exit -ne 0) { throw "pwsh exited with $exit`n$($output -join "`n")" }
        $output
    }

    # A newer version of the same package: the built module with its manifest stamped one patch higher.
    function New-NewerPackage {
        $script:Newer = New-TestFolder 'oss-gallery-newer'
        $folder = Join-Path $script:Newer 'OpenStackSnapshot'
        Copy-Item $script:ModulePath -Destination $folder -Recurse
        $manifest = Join-Path $folder 'OpenStackSnapshot.psd1'
        $parts = $script:Version.Split('.'); $newer = "$($parts[0]).$($parts[1]).$([int]$parts[2] + 1)"
        (Get-Content $manifest -Raw) -replace "ModuleVersion(\s*)= '[^']*'", "ModuleVersion`$1= '$newer'" | Set-Content $manifest
        [pscustomobject]@{ Version = $newer; Path = (Invoke-Package -Module $folder -Destination (Join-Path $script:Newer 'package')) }
    }
}

AfterAll {
    try { Invoke-UserPwsh "Unregister-PSResourceRepository -Name OSSLocal -ErrorAction SilentlyContinue" | Out-Null } catch { }
    Stop-Emulator $script:Emulator
    $results = Join-Path $script:RepoRoot 'out/test-results'
    New-Item -ItemType Directory -Path $results -Force | Out-Null
    $script:Transcript | Set-Content (Join-Path $results 'gallery-round-trip.txt')
    foreach ($folder in $script:UserHome, $script:Repository, $script:Newer) { Remove-Item $folder -Recurse -Force -ErrorAction SilentlyContinue }
}

Describe 'The Gallery package' {
    It 'holds only the module folder: the cmdlet assembly, the dependencies of both editions, format and help files, manifest, LICENSE' {
        Add-Type -AssemblyName System.IO.Compression.FileSystem
        $zip = [IO.Compression.ZipFile]::OpenRead($script:Package)
        try { $entries = @($zip.Entries.FullName) } finally { $zip.Dispose() }
        $entries | Should -Contain 'OpenStackSnapshot.psd1'
        $entries | Should -Contain 'LICENSE'
        $entries | Should -Contain 'OpenStackSnapshot.dll'
        $entries | Should -Contain 'dependencies/Core/OpenStackSnapshot.Client.dll'
        $entries | Should -Contain 'dependencies/Desktop/OpenStackSnapshot.Client.dll'
        $entries | Should -Contain 'OpenStackSnapshot.Format.ps1xml'
        $entries | Should -Contain 'en-US/about_OpenStackSnapshot.help.txt'
        $entries | Where-Object { $_ -match '\.pdb$|Emulator|Tests|build/|\.ps1$|tests/' } | Should -BeNullOrEmpty
    }

    It 'installs from a PSResourceGet repository into a clean module path' {
        $said = Invoke-UserPwsh @"
Register-PSResourceRepository -Name OSSLocal -Uri '$script:Repository' -Trusted
Publish-PSResource -NupkgPath '$script:Package' -Repository OSSLocal
Find-PSResource OpenStackSnapshot -Repository OSSLocal | ForEach-Object { "found `$(`$_.Name) `$(`$_.Version)" }
Install-PSResource OpenStackSnapshot -Repository OSSLocal -Scope CurrentUser -TrustRepository
Get-InstalledPSResource OpenStackSnapshot | ForEach-Object { "installed `$(`$_.Name) `$(`$_.Version) in `$(`$_.InstalledLocation)" }
"@
        "$said" | Should -Match "installed OpenStackSnapshot $([regex]::Escape($script:Version)) in $([regex]::Escape($script:UserHome))"
    }

    It 'imports by name in a fresh pwsh, shows its help, connects with a clouds.yaml and creates a snapshot' {
        $clouds = Join-Path $script:UserHome '.config/openstack/clouds.yaml'
        New-Item -ItemType Directory -Path (Split-Path $clouds) -Force | Out-Null
        "clouds:`n  mycloud:`n    auth:`n      auth_url: $($script:Emulator.AuthUrl)`n" +
            "      username: demo`n      password: demo-secret`n      project_name: demo`n" | Set-Content $clouds
        $said = Invoke-UserPwsh @"
Import-Module OpenStackSnapshot
`$module = Get-Module OpenStackSnapshot; "imported `$(`$module.Name) `$(`$module.Version) from `$(`$module.ModuleBase)"
(Get-Help New-OSSnapshot -Full | Out-String -Width 120) -split "``n" | Select-Object -First 6
Connect-OSCloud -Cloud mycloud | Format-List Name, UserName, ProjectName, ComputeUrl | Out-String
New-OSSnapshot -VolumeId $script:VolumeAvailable -Name from-gallery | Format-Table Id, Name, Status, VolumeId | Out-String -Width 120
"@
        "$said" | Should -Match "imported OpenStackSnapshot $([regex]::Escape($script:Version)) from $([regex]::Escape($script:UserHome))"
        "$said" | Should -Match 'New-OSSnapshot'
        "$said" | Should -Match 'SYNOPSIS'
        "$said" | Should -Match 'from-gallery\s+creating'
    }

    It 'updates to a newer version, which then imports' {
        $newer = New-NewerPackage
        $said = Invoke-UserPwsh @"
Publish-PSResource -NupkgPath '$($newer.Path)' -Repository OSSLocal
Update-PSResource OpenStackSnapshot -Repository OSSLocal -Scope CurrentUser -TrustRepository
(Get-InstalledPSResource OpenStackSnapshot | Sort-Object Version | ForEach-Object { "installed `$(`$_.Version)" }) -join ', '
Import-Module OpenStackSnapshot; "imported `$((Get-Module OpenStackSnapshot).Version)"
"@
        "$said" | Should -Match "imported $([regex]::Escape($newer.Version))"
    }

    It 'uninstalls every version' {
        $said = Invoke-UserPwsh @"
Uninstall-PSResource OpenStackSnapshot -Version '*' -Scope CurrentUser
"left: `$(@(Get-InstalledPSResource OpenStackSnapshot -ErrorAction SilentlyContinue).Count), " +
    "listed: `$(@(Get-Module -ListAvailable OpenStackSnapshot).Count)"
"@
        "$said" | Should -Match 'left: 0, listed: 0'
    }

    It "leaves the user's own repository registrations as they were" {
        (Get-PSResourceRepository | Sort-Object Name | Format-Table Name, Uri, Trusted, Priority | Out-String) | Should -Be $script:UserRepositories
    }
}
