# Integration: installs (when missing) and starts a real Keystone, Nova and Cinder on 127.0.0.1 from Debian
# packages, runs tests/Integration against it, and always stops it again. Where it cannot be installed
# (not root, no apt-get), the suite runs with every test skipped and the reason said, except under CI=true,
# where that is a failure.

function Get-IntegrationBlocker {
    if (-not $IsLinux) { return 'the real OpenStack harness runs on Linux only' }
    if ((& id -u) -ne '0') { return 'installing and starting the real OpenStack needs root' }
    if (-not (Get-Command apt-get -ErrorAction SilentlyContinue)) { return 'apt-get is not available to install Keystone, Nova and Cinder' }
    $null
}

# A fresh folder for the real stack's state (its processes, ports and logs are recorded there).
function New-RealOpenStackState {
    Join-Path ([System.IO.Path]::GetTempPath()) ("oss-real-" + [guid]::NewGuid().ToString('n').Substring(0, 8))
}

# Stops what start.sh started in that state folder, by its recorded process groups; safe to call twice.
function Stop-RealOpenStack([string] $State) {
    if (Test-Path $State) { & bash (Join-Path $script:Root 'tests/real-openstack/stop.sh') $State | Out-Host }
}

# Installs (when missing) and starts the real stack in a fresh state folder (or the one given), runs $Action with the
# path of its env.ps1, and always stops it again, also after a failure or Ctrl+C.
function Use-RealOpenStack([scriptblock] $Action, [string] $State = (New-RealOpenStackState)) {
    $harness = Join-Path $script:Root 'tests/real-openstack'
    $state = $State
    try {
        & bash (Join-Path $harness 'install.sh') | Out-Host
        if ($LASTEXITCODE -ne 0) { throw "install.sh failed (exit code $LASTEXITCODE)" }
        & bash (Join-Path $harness 'start.sh') $state | Out-Host
        if ($LASTEXITCODE -ne 0) { throw "start.sh failed (exit code $LASTEXITCODE)" }
        & $Action (Join-Path $state 'env.ps1')
    }
    finally {
        Stop-RealOpenStack $state
    }
}

function Invoke-IntegrationSuite([string] $Results, [string] $State = (New-RealOpenStackState)) {
    $suite = Join-Path $script:Root 'tests/Integration'
    $blocker = Get-IntegrationBlocker
    if ($blocker) {
        Write-Host "Integration suite skipped: $blocker." -ForegroundColor Yellow
        $tally = Invoke-PesterSuite 'real-openstack' $suite $Results @{ OSS_REAL_SKIP_REASON = $blocker }
        if ($env:CI -eq 'true') { $tally.Failed += 1; Write-Host 'CI=true: the integration suite must run in CI.' -ForegroundColor Red }
        return $tally
    }

    Write-Host '== Real OpenStack: install and start' -ForegroundColor Cyan
    try {
        Use-RealOpenStack -State $State { param($envScript) Invoke-PesterSuite 'real-openstack' $suite $Results @{ OSS_REAL_ENV = $envScript } }
    }
    catch {
        Write-Host "The real OpenStack could not be started: $_" -ForegroundColor Red
        New-TestTally 'real-openstack' -Failed 1
    }
}

# Starts the suite in a pwsh of its own (build/IntegrationRun.ps1), beside the other suites: they share the machine but
# no port. Its output is kept in a log until it ends; the stack's state folder is chosen here, so it can be stopped here.
function Start-IntegrationBeside([string] $Results) {
    $run = [pscustomobject]@{
        Log = Join-Path $Results 'real-openstack.log'
        Tally = Join-Path $Results 'real-openstack.tally.json'
        State = New-RealOpenStackState
        Process = $null
    }
    Remove-Item $run.Log, "$($run.Log).err", $run.Tally -ErrorAction SilentlyContinue
    Write-Host '== Real OpenStack: started beside the other suites; its output follows theirs' -ForegroundColor Cyan
    $arguments = 'dotnet', 'pwsh', '-NoProfile', '-NonInteractive', '-File', (Join-Path $PSScriptRoot 'IntegrationRun.ps1'),
        '-Results', $Results, '-TallyPath', $run.Tally, '-StateDir', $run.State
    # Ahead of the other suites on the machine they share (its restart tests time kills against the real stack, and it
    # is the run's longest): everything it starts inherits the priority. Only root may raise it; elsewhere nice says so
    # and runs it as it is.
    if ($IsLinux -and (Get-Command nice -ErrorAction SilentlyContinue)) { $arguments = @('nice', '-n', '-5') + $arguments }
    # Start-Process joins its arguments with blanks, so each is quoted: a checkout path may hold one.
    $quoted = @($arguments | Select-Object -Skip 1 | ForEach-Object { '"' + ($_ -replace '"', '\"') + '"' })
    $run.Process = Start-Process $arguments[0] -ArgumentList $quoted -WorkingDirectory $script:Root -NoNewWindow -PassThru `
        -RedirectStandardOutput $run.Log -RedirectStandardError "$($run.Log).err"
    $null = $run.Process.Handle   # held from the start, so its exit code can be read once it ended
    $run
}

# Waits for the suite (in steps, so Ctrl+C is heard, and at most an hour, so a hung suite cannot hold CI to its limit),
# shows what it wrote, and gives its tally: one failure more when it wrote none, an unreadable one, or exited non-zero.
function Receive-IntegrationBeside($Run) {
    $deadline = [DateTime]::UtcNow.AddMinutes(60)
    while (-not $Run.Process.WaitForExit(1000)) {
        if ([DateTime]::UtcNow -lt $deadline) { continue }
        Write-Host 'The real OpenStack suite did not end within 60 minutes: stopping it.' -ForegroundColor Red
        Stop-IntegrationBeside $Run
        break
    }
    Write-Host '== Real OpenStack (ran beside the other suites)' -ForegroundColor Cyan
    foreach ($log in $Run.Log, "$($Run.Log).err") {
        if (Test-Path $log) { Get-Content $log | Out-Host }
    }
    try { $tally = Get-Content $Run.Tally -Raw -ErrorAction Stop | ConvertFrom-Json }
    catch { return New-TestTally 'real-openstack' -Failed 1 }
    $crashed = if ($Run.Process.HasExited -and $Run.Process.ExitCode -eq 0) { 0 } else { 1 }
    New-TestTally 'real-openstack' -Passed $tally.Passed -Failed ($tally.Failed + $crashed) -Skipped $tally.Skipped
}

# Ends the suite at once (its whole process tree) and stops the stack it may have left running.
function Stop-IntegrationBeside($Run) {
    if (-not $Run.Process.HasExited) { $Run.Process.Kill($true) }
    Stop-RealOpenStack $Run.State
}
