# Run in a fresh pwsh by build.ps1 -Task Bench, against the real Keystone + Nova + Cinder of tests/real-openstack:
# 20 creates from a fresh pwsh (start and sign-in included) beside 20 curl requests with one token and beside the
# openstack CLI. The module and the CLI sign in from the same OS_* variables; the rows go to $ResultPath.
param([string] $ModulePath, [string] $EnvScript, [string] $ResultPath)
$ErrorActionPreference = 'Stop'
. (Join-Path $PSScriptRoot 'Build.ps1')   # Invoke-FreshPwsh
Import-Module (Join-Path $PSScriptRoot 'BenchTools.psm1')
Import-Module (Join-Path $PSScriptRoot 'RawOpenStack.psm1')
. $EnvScript
$count = 20
$volumes = @($env:OSS_REAL_VOLUME_AVAILABLE_1, $env:OSS_REAL_VOLUME_AVAILABLE_2)
$env:OS_AUTH_URL = $env:OSS_REAL_AUTH_URL; $env:OS_IDENTITY_API_VERSION = '3'; $env:OS_REGION_NAME = $env:OSS_REAL_REGION
$env:OS_USERNAME = $env:OSS_REAL_MEMBER_USER; $env:OS_PASSWORD = $env:OSS_REAL_MEMBER_PASSWORD; $env:OS_PROJECT_NAME = $env:OSS_REAL_PROJECT
$env:OS_USER_DOMAIN_NAME = 'Default'; $env:OS_PROJECT_DOMAIN_NAME = 'Default'
$rows = [Collections.Generic.List[object]]::new()
function Step([string] $Text) { Write-Host "  $Text" -ForegroundColor DarkGray }

# The module: a fresh pwsh that imports it, signs in from OS_* and makes the creates.
$escaped = $ModulePath -replace "'", "''"
$volumeList = ($volumes | ForEach-Object { "'$_'" }) -join ','
function Get-ModuleRun([string] $Extra) {
    "Import-Module '$escaped'; Connect-OSCloud | Out-Null; `$v = @($volumeList)
     `$made = @(0..$($count - 1) | ForEach-Object { `$v[`$_ % 2] } | New-OSSnapshot -Name bench $Extra)
     if (`$made.Count -ne $count) { throw 'not every create succeeded' }"
}
$moduleSequential = Get-ModuleRun '-ThrottleLimit 1'
$moduleParallel = Get-ModuleRun '-ThrottleLimit 16'

# curl: one process for all the requests, with a token got before each run (its sign-in is not timed; a new one each
# run, as the module's, since Nova caches the validation of a token it has seen). The token goes in a header file
# readable only by root, so it is not on a command line.
$credential = [pscredential]::new($env:OS_USERNAME, (ConvertTo-SecureString $env:OS_PASSWORD -AsPlainText -Force))
$work = Join-Path ([IO.Path]::GetTempPath()) ("oss-bench-" + [guid]::NewGuid().ToString('n').Substring(0, 8))
New-Item -ItemType Directory -Path $work | Out-Null
& chmod 700 $work
$headerFile = Join-Path $work 'headers'
function New-CurlToken {
    $script:Raw = Get-RawToken $env:OS_AUTH_URL $credential $env:OS_PROJECT_NAME
    "X-Auth-Token: $($script:Raw.Token)`nX-OpenStack-Nova-API-Version: 2.1`nContent-Type: application/json" | Set-Content -Path $headerFile
}
function Invoke-Curl([string[]] $Parallel) {
    # One request per --next block, so each carries its own volume's body.
    $arguments = @(for ($i = 0; $i -lt $count; $i++) {
        if ($i) { '--next' }
        '-s'; '-o'; '/dev/null'; '-w'; '%{http_code}\n'; '-H'; "@$headerFile"
        '-d'; "{`"snapshot`": {`"volume_id`": `"$($volumes[$i % 2])`", `"display_name`": `"bench`", `"force`": false}}"
        "$($script:Raw.Compute)/os-snapshots"
    })
    $codes = @(& curl -s @Parallel @arguments 2>$null)   # -Z draws a progress meter on stderr despite -s; the codes say what matters
    if (@($codes | Where-Object { $_ -ne '200' }).Count -or $codes.Count -ne $count) {
        throw "curl: not every create answered 200: $($codes -join ' ')"
    }
}

try {
    Step "20 creates: module and curl, sequential and 16 in flight (3 runs each)"
    # Also what the module's runs spend before their first create: a bare pwsh, and one that imports and signs in.
    $modSeq, $modPar, $curlSeq, $curlPar, $signIn, $bare = Measure-Alternating 3 -Before { New-CurlToken } `
        { Invoke-FreshPwsh $moduleSequential | Out-Null }, { Invoke-FreshPwsh $moduleParallel | Out-Null },
        { Invoke-Curl @() }, { Invoke-Curl @('-Z', '--parallel-max', '16') },
        { Invoke-FreshPwsh "Import-Module '$escaped'; Connect-OSCloud | Out-Null" | Out-Null }, { Invoke-FreshPwsh '$null' | Out-Null }
    Step "20 creates: openstack volume snapshot create (1 run of $count commands)"
    $cli = Measure-Alternating 1 {
        for ($i = 0; $i -lt $count; $i++) {
            & openstack volume snapshot create --volume $volumes[$i % 2] -f value -c id bench | Out-Null
            if ($LASTEXITCODE -ne 0) { throw "openstack volume snapshot create failed (exit code $LASTEXITCODE)" }
        }
    }
}
finally { Remove-Item $work -Recurse -Force }

$sequential = @{
    Case = 'real stack: 20 creates from a fresh pwsh, sequential'; Unit = 'ms'; Module = $modSeq.Wall
    Versus = 'curl, one token, sequential'; Comparison = $curlSeq.Wall
    Target = 'at most 1.1x curl'; Met = ($modSeq.Wall -le 1.1 * $curlSeq.Wall)
}
$parallel = @{
    Case = 'real stack: 20 creates from a fresh pwsh, -ThrottleLimit 16'; Unit = 'ms'; Module = $modPar.Wall
    Versus = 'curl, one token, 16 in flight'; Comparison = $curlPar.Wall
    Target = 'at most 1.2x curl'; Met = ($modPar.Wall -le 1.2 * $curlPar.Wall)
}
# No target: it says what bounds the rows above.
$startCost = @{
    Case = 'real stack: what those runs spend before the first create (pwsh start, import, sign-in)'; Unit = 'ms'; Module = $signIn.Wall
    Versus = 'a bare pwsh start'; Comparison = $bare.Wall
    Target = ''; Met = $true
}
$sequentialCli = @{
    Case = 'real stack: 20 creates, sequential, vs the openstack CLI'; Unit = 'ms'; Module = $modSeq.Wall
    Versus = '20 openstack volume snapshot create'; Comparison = $cli.Wall
    Target = 'at least 5x faster'; Met = ($cli.Wall -ge 5 * $modSeq.Wall)
}
$parallelCli = @{
    Case = 'real stack: 20 creates, -ThrottleLimit 16, vs the openstack CLI'; Unit = 'ms'; Module = $modPar.Wall
    Versus = '20 openstack volume snapshot create'; Comparison = $cli.Wall
    Target = 'at least 5x faster'; Met = ($cli.Wall -ge 5 * $modPar.Wall)
}
foreach ($row in $sequential, $parallel, $startCost, $sequentialCli, $parallelCli) { $rows.Add((New-BenchRow @row)) }
$rows | ConvertTo-Json -Depth 3 | Set-Content -Path $ResultPath -Encoding utf8
