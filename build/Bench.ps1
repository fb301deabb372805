# Bench: medians of what users do, measured side by side in one run against the emulator: the module's
# cmdlets beside the same requests made raw with Invoke-RestMethod, so the ratio is the module's overhead.

function Invoke-Bench {
    $module = Invoke-ModuleBuild
    Import-Module (Join-Path $PSScriptRoot 'Emulator.psm1') -Force
    $emulator = Start-Emulator
    try {
        Push-Location $script:Root
        try { & dotnet pwsh -NoProfile -NonInteractive -File (Join-Path $PSScriptRoot 'BenchSession.ps1') -ModulePath $module -AuthUrl $emulator.AuthUrl -ControlUrl $emulator.ControlUrl }
        finally { Pop-Location }
        if ($LASTEXITCODE -ne 0) { throw "The benchmark failed (exit code $LASTEXITCODE)." }
    }
    finally { Stop-Emulator $emulator }
}
