# Bench: medians of what users do, each beside what they would do instead, measured side by side in one run: against
# the emulator on 127.0.0.1 (BenchSession.ps1) and, where it can run, the real OpenStack of tests/real-openstack
# (BenchReal.ps1). Prints one table and writes it, with the machine's description, into docs/performance.md.

. (Join-Path $PSScriptRoot 'Integration.ps1')   # Get-IntegrationBlocker, Use-RealOpenStack

function Invoke-BenchScript([string] $Script, [hashtable] $Parameters) {
    $result = Join-Path ([IO.Path]::GetTempPath()) ("oss-bench-" + [guid]::NewGuid().ToString('n').Substring(0, 8) + '.json')
    $arguments = @(foreach ($key in $Parameters.Keys) { "-$key"; $Parameters[$key] })
    try {
        & dotnet pwsh -NoProfile -NonInteractive -File (Join-Path $PSScriptRoot $Script) @arguments -ResultPath $result | Out-Host
        if ($LASTEXITCODE -ne 0) { throw "$Script failed (exit code $LASTEXITCODE)." }
        @(Get-Content $result -Raw | ConvertFrom-Json)
    }
    finally { Remove-Item $result -ErrorAction SilentlyContinue }
}

# What the figures were measured on, without host names or paths.
function Get-MachineDescription {
    $cpu = if (Test-Path /proc/cpuinfo) {
        $model = Get-Content /proc/cpuinfo | Where-Object { $_ -like 'model name*' } | Select-Object -First 1
        ($model -split ':\s*', 2)[1]
    }
    $memory = if (Test-Path /proc/meminfo) { '{0:N0} GB' -f ([double]((Get-Content /proc/meminfo -First 1) -replace '\D') / 1MB) }
    $os = if (Test-Path /etc/os-release) { ((Get-Content /etc/os-release | Where-Object { $_ -like 'PRETTY_NAME=*' }) -split '=', 2)[1].Trim('"') }
    $load = (Get-Content /proc/loadavg -ErrorAction SilentlyContinue) -split ' ' | Select-Object -First 3
    "$cpu, $([Environment]::ProcessorCount) cores, $memory memory; $os; .NET $([Environment]::Version); " +
        "PowerShell $($PSVersionTable.PSVersion); load average before the run $load"
}

function Format-BenchTable([object[]] $Rows) {
    $lines = @('| case | module | compared with | comparison | ratio | target | met |', '|---|---:|---|---:|---:|---|---|')
    foreach ($row in $Rows) {
        $met = if (-not $row.Target) { '' } elseif ($row.Met) { 'yes' } else { '**no**' }
        $lines += '| {0} | {1:N1} {2} | {3} | {4:N1} {2} | {5:N2}x | {6} | {7} |' -f
            $row.Case, $row.Module, $row.Unit, $row.Versus, $row.Comparison, $row.Ratio, $row.Target, $met
    }
    $lines
}

# Replaces what is between the bench markers of docs/performance.md; the prose around them is written by hand.
function Update-PerformanceDoc([string[]] $Table, [string] $Machine, [string] $RealNote) {
    $path = Join-Path $script:Root 'docs/performance.md'
    $text = Get-Content $path -Raw
    $start = '<!-- bench:start -->'; $end = '<!-- bench:end -->'
    $from = $text.IndexOf($start); $to = $text.IndexOf($end)
    if ($from -lt 0 -or $to -lt $from) { throw "docs/performance.md has no $start ... $end section." }
    $measured = "Measured $((Get-Date).ToUniversalTime().ToString('yyyy-MM-dd')) on $Machine."
    $block = @($start, $measured, '') + $Table + @(if ($RealNote) { '', $RealNote }) + @($end)
    $text.Substring(0, $from) + ($block -join "`n") + $text.Substring($to + $end.Length) | Set-Content -Path $path -NoNewline -Encoding utf8
}

function Invoke-Bench {
    $clock = [Diagnostics.Stopwatch]::StartNew()
    $machine = Get-MachineDescription
    $module = Invoke-ModuleBuild
    Import-Module (Join-Path $PSScriptRoot 'Emulator.psm1') -Force
    Write-Host '== Bench: the emulator' -ForegroundColor Cyan
    $emulator = Start-Emulator
    try { $rows = Invoke-BenchScript 'BenchSession.ps1' @{ ModulePath = $module; AuthUrl = $emulator.AuthUrl; ControlUrl = $emulator.ControlUrl } }
    finally { Stop-Emulator $emulator }
    Write-Host '== Bench: the retention decision' -ForegroundColor Cyan
    $rows += Invoke-BenchScript 'BenchRetention.ps1' @{ ModulePath = $module }
    Write-Host '== Bench: coverage over generated data' -ForegroundColor Cyan
    $rows += Invoke-BenchScript 'BenchCoverage.ps1' @{ ModulePath = $module }
    $realNote = $null
    $blocker = Get-IntegrationBlocker
    if ($blocker) { $realNote = "The real-stack rows were not measured: $blocker."; Write-Host $realNote -ForegroundColor Yellow }
    else {
        Write-Host '== Bench: the real Keystone + Nova + Cinder' -ForegroundColor Cyan
        $rows += Use-RealOpenStack { param($envScript) Invoke-BenchScript 'BenchReal.ps1' @{ ModulePath = $module; EnvScript = $envScript } }
    }
    $table = Format-BenchTable $rows
    $table | Out-Host
    Update-PerformanceDoc $table $machine $realNote
    Write-Host ("Bench done in {0:N0} s; docs/performance.md updated." -f $clock.Elapsed.TotalSeconds)
}
