# Test: every suite, each counted the same way; the last line is the grand total
# "N passed, N failed[, N skipped]", and the exit code is non-zero when anything failed.

function New-TestTally([string] $Name, [int] $Passed = 0, [int] $Failed = 0, [int] $Skipped = 0) {
    [pscustomobject]@{ Name = $Name; Passed = $Passed; Failed = $Failed; Skipped = $Skipped }
}

function Invoke-UnitTests([string] $Results) {
    foreach ($project in Get-ChildItem (Join-Path $script:Root 'tests') -Recurse -Filter '*.Tests.csproj') {
        Write-Host "== xunit: $($project.BaseName)" -ForegroundColor Cyan
        $trx = Join-Path $Results "$($project.BaseName).trx"
        & dotnet test $project.FullName -c Release --no-build --nologo --logger "trx;LogFileName=$trx" --logger 'console;verbosity=minimal' | Out-Host
        if (-not (Test-Path $trx)) { New-TestTally $project.BaseName -Failed 1; continue }   # the runner itself failed
        $counters = ([xml](Get-Content $trx -Raw)).TestRun.ResultSummary.Counters
        $failed = [int]$counters.failed + [int]$counters.error + [int]$counters.timeout
        New-TestTally $project.BaseName -Passed $counters.passed -Failed $failed -Skipped $counters.notExecuted
    }
}

# Pester's version is written once, in the PackageDownload that brings it.
function Get-PesterVersion {
    $csproj = [xml](Get-Content (Join-Path $script:Root 'tests/TestDependencies/TestDependencies.csproj') -Raw)
    ($csproj.Project.ItemGroup.PackageDownload | Where-Object Include -EQ 'Pester').Version.Trim('[', ']')
}

# Pester runs in a fresh pwsh against the built module, as a user's session would.
function Invoke-PesterSuite([string] $Name, [string] $Path, [string] $Results, [hashtable] $Environment = @{}) {
    Write-Host "== Pester: $Name" -ForegroundColor Cyan
    $summary = Join-Path $Results "pester-$Name.json"
    Remove-Item $summary -ErrorAction SilentlyContinue
    $runner = Join-Path $PSScriptRoot 'RunPester.ps1'
    $pester = Join-Path (Get-NuGetPackageRoot) "pester/$(Get-PesterVersion)/tools/Pester.psd1"
    $saved = @{}
    foreach ($key in $Environment.Keys) {
        $saved[$key] = [Environment]::GetEnvironmentVariable($key)
        [Environment]::SetEnvironmentVariable($key, $Environment[$key])
    }
    Push-Location $script:Root
    try { & dotnet pwsh -NoProfile -NonInteractive -File $runner -PesterPath $pester -TestPath $Path -SummaryPath $summary | Out-Host }
    finally {
        Pop-Location
        foreach ($key in $saved.Keys) { [Environment]::SetEnvironmentVariable($key, $saved[$key]) }
    }
    if (-not (Test-Path $summary)) { return New-TestTally $Name -Failed 1 }
    $counts = Get-Content $summary -Raw | ConvertFrom-Json
    New-TestTally $Name -Passed $counts.Passed -Failed $counts.Failed -Skipped $counts.Skipped
}

function Invoke-Tests([string[]] $Suite) {
    $results = Join-Path $script:Root 'out/test-results'
    New-Item -ItemType Directory -Path $results -Force | Out-Null
    $tallies = [System.Collections.Generic.List[object]]::new()
    try {
        Invoke-ModuleBuild | Out-Null
    }
    catch {
        Write-Host "Build failed: $_" -ForegroundColor Red
        $tallies.Add((New-TestTally 'build' -Failed 1))
    }
    if ($tallies.Count -eq 0) {
        if ('Integration' -in $Suite) { . (Join-Path $PSScriptRoot 'Integration.ps1') }
        # The real stack's suite takes about as long as all the others together, so it runs beside them.
        $beside = if ('Integration' -in $Suite -and $Suite.Count -gt 1) { Start-IntegrationBeside $results }
        $received = $false
        try {
            if ('Unit' -in $Suite) { Invoke-UnitTests $results | ForEach-Object { $tallies.Add($_) } }
            if ('Pester' -in $Suite) { $tallies.Add((Invoke-PesterSuite 'emulator' (Join-Path $script:Root 'tests/Pester') $results)) }
            if ('Soak' -in $Suite) { $tallies.Add((Invoke-PesterSuite 'soak' (Join-Path $script:Root 'tests/Soak') $results)) }
            if ('Package' -in $Suite) {
                . (Join-Path $PSScriptRoot 'Package.ps1')
                $package = Invoke-Package -Module $script:ModuleOut
                $tallies.Add((Invoke-PesterSuite 'gallery' (Join-Path $script:Root 'tests/Package') $results @{ OSS_PACKAGE_PATH = $package }))
            }
            if ($beside) { $tallies.Add((Receive-IntegrationBeside $beside)); $received = $true }
            elseif ('Integration' -in $Suite) { $tallies.Add((Invoke-IntegrationSuite $results)) }
        }
        catch {
            # A harness failure is a failure like any other: the run still ends with its grand total.
            Write-Host "The test run failed: $_" -ForegroundColor Red
            $tallies.Add((New-TestTally 'harness' -Failed 1))
        }
        finally {
            # Also on Ctrl+C: the real stack must not outlive the run.
            if ($beside -and -not $received) { Stop-IntegrationBeside $beside }
        }
    }
    Write-Host ''
    foreach ($tally in $tallies) {
        Write-Host ("{0,-40} {1} passed, {2} failed, {3} skipped" -f $tally.Name, $tally.Passed, $tally.Failed, $tally.Skipped)
    }
    $passed = ($tallies | Measure-Object Passed -Sum).Sum
    $failed = ($tallies | Measure-Object Failed -Sum).Sum
    $skipped = ($tallies | Measure-Object Skipped -Sum).Sum
    $total = "$passed passed, $failed failed" + $(if ($skipped) { ", $skipped skipped" } else { '' })
    Write-Host $total
    if ($failed -gt 0 -or $passed -eq 0) { 1 } else { 0 }
}
