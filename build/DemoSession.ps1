# What a user does, run in a fresh pwsh by build.ps1 -Task Demo: import the built module, connect,
# create snapshots (an attached volume fails without -Force, as it should) and show them as a table.
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $AuthUrl
)
$ErrorActionPreference = 'Continue'

function Show-Command([string] $Text) { Write-Host "`nPS> $Text" -ForegroundColor Yellow }
# Tables as wide as the terminal they are shown in (wider ones wrap, and an 80-column terminal is what a new user
# has), else a wide fixed width, whatever the demo's output is piped into.
$script:Width = if ([Console]::IsOutputRedirected -or [Console]::WindowWidth -lt 40) { 160 } else { [Console]::WindowWidth - 1 }
function Show-Output { $input | Out-String -Width $script:Width | Write-Host }

Import-Module $ModulePath
$credential = [pscredential]::new('demo', (ConvertTo-SecureString 'demo-secret' -AsPlainText -Force))

Show-Command "Connect-OSCloud -AuthUrl $AuthUrl -Credential `$credential -ProjectName demo"
Connect-OSCloud -AuthUrl $AuthUrl -Credential $credential -ProjectName demo | Show-Output

Show-Command "New-OSSnapshot -VolumeId 521752a6-acf6-4b2d-bc7a-119f9148cd8c -Name snap-001 -Description 'Daily backup'"
New-OSSnapshot -VolumeId 521752a6-acf6-4b2d-bc7a-119f9148cd8c -Name snap-001 -Description 'Daily backup' | Show-Output

$volumes = '6f0f9a2e-3c4d-4e5f-8a6b-7c8d9e0f1a2b', 'c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e6f', '8b1e4c7d-2a3f-4b5c-9d6e-0f1a2b3c4d5e'
Show-Command "'$($volumes -join "','")' | New-OSSnapshot -Name nightly   # the second volume is attached"
$volumes | New-OSSnapshot -Name nightly -ErrorVariable failures | Show-Output
foreach ($failure in $failures) {
    Write-Host "error: $($failure.FullyQualifiedErrorId) [$($failure.CategoryInfo.Category)] target $($failure.TargetObject)"
    Write-Host "       $($failure.ErrorDetails.Message)"
}

Show-Command "'c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e6f' | New-OSSnapshot -Name nightly -Force"
'c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e6f' | New-OSSnapshot -Name nightly -Force | Show-Output

Show-Command "Get-OSSnapshot | Wait-OSSnapshot   # every snapshot of the project, once available"
Get-OSSnapshot | Wait-OSSnapshot -Timeout '00:01:00' | Show-Output

Show-Command "Get-OSSnapshot -Name nightly | Remove-OSSnapshot -WhatIf"
Get-OSSnapshot -Name nightly | Remove-OSSnapshot -WhatIf
