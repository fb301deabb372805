# Demo: build, start the emulator on 127.0.0.1, then in a fresh pwsh import the built module, connect,
# create snapshots (one of them failing on purpose) and show them as a table.

function Invoke-Demo {
    $module = Invoke-ModuleBuild
    Import-Module (Join-Path $PSScriptRoot 'Emulator.psm1') -Force
    $emulator = Start-Emulator
    try {
        Write-Host "== Demo against the emulator at $($emulator.BaseUrl)" -ForegroundColor Cyan
        Push-Location $script:Root   # dotnet pwsh needs the tool manifest in .config/
        try {
            & dotnet pwsh -NoProfile -NonInteractive -File (Join-Path $PSScriptRoot 'DemoSession.ps1') -ModulePath $module -AuthUrl $emulator.AuthUrl
        }
        finally { Pop-Location }
        if ($LASTEXITCODE -ne 0) { throw "The demo failed (exit code $LASTEXITCODE)." }
    }
    finally {
        Stop-Emulator $emulator
    }
}
