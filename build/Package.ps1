# Package: the .nupkg a PowerShell Gallery would receive, in out/package, made by PSResourceGet's Compress-PSResource
# from the built module folder alone (both builds, the dependencies, format and help files, manifest, LICENSE).

function Invoke-Package {
    param([string] $Module, [string] $Destination = (Join-Path $script:Root 'out/package'))
    if (-not $Module) { $Module = Invoke-ModuleBuild }
    Write-Host '== Package' -ForegroundColor Cyan
    New-Item -ItemType Directory -Path $Destination -Force | Out-Null
    Get-ChildItem $Destination -Filter "$script:ModuleName.*.nupkg" | Remove-Item
    Import-Module Microsoft.PowerShell.PSResourceGet -ErrorAction Stop
    Compress-PSResource -Path $Module -DestinationPath $Destination
    $package = Get-ChildItem $Destination -Filter "$script:ModuleName.*.nupkg" | Select-Object -First 1
    if (-not $package) { throw "Compress-PSResource wrote no package to $Destination." }
    Write-Host "Package: $($package.FullName)"
    $package.FullName
}
