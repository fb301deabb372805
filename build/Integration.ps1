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

# Installs (when missing) and starts the real stack in a fresh state folder, runs $Action with the path of its
# env.ps1, and always stops it again, also after a failure or Ctrl+C (by its recorded process groups).
function Use-RealOpenStack([scriptblock] $Action) {
    $harness = Join-Path $script:Root 'tests/real-openstack'
    $state = Join-Path ([System.IO.Path]::GetTempPath()) ("oss-real-" + [guid]::NewGuid().ToString('n').Substring(0, 8))
    try {
        & bash (Join-Path $harness 'install.sh') | Out-Host
        if ($LASTEXITCODE -ne 0) { throw "install.sh failed (exit code $LASTEXITCODE)" }
        & bash (Join-Path $harness 'start.sh') $state | Out-Host
        if ($LASTEXITCODE -ne 0) { throw "start.sh failed (exit code $LASTEXITCODE)" }
        & $Action (Join-Path $state 'env.ps1')
    }
    finally {
        if (Test-Path $state) { & bash (Join-Path $harness 'stop.sh') $state | Out-Host }
    }
}

function Invoke-IntegrationSuite([string] $Results) {
    $suite = Join-Path $script:Root 'tests/Integration'
    $blocker = Get-IntegrationBlocker
    if ($blocker) {
        Write-Host "Integration suite skipped: $blocker." -ForegroundColor Yellow
        $tally = Invoke-PesterSuite 'real-openstack' $suite $Results @{ OSS_REAL_SKIP_REASON = $blocker }
        if ($env:CI -eq 'true') { $tally.Failed += 1; Write-Host 'CI=true: the integration suite must run in CI.' -ForegroundColor Red }
        return $tally
    }

    Write-Host '== Real OpenStack: install and start' -ForegroundColor Cyan
    try { Use-RealOpenStack { param($envScript) Invoke-PesterSuite 'real-openstack' $suite $Results @{ OSS_REAL_ENV = $envScript } } }
    catch {
        Write-Host "The real OpenStack could not be started: $_" -ForegroundColor Red
        New-TestTally 'real-openstack' -Failed 1
    }
}
