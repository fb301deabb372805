# Way: measures the count in docs/architecture.md's "One request's way" on this tree. tools/WayCount makes N = 1, 2 and
# 3 creates with New-OSSnapshot, each in a fresh test process under coverlet against a fresh emulator on 127.0.0.1, and
# build/WayReport.psm1 keeps the files whose lines the second create ran again. Prints, per API, the count, the lines
# (wc -l) and the files relative to src/, and writes them to out/way/<Api>.txt.

# No MSBuild node or shared compiler outlives the task on any machine, not only where the environment says so already:
# both builds (the module's and the measuring test's) run with them off, and the caller's settings come back after.
function Invoke-Way([string[]] $Api) {
    $set = @{ MSBUILDDISABLENODEREUSE = '1'; UseSharedCompilation = 'false' }
    $saved = @{}
    foreach ($key in $set.Keys) {
        $saved[$key] = [Environment]::GetEnvironmentVariable($key)
        [Environment]::SetEnvironmentVariable($key, $set[$key])
    }
    try { Invoke-WayMeasure $Api }
    finally {
        foreach ($key in $saved.Keys) { [Environment]::SetEnvironmentVariable($key, $saved[$key]) }
    }
}

function Invoke-WayMeasure([string[]] $Api) {
    $clock = [Diagnostics.Stopwatch]::StartNew()
    Invoke-ModuleBuild | Out-Null
    Import-Module (Join-Path $PSScriptRoot 'Emulator.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'WayReport.psm1') -Force
    $out = Join-Path $script:Root 'out/way'
    # A fresh output every time: coverlet rewrites the assemblies in place while it runs, so none is reused.
    if (Test-Path $out) { Remove-Item $out -Recurse -Force }
    New-Item -ItemType Directory -Path $out | Out-Null

    Write-Host '== Way: the measuring test (tools/WayCount)' -ForegroundColor Cyan
    $project = Join-Path $script:Root 'tools/WayCount/WayCount.csproj'
    # The client's folder is named once, in Build.ps1 ($script:Frameworks.Core): the project gets it from here.
    Invoke-Dotnet build $project -c Release -nologo -v quiet '-clp:ErrorsOnly;Summary' --artifacts-path (Join-Path $out 'build') `
        "-p:ClientFramework=$($script:Frameworks.Core)"
    $bin = Join-Path $out 'build/bin/WayCount/release'
    Assert-WayAssemblies $bin
    # The collector as the project names it: its version is written there once.
    $collectorVersion = ([xml](Get-Content $project -Raw)).SelectSingleNode("//PackageReference[@Include='coverlet.collector']").Version
    $adapter = Join-Path (Get-NuGetPackageRoot) "coverlet.collector/$collectorVersion/build/net10.0"

    foreach ($name in $Api) {
        Write-Host "== Way: New-OSSnapshot on a $name session, 1, 2 and 3 creates" -ForegroundColor Cyan
        $hits = @(foreach ($count in 1..3) { Invoke-WayRun -Bin $bin -Adapter $adapter -Api $name -Count $count -Out $out })
        $report = Get-WayReport $hits (Join-Path $script:Root 'src')
        $text = @("${name}: $($report.Files.Count) files, $($report.Lines) lines (wc -l)") + $report.Files
        Write-Host $text[0] -ForegroundColor Green
        $report.Files | ForEach-Object { Write-Host "  $_" }
        if ($report.Less) {
            Write-Host "A line ran less often after two creates than after one, in: $($report.Less -join ', ')" -ForegroundColor Yellow
        }
        if (-not $report.Steady) {
            throw "The third create passed other files than the second, so the count is not steady; the lines: $($report.Unsteady -join ', ')"
        }
        $differ = if ($report.Differ) { "; lines run another number of times: $($report.Differ -join ', ')" } else { '' }
        Write-Host "Steady: the third create passed the same $($report.Files.Count) files$differ" -ForegroundColor DarkGray
        $file = Join-Path $out "$name.txt"
        Set-Content -Path $file -Value $text -Encoding utf8NoBOM
        Write-Host "Written to out/way/$name.txt"
    }
    Write-Host ('Way done in {0:N0} s.' -f $clock.Elapsed.TotalSeconds)
}

# The assemblies measured are this tree's: the module build laid the same bytes out in out/, and the test's copies (with
# the symbols coverlet maps lines by) are the bin folders'.
function Assert-WayAssemblies([string] $Bin) {
    $cmdlets = Join-Path $script:Root "src/$script:ModuleName/bin/Release/netstandard2.0"
    $client = Join-Path $script:Root "src/$script:ModuleName.Client/bin/Release/$($script:Frameworks.Core)"
    $same = @(   # pairs of files that must hold the same bytes
        , @((Join-Path $script:ModuleOut "$script:ModuleName.dll"), (Join-Path $cmdlets "$script:ModuleName.dll"))
        , @((Join-Path $script:ModuleOut "dependencies/Core/$script:ModuleName.Client.dll"), (Join-Path $client "$script:ModuleName.Client.dll"))
        foreach ($file in "$script:ModuleName.dll", "$script:ModuleName.pdb") { , @((Join-Path $cmdlets $file), (Join-Path $Bin $file)) }
        foreach ($file in "$script:ModuleName.Client.dll", "$script:ModuleName.Client.pdb") { , @((Join-Path $client $file), (Join-Path $Bin $file)) }
    )
    foreach ($pair in $same) {
        $hashes = @($pair | ForEach-Object { (Get-FileHash -Path $_ -Algorithm SHA256 -ErrorAction Stop).Hash })
        if ($hashes[0] -ne $hashes[1]) { throw "$($pair[1]) is not $($pair[0]): the measured assemblies would not be this tree's." }
    }
}

# One fresh test process making -Count creates against its own emulator; the checked per-line hits of its report.
function Invoke-WayRun([string] $Bin, [string] $Adapter, [string] $Api, [int] $Count, [string] $Out) {
    $run = Join-Path $Out "$Api-N$Count"
    $log = "$run.log"
    $variables = @{ WAY_N = "$Count"; WAY_API = $Api; WAY_LOG = $log }
    $emulator = Start-Emulator
    try {
        $variables.WAY_AUTH_URL = $emulator.AuthUrl
        foreach ($key in $variables.Keys) { [Environment]::SetEnvironmentVariable($key, $variables[$key]) }
        $settings = Join-Path $script:Root 'tools/WayCount/coverage.runsettings'
        & dotnet test (Join-Path $Bin 'WayCount.dll') --settings $settings --collect 'XPlat Code Coverage' --test-adapter-path $Adapter `
            --results-directory $run *> "$run.test.txt"
        $failed = $LASTEXITCODE -ne 0 -or -not (Test-Path $log) -or -not (Select-String -Path $log -SimpleMatch 'creates succeeded' -Quiet)
        if ($failed) {
            Get-Content "$run.test.txt", $log -ErrorAction SilentlyContinue | Out-Host
            throw "The run of $Count create(s) on a $Api session failed (exit code $LASTEXITCODE): see out/way/$Api-N$Count.test.txt."
        }
        # The emulator's own count: each create went out once, none retried or repeated.
        $route = if ($Api -eq 'Compute') { 'snapshots.create' } else { 'cinder.snapshots.create' }
        $sent = Get-EmulatorRequestCount $emulator $route
        if ($sent -ne $Count) { throw "The emulator took $sent create(s) for $Count on a $Api session." }
    }
    finally {
        Stop-Emulator $emulator
        foreach ($key in $variables.Keys) { [Environment]::SetEnvironmentVariable($key, $null) }
    }
    $coverage = @(Get-ChildItem $run -Recurse -Filter 'coverage.cobertura.xml')
    if ($coverage.Count -ne 1) { throw "The run of $Count create(s) on a $Api session left $($coverage.Count) coverage reports in $run." }
    $xml = "$run.xml"
    Move-Item $coverage[0].FullName $xml
    Remove-Item $run -Recurse -Force
    $hits = Read-WayHits $xml
    Assert-WaySources $hits.Sources $xml
    $hits.Hits
}

# The report's lines are this tree's: its sources' root is this tree's src/ and no other folder.
function Assert-WaySources([string[]] $Sources, [string] $Report) {
    $src = [IO.Path]::GetFullPath((Join-Path $script:Root 'src')).TrimEnd('/', '\')
    $named = @($Sources | ForEach-Object { [IO.Path]::GetFullPath($_).TrimEnd('/', '\') })
    if ($named.Count -ne 1 -or $named[0] -ne $src) { throw "$Report names the sources $($Sources -join ', '), not this tree's $src." }
}
