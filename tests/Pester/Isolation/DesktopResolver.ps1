# Run in a fresh pwsh by Module.Tests.ps1. Windows PowerShell 5.1 cannot run here, so the cmdlet assembly's Windows
# PowerShell resolver (the AssemblyResolve handler) is called directly, on the shipped binary: it must answer only for an
# assembly of its own dependencies/Desktop folder, and only when one of its own assemblies asks.
param([string] $ModulePath)
$ErrorActionPreference = 'Stop'
$desktop = [Reflection.Assembly]::LoadFile((Join-Path $ModulePath 'OpenStackSnapshot.dll'))
$loader = $desktop.GetType('OpenStackSnapshot.Loading.DesktopResolver')
$resolve = $loader.GetMethod('ResolveOurs', [Reflection.BindingFlags]'NonPublic, Static')
function Resolve([string] $Name, $Asking) {
    $answer = $resolve.Invoke($null, @($null, [ResolveEventArgs]::new($Name, $Asking)))
    if ($answer) { "$(Split-Path -Leaf (Split-Path -Parent $answer.Location))/$($answer.GetName().Name)" } else { 'null' }
}
$client = [Reflection.Assembly]::LoadFile((Join-Path $ModulePath 'dependencies/Desktop/OpenStackSnapshot.Client.dll'))
$http = 'Microsoft.Extensions.Http, Version=10.0.0.0, Culture=neutral, PublicKeyToken=adb9793829ddae60'
"ours asks for a dependency: $(Resolve $http $desktop)"
"a dependency asks for another: $(Resolve 'Polly.Core, Version=8.0.0.0, Culture=neutral, PublicKeyToken=c8a3ffc3f8f825cc' $client)"
"another module asks for the same name: $(Resolve $http ([pscustomobject].Assembly))"
"nobody says who asks: $(Resolve $http $null)"
$newtonsoft = 'Newtonsoft.Json, Version=13.0.0.0, Culture=neutral, PublicKeyToken=30ad4fe6b2a6aeed'
"ours asks for a name not in dependencies/Desktop: $(Resolve $newtonsoft $desktop)"
