# Loads the build for this PowerShell: Core/ (net8.0, isolated AssemblyLoadContext) on PowerShell 7, Desktop/ (net472,
# AssemblyResolve) on Windows PowerShell 5.1. Nothing else runs at import. A manifest that picks the build itself
# ("$PSEdition/..." or an if in RootModule) imports faster, but ForEach-Object -Parallel runspaces that autoload the
# module at once then fail with CommandNotFoundException (tests/Pester/Module.Tests.ps1 checks it).
Import-Module -Name (Join-Path -Path $PSScriptRoot -ChildPath "$PSEdition/OpenStackSnapshot.dll") -ErrorAction Stop
