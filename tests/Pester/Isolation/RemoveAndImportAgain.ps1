# Run in a fresh pwsh by Module.Tests.ps1: Remove-Module unhooks the resolver and closes the sessions; importing
# again in the same process hooks it again and works.
param([string] $ModulePath, [string] $AuthUrl, [string] $VolumeId)
$ErrorActionPreference = 'Stop'
function Get-Hooked {
    $assembly = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'OpenStackSnapshot' } | Select-Object -First 1
    $assembly.GetType('OpenStackSnapshot.Loading.ModuleLoader').GetProperty('IsHooked', [Reflection.BindingFlags]'NonPublic, Static').GetValue($null)
}
$credential = [pscredential]::new('demo', (ConvertTo-SecureString 'demo-secret' -AsPlainText -Force))
Import-Module $ModulePath
$unlisted = Connect-OSCloud -AuthUrl $AuthUrl -Credential $credential -ProjectName demo -Name first
$session = Connect-OSCloud -AuthUrl $AuthUrl -Credential $credential -ProjectName demo -Name first
"hooked after import: $(Get-Hooked)"
Remove-Module OpenStackSnapshot
"hooked after remove: $(Get-Hooked)"
"session closed after remove: $($session.IsClosed), the one it took the name from: $($unlisted.IsClosed)"
Import-Module $ModulePath
"hooked after import again: $(Get-Hooked)"
"sessions after import again: $(@(Get-OSSession).Count)"
Connect-OSCloud -AuthUrl $AuthUrl -Credential $credential -ProjectName demo | Out-Null
"created again on volume $((New-OSSnapshot -VolumeId $VolumeId -Name again).VolumeId)"
Remove-Module OpenStackSnapshot
Import-Module $ModulePath
$third = Connect-OSCloud -AuthUrl $AuthUrl -Credential $credential -ProjectName demo
Remove-Module OpenStackSnapshot
"closed by a second Remove-Module: $($third.IsClosed)"
