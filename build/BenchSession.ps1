# Run in a fresh pwsh by build.ps1 -Task Bench. Each case runs the module and the raw requests alternately,
# so both meet the same machine load; medians of the runs and their ratio are printed.
param([string] $ModulePath, [string] $AuthUrl, [string] $ControlUrl)
$ErrorActionPreference = 'Stop'
Import-Module $ModulePath
$volume = '521752a6-acf6-4b2d-bc7a-119f9148cd8c'
$credential = [pscredential]::new('demo', (ConvertTo-SecureString 'demo-secret' -AsPlainText -Force))
Import-Module (Join-Path $PSScriptRoot 'RawOpenStack.psm1')

Connect-OSCloud -AuthUrl $AuthUrl -Credential $credential -ProjectName demo | Out-Null
$raw = Get-RawToken $AuthUrl $credential demo
$headers = @{ 'X-Auth-Token' = $raw.Token; 'X-OpenStack-Nova-API-Version' = '2.1' }
$createBody = @{ snapshot = @{ volume_id = $volume; display_name = 'bench'; force = $false } } | ConvertTo-Json

# The same sign-in from a clouds.yaml + secure.yaml, as users do it: what resolving the files adds.
$configFolder = Join-Path ([IO.Path]::GetTempPath()) ("oss-bench-" + [guid]::NewGuid().ToString('n').Substring(0, 8))
New-Item -ItemType Directory -Path $configFolder | Out-Null
"clouds:`n  bench:`n    auth:`n      auth_url: $AuthUrl`n      username: demo`n      project_name: demo`n" | Set-Content (Join-Path $configFolder 'clouds.yaml')
"clouds:`n  bench:`n    auth:`n      password: demo-secret`n" | Set-Content (Join-Path $configFolder 'secure.yaml')
$env:OS_CLIENT_CONFIG_FILE = Join-Path $configFolder 'clouds.yaml'
$env:OS_CLIENT_SECURE_FILE = Join-Path $configFolder 'secure.yaml'

$cases = [ordered]@{
    'sign in (token + catalog)'   = @({ Connect-OSCloud -AuthUrl $AuthUrl -Credential $credential -ProjectName demo | Out-Null }, { Get-RawToken $AuthUrl $credential demo | Out-Null }, 15)
    'sign in from clouds.yaml'    = @({ Connect-OSCloud -Cloud bench | Out-Null }, { Get-RawToken $AuthUrl $credential demo | Out-Null }, 15)
    'create 1 snapshot'           = @({ New-OSSnapshot -VolumeId $volume -Name bench | Out-Null }, { Invoke-RestMethod -Method Post -Uri "$($raw.Compute)/os-snapshots" -Headers $headers -ContentType 'application/json' -Body $createBody | Out-Null }, 30)
    'create 20 in one pipeline'   = @({ 1..20 | ForEach-Object { $volume } | New-OSSnapshot -Name bench | Out-Null }, { foreach ($i in 1..20) { Invoke-RestMethod -Method Post -Uri "$($raw.Compute)/os-snapshots" -Headers $headers -ContentType 'application/json' -Body $createBody | Out-Null } }, 7)
    'list all snapshots'          = @({ Get-OSSnapshot | Out-Null }, { (Invoke-RestMethod -Uri "$($raw.Compute)/os-snapshots/detail" -Headers $headers).snapshots | Out-Null }, 15)
}

Connect-OSCloud -AuthUrl $AuthUrl -Credential $credential -ProjectName demo | Out-Null
# warm both paths once, so JIT and connection set-up are not in the medians
foreach ($case in $cases.Values) { & $case[0]; & $case[1] }

'{0,-28} {1,12} {2,12} {3,8}' -f 'case', 'module ms', 'raw ms', 'ratio'
foreach ($name in $cases.Keys) {
    $module, $rawAction, $runs = $cases[$name]
    $moduleTimes = [System.Collections.Generic.List[double]]::new()
    $rawTimes = [System.Collections.Generic.List[double]]::new()
    foreach ($run in 1..$runs) {
        $moduleTimes.Add((Measure-Command $module).TotalMilliseconds)
        $rawTimes.Add((Measure-Command $rawAction).TotalMilliseconds)
    }
    $m = ($moduleTimes | Sort-Object)[[int][Math]::Floor(($runs - 1) / 2)]
    $r = ($rawTimes | Sort-Object)[[int][Math]::Floor(($runs - 1) / 2)]
    '{0,-28} {1,12:n1} {2,12:n1} {3,8:n2}' -f $name, $m, $r, ($m / $r)
}
Remove-Item $configFolder -Recurse -Force
