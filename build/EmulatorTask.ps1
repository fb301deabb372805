# Emulator: a place to try the module by hand. Starts the emulator in the foreground, writes a clouds.yaml and a
# secure.yaml for it (cloud 'emulator') in a temporary folder and prints the lines that use it from another pwsh;
# Ctrl+C stops it and removes the folder.

function Invoke-EmulatorTask {
    $module = Invoke-ModuleBuildIfNeeded
    Import-Module (Join-Path $PSScriptRoot 'Emulator.psm1') -Force
    $folder = Join-Path ([IO.Path]::GetTempPath()) "oss-emulator-$([guid]::NewGuid().ToString('n').Substring(0, 8))"
    $emulator = $null
    try {
        New-Item -ItemType Directory -Path $folder | Out-Null
        $emulator = Start-Emulator
        $files = Write-EmulatorCloudsYaml $emulator $folder
        $signIn = 'user demo, password demo-secret, project demo'
        Write-Host "== Emulator: Keystone, Nova and Cinder at $($emulator.BaseUrl) ($signIn)" -ForegroundColor Cyan
        Write-Host 'In another pwsh:'
        Write-Host ''
        # Both variables: like the openstack CLI, the module never looks for secure.yaml beside OS_CLIENT_CONFIG_FILE's file.
        Write-Host "`$env:OS_CLIENT_CONFIG_FILE = $(Format-Quoted $files.Clouds); `$env:OS_CLIENT_SECURE_FILE = $(Format-Quoted $files.Secure)"
        Write-Host "Import-Module $(Format-Quoted $module); Connect-OSCloud -Cloud emulator"
        Write-Host ''
        Write-Host "Then, for example: Get-OSVolume -Name data-01 | New-OSSnapshot -Name first -Wait; Get-OSSnapshot"
        Write-Host "Ctrl+C stops the emulator and removes $folder."
        # A short wait in a loop, not one long one: PowerShell acts on Ctrl+C only between statements.
        while (-not $emulator.Process.WaitForExit(500)) { }
        throw "The emulator stopped by itself (exit code $($emulator.Process.ExitCode))."
    }
    finally {
        if ($emulator) { Stop-Emulator $emulator }
        Remove-Item $folder -Recurse -Force -ErrorAction SilentlyContinue
        Write-Host "Emulator stopped; $folder removed."
    }
}

# The seeded member user of the emulator's README, as a user writes it: the password only in secure.yaml.
function Write-EmulatorCloudsYaml($Emulator, [string] $Folder) {
    $files = [pscustomobject]@{ Clouds = (Join-Path $Folder 'clouds.yaml'); Secure = (Join-Path $Folder 'secure.yaml') }
    Set-Content -Path $files.Clouds -Value @"
clouds:
  emulator:
    auth:
      auth_url: $($Emulator.AuthUrl)
      username: demo
      project_name: demo
      user_domain_name: Default
      project_domain_name: Default
    region_name: RegionOne
"@
    Set-Content -Path $files.Secure -Value "clouds:`n  emulator:`n    auth:`n      password: demo-secret"
    $files
}

# A path as a PowerShell single-quoted string, so the printed lines paste as they are.
function Format-Quoted([string] $Text) { "'$($Text.Replace("'", "''"))'" }
