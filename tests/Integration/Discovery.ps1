# Dot-sourced in BeforeDiscovery: decides once whether the real stack is there to test against.
$script:RealSkip = $true
if ($env:OSS_REAL_SKIP_REASON) { Write-Warning "Integration tests skipped: $($env:OSS_REAL_SKIP_REASON)." }
elseif (-not $env:OSS_REAL_ENV -or -not (Test-Path $env:OSS_REAL_ENV)) {
    Write-Warning 'Integration tests skipped: no real OpenStack (run them through ./build.ps1 -Task Test -Suite Integration).'
}
else { $script:RealSkip = $false }
