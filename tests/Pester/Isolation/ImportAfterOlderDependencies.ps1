# Run in a fresh pwsh: another module's older Microsoft.Extensions.* are loaded first, then ours must still work.
param([string] $ModulePath, [string] $AuthUrl, [string] $PackageRoot)
$ErrorActionPreference = 'Stop'
foreach ($name in 'Microsoft.Extensions.Primitives', 'Microsoft.Extensions.Options', 'Microsoft.Extensions.Http') {
    $dll = Join-Path $PackageRoot "$($name.ToLowerInvariant())/8.0.0/lib/net8.0/$name.dll"
    $assembly = [System.Reflection.Assembly]::LoadFrom($dll)
    "preloaded $name $($assembly.GetName().Version)"
}
Import-Module $ModulePath
$credential = [pscredential]::new('demo', (ConvertTo-SecureString 'demo-secret' -AsPlainText -Force))
Connect-OSCloud -AuthUrl $AuthUrl -Credential $credential -ProjectName demo | Out-Null
$snapshot = New-OSSnapshot -VolumeId 521752a6-acf6-4b2d-bc7a-119f9148cd8c -Name isolation
"created on volume $($snapshot.VolumeId)"
